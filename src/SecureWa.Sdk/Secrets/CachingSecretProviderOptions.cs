namespace SecureWa.Sdk.Secrets;

/// <summary>Settings of a <see cref="CachingSecretProvider"/>.</summary>
public sealed class CachingSecretProviderOptions
{
    /// <summary>
    /// How long a value is served before it is read again. Defaults to 5 minutes. A value whose
    /// <see cref="SecretValue.ExpiresOn"/> comes earlier is read again before that instead. A rejected value
    /// (<see cref="ISecretProvider.Invalidate(string)"/>, called on Graph error 190) is read again at once.
    /// </summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long before the end of <see cref="TimeToLive"/> (or before the value expires, whichever is first) a
    /// read starts a refresh in the background while callers keep getting the cached value. Defaults to 30 seconds;
    /// <see cref="TimeSpan.Zero"/> turns refresh-ahead off.
    /// </summary>
    public TimeSpan RefreshAhead { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After a failed refresh, how long the last good value is served before the next attempt. Defaults to 10 seconds.
    /// </summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest a read of the inner provider may take (a hanging vault); past it the read counts as failed: the last
    /// good value keeps being served until it expires, and a read with nothing cached fails. Defaults to 10 seconds;
    /// at most 5 minutes. Applies even to an inner provider that ignores cancellation.
    /// </summary>
    public TimeSpan RefreshTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Called after <see cref="CachingSecretProvider.SecretRotated"/>, with the same arguments; handy with DI,
    /// where the provider is built for you. Exceptions it throws are logged and swallowed.
    /// </summary>
    public Action<SecretRotatedEventArgs>? OnSecretRotated { get; set; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A duration is out of range.</exception>
    internal void Validate()
    {
        if (TimeToLive <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(TimeToLive), TimeToLive, "TimeToLive must be positive.");
        }

        if (RefreshAhead < TimeSpan.Zero || RefreshAhead >= TimeToLive)
        {
            throw new ArgumentOutOfRangeException(nameof(RefreshAhead), RefreshAhead, "RefreshAhead must be zero or positive and shorter than TimeToLive.");
        }

        if (RefreshTimeout <= TimeSpan.Zero || RefreshTimeout > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentOutOfRangeException(nameof(RefreshTimeout), RefreshTimeout, "RefreshTimeout must be positive and at most 5 minutes.");
        }

        if (RetryInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryInterval), RetryInterval, "RetryInterval must be positive.");
        }
    }
}
