using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Webhooks;

/// <summary>A change: the subscribed field that changed and its value.</summary>
public sealed class WebhookChange
{
    /// <summary>The webhook field, such as <c>messages</c>.</summary>
    [JsonPropertyName("field")]
    public string? Field { get; init; }

    /// <summary>The value.</summary>
    [JsonPropertyName("value")]
    public WebhookChangeValue? Value { get; init; }

    /// <summary>Fields this version of the SDK does not model, kept as raw JSON so nothing Meta sends is lost.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? AdditionalProperties { get; set; }

    /// <summary>The typed <c>message_template_status_update</c> value, or <see langword="null"/> for another field. Read from <see cref="Value"/> on each access.</summary>
    [JsonIgnore]
    public WebhookTemplateStatusUpdate? TemplateStatusUpdate => Is("message_template_status_update") ? WebhookTemplateStatusUpdate.From(Value!) : null;

    /// <summary>The typed <c>template_category_update</c> value, or <see langword="null"/> for another field.</summary>
    [JsonIgnore]
    public WebhookTemplateCategoryUpdate? TemplateCategoryUpdate => Is("template_category_update") ? WebhookTemplateCategoryUpdate.From(Value!) : null;

    /// <summary>The typed <c>message_template_quality_update</c> value, or <see langword="null"/> for another field.</summary>
    [JsonIgnore]
    public WebhookTemplateQualityUpdate? TemplateQualityUpdate => Is("message_template_quality_update") ? WebhookTemplateQualityUpdate.From(Value!) : null;

    /// <summary>The typed <c>account_update</c> value, or <see langword="null"/> for another field.</summary>
    [JsonIgnore]
    public WebhookAccountUpdate? AccountUpdate => Is("account_update") ? WebhookAccountUpdate.From(Value!) : null;

    /// <summary>The typed <c>phone_number_quality_update</c> value, or <see langword="null"/> for another field.</summary>
    [JsonIgnore]
    public WebhookPhoneNumberQualityUpdate? PhoneNumberQualityUpdate => Is("phone_number_quality_update") ? WebhookPhoneNumberQualityUpdate.From(Value!) : null;

    /// <summary>The typed <c>phone_number_name_update</c> value, or <see langword="null"/> for another field.</summary>
    [JsonIgnore]
    public WebhookPhoneNumberNameUpdate? PhoneNumberNameUpdate => Is("phone_number_name_update") ? WebhookPhoneNumberNameUpdate.From(Value!) : null;

    /// <summary>A description without personal data (phone numbers masked, text bodies omitted).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"WebhookChange {Field}";

    private bool Is(string field) => Value is not null && string.Equals(Field, field, StringComparison.Ordinal);
}
