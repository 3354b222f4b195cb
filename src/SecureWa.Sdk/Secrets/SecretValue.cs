using System.Diagnostics;
using SecureWa.Sdk.Secrets.Internal;

namespace SecureWa.Sdk.Secrets;

/// <summary>
/// A secret (an access token, an app secret, a webhook verify token) as handed out by an
/// <see cref="ISecretProvider"/>. The value is only reachable through <see cref="Reveal"/>:
/// <see cref="ToString"/>, the debugger (display, type proxy, hidden field) and equality never expose it, and there is no
/// implicit conversion to <see cref="string"/>.
/// </summary>
[DebuggerDisplay("SecretValue (redacted)")]
[DebuggerTypeProxy(typeof(SecretValueDebugView))]
public sealed class SecretValue
{
    private const string Redacted = "[redacted]";

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly string _value;

    /// <summary>Creates a secret value.</summary>
    /// <param name="value">The secret itself; must not be empty or padded with white space.</param>
    /// <param name="version">An optional provider-specific version (a Key Vault version id, a file's timestamp).</param>
    /// <param name="expiresOn">An optional point in time after which the secret must not be used.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty, white space, or has leading or trailing white space.</exception>
    public SecretValue(string value, string? version = null, DateTimeOffset? expiresOn = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0 || string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("A secret value must not be empty or white space.", nameof(value));
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            // Never include the value: the message would leak it.
            throw new ArgumentException("A secret value must not have leading or trailing white space (a stray newline from a file or a shell is the usual cause).", nameof(value));
        }

        _value = value;
        Version = version;
        ExpiresOn = expiresOn;
    }

    /// <summary>A provider-specific version of the secret, if the provider knows one.</summary>
    public string? Version { get; }

    /// <summary>When the secret expires, if the provider knows.</summary>
    public DateTimeOffset? ExpiresOn { get; }

    /// <summary>Returns the secret itself. Call it at the last moment and never log the result.</summary>
    /// <returns>The secret.</returns>
    public string Reveal() => _value;

    /// <summary>Tells whether the secret has expired at <paramref name="now"/>.</summary>
    /// <param name="now">The current time.</param>
    /// <returns><see langword="true"/> when <see cref="ExpiresOn"/> is set and not after <paramref name="now"/>.</returns>
    public bool IsExpired(DateTimeOffset now) => ExpiresOn is { } expiry && expiry <= now;

    /// <summary>Compares two secrets' values in constant time.</summary>
    /// <param name="other">The other secret.</param>
    /// <returns><see langword="true"/> when both hold the same value.</returns>
    public bool HasSameValueAs(SecretValue? other)
    {
        if (other is null)
        {
            return false;
        }

        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(_value.AsSpan()),
            System.Runtime.InteropServices.MemoryMarshal.AsBytes(other._value.AsSpan()));
    }

    /// <summary>Always returns <c>[redacted]</c>.</summary>
    /// <returns><c>[redacted]</c>.</returns>
    public override string ToString() => Redacted;
}
