using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Consent.Internal;

/// <summary>One exported consent record (a JSON line).</summary>
internal sealed class ConsentRecordLine
{
    [JsonPropertyName("subject")]
    public required string Subject { get; init; }

    [JsonPropertyName("purpose")]
    public string? Purpose { get; init; }

    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    [JsonPropertyName("source")]
    public required string Source { get; init; }

    [JsonPropertyName("recorded_at")]
    public DateTimeOffset RecordedAt { get; init; }

    [JsonPropertyName("evidence")]
    public string? Evidence { get; init; }

    [JsonPropertyName("expires_at")]
    public DateTimeOffset? ExpiresAt { get; init; }
}
