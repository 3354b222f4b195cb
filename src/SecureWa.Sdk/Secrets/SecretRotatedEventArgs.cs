namespace SecureWa.Sdk.Secrets;

/// <summary>
/// Describes a secret whose value changed between two reads. Carries versions only, never values.
/// </summary>
public sealed class SecretRotatedEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    /// <param name="name">The logical name of the secret.</param>
    /// <param name="previousVersion">The version of the value served before, if the provider knows one.</param>
    /// <param name="currentVersion">The version of the new value, if the provider knows one.</param>
    /// <param name="rotatedAt">When the change was noticed.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is <see langword="null"/> or empty.</exception>
    public SecretRotatedEventArgs(string name, string? previousVersion, string? currentVersion, DateTimeOffset rotatedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        PreviousVersion = previousVersion;
        CurrentVersion = currentVersion;
        RotatedAt = rotatedAt;
    }

    /// <summary>The logical name of the secret (see <see cref="SecretNames"/>).</summary>
    public string Name { get; }

    /// <summary>The version of the value served before, if known.</summary>
    public string? PreviousVersion { get; }

    /// <summary>The version of the new value, if known.</summary>
    public string? CurrentVersion { get; }

    /// <summary>When the change was noticed (by the provider's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset RotatedAt { get; }
}
