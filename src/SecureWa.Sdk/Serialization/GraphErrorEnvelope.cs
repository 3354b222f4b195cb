using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Serialization;

/// <summary>Wire shape of <c>{"error":{...}}</c>.</summary>
internal sealed class GraphErrorEnvelope
{
    [JsonPropertyName("error")]
    public GraphErrorBody? Error { get; set; }
}

/// <summary>Wire shape of the Graph <c>error</c> object.</summary>
internal sealed class GraphErrorBody
{
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("code")]
    public int? Code { get; set; }

    [JsonPropertyName("error_subcode")]
    public int? ErrorSubcode { get; set; }

    [JsonPropertyName("error_data")]
    public GraphErrorData? ErrorData { get; set; }

    [JsonPropertyName("fbtrace_id")]
    public string? FbTraceId { get; set; }

    [JsonPropertyName("is_transient")]
    public bool? IsTransient { get; set; }
}

/// <summary>Wire shape of <c>error.error_data</c>.</summary>
internal sealed class GraphErrorData
{
    [JsonPropertyName("messaging_product")]
    public string? MessagingProduct { get; set; }

    [JsonPropertyName("details")]
    public string? Details { get; set; }
}
