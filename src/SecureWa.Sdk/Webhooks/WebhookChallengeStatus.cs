namespace SecureWa.Sdk.Webhooks;

/// <summary>The outcome of <see cref="WebhookChallenge.Validate"/>.</summary>
public enum WebhookChallengeStatus
{
    /// <summary>The handshake is valid: answer 200 with the challenge as the body.</summary>
    Accepted = 0,

    /// <summary><c>hub.mode</c>, <c>hub.verify_token</c> or <c>hub.challenge</c> is missing.</summary>
    MissingParameter = 1,

    /// <summary><c>hub.mode</c> is not <c>subscribe</c>.</summary>
    WrongMode = 2,

    /// <summary><c>hub.verify_token</c> does not match the configured verify token.</summary>
    TokenMismatch = 3,

    /// <summary>The challenge is not a plain short token, so it is not echoed (no reflected content).</summary>
    InvalidChallenge = 4,
}
