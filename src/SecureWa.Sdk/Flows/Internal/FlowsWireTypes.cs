using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Flows.Internal;

// Shapes from facebook/openapi business-messaging-api_v23.0.yaml: paths /{WABA-ID}/flows, /{Flow-ID},
// /{Flow-ID}/assets, /{Flow-ID}/publish, /{Flow-ID}/deprecate, /{Phone-Number-ID}/whatsapp_business_encryption.

/// <summary>One flow on the wire (list item or <c>GET /{flow-id}</c>).</summary>
internal sealed class FlowDto
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("categories")]
    public List<string>? Categories { get; set; }

    [JsonPropertyName("validation_errors")]
    public List<FlowValidationErrorDto>? ValidationErrors { get; set; }

    [JsonPropertyName("json_version")]
    public string? JsonVersion { get; set; }

    [JsonPropertyName("data_api_version")]
    public string? DataApiVersion { get; set; }

    [JsonPropertyName("data_channel_uri")]
    public string? DataChannelUri { get; set; }

    [JsonPropertyName("endpoint_uri")]
    public string? EndpointUri { get; set; }

    [JsonPropertyName("preview")]
    public FlowPreviewDto? Preview { get; set; }
}

internal sealed class FlowValidationErrorDto
{
    [JsonPropertyName("error")]
    public string? Error { get; set; }

    [JsonPropertyName("error_type")]
    public string? ErrorType { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("line_start")]
    public int? LineStart { get; set; }

    [JsonPropertyName("line_end")]
    public int? LineEnd { get; set; }

    [JsonPropertyName("column_start")]
    public int? ColumnStart { get; set; }

    [JsonPropertyName("column_end")]
    public int? ColumnEnd { get; set; }
}

internal sealed class FlowPreviewDto
{
    [JsonPropertyName("preview_url")]
    public string? PreviewUrl { get; set; }

    /// <summary><c>2023-05-21T11:18:09+0000</c> (no colon in the offset).</summary>
    [JsonPropertyName("expires_at")]
    public string? ExpiresAt { get; set; }
}

/// <summary><c>{"data":[…],"paging":{"cursors":{"before","after"},"next"}}</c>.</summary>
internal sealed class FlowListResponse
{
    [JsonPropertyName("data")]
    public List<FlowDto>? Data { get; set; }

    [JsonPropertyName("paging")]
    public GraphPaging? Paging { get; set; }
}

internal sealed class GraphPaging
{
    [JsonPropertyName("cursors")]
    public GraphCursors? Cursors { get; set; }

    [JsonPropertyName("next")]
    public string? Next { get; set; }
}

internal sealed class GraphCursors
{
    [JsonPropertyName("before")]
    public string? Before { get; set; }

    [JsonPropertyName("after")]
    public string? After { get; set; }
}

/// <summary><c>{"id":"…"}</c>, the answer to a create.</summary>
internal sealed class FlowCreateResponse
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }
}

/// <summary><c>{"success":true[,"validation_errors":[…]]}</c>.</summary>
internal sealed class FlowSuccessResponse
{
    [JsonPropertyName("success")]
    public bool? Success { get; set; }

    [JsonPropertyName("validation_errors")]
    public List<FlowValidationErrorDto>? ValidationErrors { get; set; }
}

internal sealed class BusinessEncryptionDto
{
    [JsonPropertyName("business_public_key")]
    public string? BusinessPublicKey { get; set; }

    [JsonPropertyName("business_public_key_signature_status")]
    public string? SignatureStatus { get; set; }
}

/// <summary>
/// The openapi description answers <c>{"data":[{…}]}</c>; Meta's reference page shows the fields at the top level.
/// Both are read.
/// </summary>
internal sealed class BusinessEncryptionResponse
{
    [JsonPropertyName("data")]
    public List<BusinessEncryptionDto>? Data { get; set; }

    [JsonPropertyName("business_public_key")]
    public string? BusinessPublicKey { get; set; }

    [JsonPropertyName("business_public_key_signature_status")]
    public string? SignatureStatus { get; set; }
}
