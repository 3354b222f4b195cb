using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Serialization;

/// <summary><c>{"success":true}</c>, the answer to most Graph management writes (some add an <c>id</c>).</summary>
internal sealed class GraphSuccessResponse
{
    [JsonPropertyName("success")]
    public bool? Success { get; set; }

    [JsonPropertyName("id")]
    public string? Id { get; set; }
}
