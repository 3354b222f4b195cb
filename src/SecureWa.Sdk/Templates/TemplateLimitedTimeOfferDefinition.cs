namespace SecureWa.Sdk.Templates;

/// <summary>
/// The offer of a limited-time-offer marketing template (<c>{"type":"LIMITED_TIME_OFFER","limited_time_offer":{"text","has_expiration"}}</c>).
/// Such a template has no footer.
/// </summary>
/// <param name="text">The offer's heading (at most 16 characters).</param>
/// <param name="hasExpiration">Whether the offer shows an expiry (then the template needs a copy-code button).</param>
public sealed class TemplateLimitedTimeOfferDefinition(string text, bool hasExpiration = true) : TemplateDefinitionComponent
{
    /// <inheritdoc />
    public override string Type => "LIMITED_TIME_OFFER";

    /// <summary>The offer's heading.</summary>
    public string Text { get; } = text;

    /// <summary>Whether the offer shows an expiry.</summary>
    public bool HasExpiration { get; } = hasExpiration;
}
