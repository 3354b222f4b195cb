namespace SecureWa.Sdk.Http;

/// <summary>Timeouts, retries and circuit breaking.</summary>
public sealed class WhatsAppResilienceOptions
{
    internal void Validate(ICollection<string> failures)
    {
        _ = failures;
    }
}
