namespace SecureWa.Sdk.Http;

/// <summary>Client-side rate limits.</summary>
public sealed class WhatsAppRateLimitOptions
{
    internal void Validate(ICollection<string> failures)
    {
        _ = failures;
    }
}
