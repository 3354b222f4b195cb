namespace SecureWa.Sdk.Secrets;

/// <summary>Settings of a <see cref="FileSecretProvider"/>.</summary>
public sealed class FileSecretProviderOptions
{
    /// <summary>The largest file accepted by default: 64 KiB.</summary>
    public const int DefaultMaxFileSize = 64 * 1024;

    /// <summary>The largest <see cref="MaxFileSize"/> a provider accepts: 1 MiB (secrets are a few hundred bytes).</summary>
    public const int MaxAllowedFileSize = 1024 * 1024;

    /// <summary>
    /// A directory holding one file per secret, such as a Kubernetes secret volume (<c>/etc/secrets/whatsapp</c>)
    /// or Docker's <c>/run/secrets</c>. A logical name not listed in <see cref="Files"/> is read from the file
    /// of the same name (<c>AccessToken</c>, <c>AppSecret</c>, <c>WebhookVerifyToken</c>).
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>
    /// Logical name to file path (for example <c>[SecretNames.AccessToken] = "access-token"</c>). A relative path is
    /// resolved against <see cref="Directory"/> when it is set, otherwise against the current directory.
    /// </summary>
    public IDictionary<string, string> Files { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The largest file accepted, in bytes, from 1 to <see cref="MaxAllowedFileSize"/>; <see cref="DefaultMaxFileSize"/> by default.</summary>
    public int MaxFileSize { get; set; } = DefaultMaxFileSize;
}
