using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Flows;

/// <summary>Options of the flow data exchange endpoint mapped by <c>MapWhatsAppFlowEndpoint</c>.</summary>
public sealed class WhatsAppFlowEndpointOptions
{
    /// <summary>The default <see cref="MaxBodySize"/>: 1 MiB.</summary>
    public const int DefaultMaxBodySize = 1024 * 1024;

    /// <summary>The largest request body accepted, in bytes; larger requests get 413 before any verification. Default 1 MiB.</summary>
    public int MaxBodySize { get; set; } = DefaultMaxBodySize;

    /// <summary>How long reading the request body may take before the endpoint answers 408. Default 5 seconds (Meta gives the whole exchange 10).</summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The name of the PEM private key in the <see cref="ISecretProvider"/>. Default <see cref="FlowSecretNames.PrivateKey"/>.</summary>
    public string PrivateKeySecretName { get; set; } = FlowSecretNames.PrivateKey;

    /// <summary>
    /// The name of the private key's passphrase in the <see cref="ISecretProvider"/>, for an encrypted PKCS#8 key. Default
    /// <see cref="FlowSecretNames.PrivateKeyPassphrase"/>; a name the provider does not know means "not encrypted".
    /// </summary>
    public string? PrivateKeyPassphraseSecretName { get; set; } = FlowSecretNames.PrivateKeyPassphrase;

    /// <summary>The name of the app secret that keys <c>X-Hub-Signature-256</c>. Default <see cref="SecretNames.AppSecret"/>.</summary>
    public string AppSecretName { get; set; } = SecretNames.AppSecret;

    /// <summary>A second app secret accepted during a rotation, or <see langword="null"/> (the default).</summary>
    public string? PreviousAppSecretName { get; set; }

    /// <summary>
    /// Whether every request other than <c>ping</c> must carry a flow token issued by <see cref="FlowTokenProtector"/>
    /// (valid signature, not expired). A request without one is answered 427 (<see cref="InvalidFlowTokenMessage"/>) and
    /// the handler is not called. Default <see langword="false"/>.
    /// </summary>
    public bool RequireValidFlowToken { get; set; }

    /// <summary>The message shown to the customer when <see cref="RequireValidFlowToken"/> refuses a token.</summary>
    public string InvalidFlowTokenMessage { get; set; } = "This form has expired. Please request a new one.";
}
