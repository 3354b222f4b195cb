namespace SecureWa.Sdk.DependencyInjection.Internal;

/// <summary>Whether DI wraps the composed secret provider in a <see cref="Secrets.CachingSecretProvider"/> (on by default).</summary>
internal sealed class SecretCachingMode
{
    public bool Enabled { get; set; } = true;
}
