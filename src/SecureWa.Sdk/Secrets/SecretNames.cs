namespace SecureWa.Sdk.Secrets;

/// <summary>The logical names of the secrets the SDK asks an <see cref="ISecretProvider"/> for.</summary>
public static class SecretNames
{
    /// <summary>The Graph API access token (a system user token, ideally) sent as <c>Authorization: Bearer</c>.</summary>
    public const string AccessToken = "AccessToken";

    /// <summary>The Meta app secret: keys <c>appsecret_proof</c> and webhook signatures.</summary>
    public const string AppSecret = "AppSecret";

    /// <summary>The token Meta echoes in the webhook subscription handshake (<c>hub.verify_token</c>).</summary>
    public const string WebhookVerifyToken = "WebhookVerifyToken";

    /// <summary>The PEM EC private key (P-256 for ES256) that signs operator session tokens.</summary>
    public const string OperatorSessionSigningKey = "OperatorSessionSigningKey";

    /// <summary>The previous operator session signing key: tokens it signed still validate while a rotation is under way.</summary>
    public const string OperatorSessionPreviousSigningKey = "OperatorSessionPreviousSigningKey";
}
