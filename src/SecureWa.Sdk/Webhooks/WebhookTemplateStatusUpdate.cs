using SecureWa.Sdk.Templates;
using SecureWa.Sdk.Webhooks.Internal;

namespace SecureWa.Sdk.Webhooks;

/// <summary>A <c>message_template_status_update</c> change: a template was approved, rejected, paused, disabled…</summary>
public sealed class WebhookTemplateStatusUpdate
{
    /// <summary>The new status (<c>event</c>), such as <see cref="TemplateStatus.Approved"/>.</summary>
    public TemplateStatus? Event { get; init; }

    /// <summary>The template id (<c>message_template_id</c>).</summary>
    public string? TemplateId { get; init; }

    /// <summary>The template name.</summary>
    public string? TemplateName { get; init; }

    /// <summary>The template language.</summary>
    public string? TemplateLanguage { get; init; }

    /// <summary>The template category (<c>message_template_category</c>), when sent.</summary>
    public TemplateCategory? Category { get; init; }

    /// <summary>Why (<c>reason</c>), such as <c>NONE</c>, <c>INVALID_FORMAT</c>, <c>INCORRECT_CATEGORY</c>.</summary>
    public string? Reason { get; init; }

    /// <summary>The rejection explanation (<c>rejection_info.reason</c>), when rejected.</summary>
    public string? RejectionDetail { get; init; }

    /// <summary>Meta's recommendation (<c>rejection_info.recommendation</c>), when rejected.</summary>
    public string? Recommendation { get; init; }

    /// <summary>A description: event, template id, name and language.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookTemplateStatusUpdate {Event} {TemplateId} {TemplateName} ({TemplateLanguage})";

    internal static WebhookTemplateStatusUpdate From(WebhookChangeValue value)
    {
        var v = value.AdditionalProperties;
        var rejection = WebhookValueReader.Object(v, "rejection_info");
        var status = WebhookValueReader.String(v, "event");
        var category = WebhookValueReader.String(v, "message_template_category");
        return new WebhookTemplateStatusUpdate
        {
            Event = string.IsNullOrEmpty(status) ? null : new TemplateStatus(status),
            TemplateId = WebhookValueReader.String(v, "message_template_id"),
            TemplateName = WebhookValueReader.String(v, "message_template_name"),
            TemplateLanguage = WebhookValueReader.String(v, "message_template_language"),
            Category = string.IsNullOrEmpty(category) ? null : new TemplateCategory(category),
            Reason = WebhookValueReader.String(v, "reason"),
            RejectionDetail = rejection is { } r ? WebhookValueReader.String(r, "reason") : null,
            Recommendation = rejection is { } rr ? WebhookValueReader.String(rr, "recommendation") : null,
        };
    }
}
