using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Messages.Internal;

/// <summary>Wire shape of <c>interactive</c>.</summary>
internal sealed class InteractiveDto
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("header")]
    public InteractiveHeaderDto? Header { get; set; }

    [JsonPropertyName("body")]
    public InteractiveTextDto? Body { get; set; }

    [JsonPropertyName("footer")]
    public InteractiveTextDto? Footer { get; set; }

    [JsonPropertyName("action")]
    public InteractiveActionDto? Action { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>Wire shape of <c>interactive.header</c>.</summary>
internal sealed class InteractiveHeaderDto
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("text")]
    public string? Text { get; set; }

    [JsonPropertyName("image")]
    public MediaObjectDto? Image { get; set; }

    [JsonPropertyName("video")]
    public MediaObjectDto? Video { get; set; }

    [JsonPropertyName("document")]
    public MediaObjectDto? Document { get; set; }
}

/// <summary>Wire shape of <c>interactive.body</c> and <c>interactive.footer</c>.</summary>
internal sealed class InteractiveTextDto
{
    [JsonPropertyName("text")]
    public string? Text { get; set; }
}

/// <summary>Wire shape of <c>interactive.action</c> (reply buttons, list, cta_url, flow).</summary>
internal sealed class InteractiveActionDto
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("button")]
    public string? Button { get; set; }

    [JsonPropertyName("buttons")]
    public List<ReplyButtonDto>? Buttons { get; set; }

    [JsonPropertyName("sections")]
    public List<ListSectionDto>? Sections { get; set; }

    [JsonPropertyName("catalog_id")]
    public string? CatalogId { get; set; }

    [JsonPropertyName("product_retailer_id")]
    public string? ProductRetailerId { get; set; }

    [JsonPropertyName("parameters")]
    public InteractiveActionParametersDto? Parameters { get; set; }
}

/// <summary>Wire shape of a reply button.</summary>
internal sealed class ReplyButtonDto
{
    [JsonPropertyName("type")]
    public string Type { get; set; } = "reply";

    [JsonPropertyName("reply")]
    public ReplyButtonReplyDto? Reply { get; set; }
}

/// <summary>Wire shape of <c>reply</c> in a reply button.</summary>
internal sealed class ReplyButtonReplyDto
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("title")]
    public string? Title { get; set; }
}

/// <summary>Wire shape of a list section.</summary>
internal sealed class ListSectionDto
{
    [JsonPropertyName("title")]
    public string? Title { get; set; }

    [JsonPropertyName("rows")]
    public List<ListRowDto>? Rows { get; set; }

    [JsonPropertyName("product_items")]
    public List<ProductItemDto>? ProductItems { get; set; }
}

/// <summary>Wire shape of a product in a product list section.</summary>
internal sealed class ProductItemDto
{
    [JsonPropertyName("product_retailer_id")]
    public string? ProductRetailerId { get; set; }
}

/// <summary>Wire shape of a list row.</summary>
internal sealed class ListRowDto
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("title")]
    public string? Title { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }
}

/// <summary>Wire shape of <c>action.parameters</c> for <c>cta_url</c> and <c>flow</c>.</summary>
internal sealed class InteractiveActionParametersDto
{
    [JsonPropertyName("display_text")]
    public string? DisplayText { get; set; }

    [JsonPropertyName("url")]
    public string? Url { get; set; }

    [JsonPropertyName("flow_message_version")]
    public string? FlowMessageVersion { get; set; }

    [JsonPropertyName("flow_token")]
    public string? FlowToken { get; set; }

    [JsonPropertyName("flow_id")]
    public string? FlowId { get; set; }

    [JsonPropertyName("flow_name")]
    public string? FlowName { get; set; }

    [JsonPropertyName("flow_cta")]
    public string? FlowCta { get; set; }

    [JsonPropertyName("flow_action")]
    public string? FlowAction { get; set; }

    [JsonPropertyName("mode")]
    public string? Mode { get; set; }

    [JsonPropertyName("flow_action_payload")]
    public FlowActionPayloadDto? FlowActionPayload { get; set; }

    [JsonPropertyName("thumbnail_product_retailer_id")]
    public string? ThumbnailProductRetailerId { get; set; }

    [JsonPropertyName("country")]
    public string? Country { get; set; }

    [JsonPropertyName("values")]
    public AddressValuesDto? Values { get; set; }

    [JsonPropertyName("saved_addresses")]
    public List<SavedAddressDto>? SavedAddresses { get; set; }

    [JsonPropertyName("validation_errors")]
    public Dictionary<string, string>? ValidationErrors { get; set; }

    [JsonPropertyName("reference_id")]
    public string? ReferenceId { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("payment_type")]
    public string? PaymentType { get; set; }

    [JsonPropertyName("payment_configuration")]
    public string? PaymentConfiguration { get; set; }

    [JsonPropertyName("payment_settings")]
    public List<PaymentSettingDto>? PaymentSettings { get; set; }

    [JsonPropertyName("currency")]
    public string? Currency { get; set; }

    [JsonPropertyName("total_amount")]
    public AmountDto? TotalAmount { get; set; }

    [JsonPropertyName("order")]
    public OrderDto? Order { get; set; }
}

/// <summary>Wire shape of <c>flow_action_payload</c>.</summary>
internal sealed class FlowActionPayloadDto
{
    [JsonPropertyName("screen")]
    public string? Screen { get; set; }

    [JsonPropertyName("data")]
    public JsonObject? Data { get; set; }
}
