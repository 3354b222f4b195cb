namespace SecureWa.Sdk.Secrets.Internal;

/// <summary>What a debugger shows when a <see cref="SecretValue"/> is expanded: its version and expiry, never the value.</summary>
internal sealed class SecretValueDebugView(SecretValue secret)
{
    public string Value => "[redacted]";

    public string? Version => secret.Version;

    public DateTimeOffset? ExpiresOn => secret.ExpiresOn;
}
