namespace SecureWa.Sdk.Media;

/// <summary>Media upload and download settings.</summary>
public sealed class WhatsAppMediaOptions
{
    internal void Validate(ICollection<string> failures)
    {
        _ = failures;
    }
}
