using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Templates.Internal;

/// <summary>A template as <c>GET /{template-id}</c> and <c>GET /{waba-id}/message_templates</c> return it.</summary>
internal sealed class TemplateWire
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("language")]
    public string? Language { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("category")]
    public string? Category { get; set; }

    [JsonPropertyName("previous_category")]
    public string? PreviousCategory { get; set; }

    [JsonPropertyName("parameter_format")]
    public string? ParameterFormat { get; set; }

    [JsonPropertyName("rejected_reason")]
    public string? RejectedReason { get; set; }

    [JsonPropertyName("quality_score")]
    public TemplateQualityScoreWire? QualityScore { get; set; }

    [JsonPropertyName("components")]
    public List<JsonElement>? Components { get; set; }
}

/// <summary><c>{"score":"GREEN","date":…}</c>.</summary>
internal sealed class TemplateQualityScoreWire
{
    [JsonPropertyName("score")]
    public string? Score { get; set; }
}

/// <summary>The answer to a creation: <c>{"id","status","category"}</c>.</summary>
internal sealed class TemplateCreateResponse
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("category")]
    public string? Category { get; set; }
}
