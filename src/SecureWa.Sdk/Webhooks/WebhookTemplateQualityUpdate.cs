using SecureWa.Sdk.Templates;
using SecureWa.Sdk.Webhooks.Internal;

namespace SecureWa.Sdk.Webhooks;

/// <summary>A <c>message_template_quality_update</c> change: a template's quality score changed.</summary>
public sealed class WebhookTemplateQualityUpdate
{
    /// <summary>The template id (<c>message_template_id</c>).</summary>
    public string? TemplateId { get; init; }

    /// <summary>The template name.</summary>
    public string? TemplateName { get; init; }

    /// <summary>The template language.</summary>
    public string? TemplateLanguage { get; init; }

    /// <summary>The score before (<c>previous_quality_score</c>).</summary>
    public TemplateQualityScore? PreviousQualityScore { get; init; }

    /// <summary>The new score (<c>new_quality_score</c>).</summary>
    public TemplateQualityScore? NewQualityScore { get; init; }

    /// <summary>A description: template id, name and the score change.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookTemplateQualityUpdate {TemplateId} {TemplateName} ({TemplateLanguage}) {PreviousQualityScore} -> {NewQualityScore}";

    internal static WebhookTemplateQualityUpdate From(WebhookChangeValue value)
    {
        var v = value.AdditionalProperties;
        var previous = WebhookValueReader.String(v, "previous_quality_score");
        var current = WebhookValueReader.String(v, "new_quality_score");
        return new WebhookTemplateQualityUpdate
        {
            TemplateId = WebhookValueReader.String(v, "message_template_id"),
            TemplateName = WebhookValueReader.String(v, "message_template_name"),
            TemplateLanguage = WebhookValueReader.String(v, "message_template_language"),
            PreviousQualityScore = string.IsNullOrEmpty(previous) ? null : new TemplateQualityScore(previous),
            NewQualityScore = string.IsNullOrEmpty(current) ? null : new TemplateQualityScore(current),
        };
    }
}
