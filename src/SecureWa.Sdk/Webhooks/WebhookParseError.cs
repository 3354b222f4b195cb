namespace SecureWa.Sdk.Webhooks;

/// <summary>Why a webhook body could not be parsed.</summary>
public enum WebhookParseError
{
    /// <summary>The body is not valid JSON, is nested deeper than allowed, or does not have the shape of a notification.</summary>
    MalformedJson = 0,

    /// <summary>The body is larger than <see cref="WebhookParserOptions.MaxBodySize"/>.</summary>
    BodyTooLarge = 1,

    /// <summary>The body is empty.</summary>
    EmptyBody = 2,
}
