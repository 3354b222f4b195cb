using SecureWa.Sdk.Templates;
using SecureWa.Sdk.Webhooks.Internal;

namespace SecureWa.Sdk.Webhooks;

/// <summary>A <c>template_category_update</c> change: Meta changed (or will change) a template's category.</summary>
public sealed class WebhookTemplateCategoryUpdate
{
    /// <summary>The template id (<c>message_template_id</c>).</summary>
    public string? TemplateId { get; init; }

    /// <summary>The template name.</summary>
    public string? TemplateName { get; init; }

    /// <summary>The template language.</summary>
    public string? TemplateLanguage { get; init; }

    /// <summary>The category before (<c>previous_category</c>), when sent.</summary>
    public TemplateCategory? PreviousCategory { get; init; }

    /// <summary>The new category (<c>new_category</c>).</summary>
    public TemplateCategory? NewCategory { get; init; }

    /// <summary>The category Meta would assign (<c>correct_category</c>), in advance notices.</summary>
    public TemplateCategory? CorrectCategory { get; init; }

    /// <summary>A description: template id, name and the new category.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookTemplateCategoryUpdate {TemplateId} {TemplateName} ({TemplateLanguage}) -> {NewCategory}";

    internal static WebhookTemplateCategoryUpdate From(WebhookChangeValue value)
    {
        var v = value.AdditionalProperties;
        return new WebhookTemplateCategoryUpdate
        {
            TemplateId = WebhookValueReader.String(v, "message_template_id"),
            TemplateName = WebhookValueReader.String(v, "message_template_name"),
            TemplateLanguage = WebhookValueReader.String(v, "message_template_language"),
            PreviousCategory = Category(WebhookValueReader.String(v, "previous_category")),
            NewCategory = Category(WebhookValueReader.String(v, "new_category")),
            CorrectCategory = Category(WebhookValueReader.String(v, "correct_category")),
        };
    }

    private static TemplateCategory? Category(string? value) => string.IsNullOrEmpty(value) ? null : new TemplateCategory(value);
}
