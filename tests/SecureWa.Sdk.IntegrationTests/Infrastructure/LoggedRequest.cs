using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>A request as WireMock recorded it in its journal.</summary>
public sealed class LoggedRequest
{
    private IReadOnlyDictionary<string, IReadOnlyList<string>>? _headers;
    private IReadOnlyDictionary<string, IReadOnlyList<string>>? _queryParams;

    /// <summary>The HTTP method.</summary>
    [JsonPropertyName("method")]
    public string Method { get; init; } = string.Empty;

    /// <summary>Path and query string, such as <c>/v23.0/123/messages</c>.</summary>
    [JsonPropertyName("url")]
    public string Url { get; init; } = string.Empty;

    /// <summary>The full URL including scheme, host and port.</summary>
    [JsonPropertyName("absoluteUrl")]
    public string AbsoluteUrl { get; init; } = string.Empty;

    /// <summary>The body as text (empty when there was none).</summary>
    [JsonPropertyName("body")]
    public string? Body { get; init; }

    /// <summary>The body, base64-encoded (exact bytes).</summary>
    [JsonPropertyName("bodyAsBase64")]
    public string? BodyAsBase64 { get; init; }

    /// <summary>When WireMock received the request.</summary>
    [JsonPropertyName("loggedDate")]
    public long LoggedDate { get; init; }

    /// <summary>The raw header map as WireMock serialized it (a string, or an array when repeated).</summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, JsonElement>? RawHeaders { get; init; }

    /// <summary>The raw query parameter map as WireMock serialized it.</summary>
    [JsonPropertyName("queryParams")]
    public Dictionary<string, JsonElement>? RawQueryParams { get; init; }

    /// <summary>The path without the query string.</summary>
    [JsonIgnore]
    public string Path => Url.Split('?', 2)[0];

    /// <summary>Headers by name (case-insensitive), each with all its values.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers => _headers ??= ParseHeaders(RawHeaders);

    /// <summary>Query parameters by name, each with all its values.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, IReadOnlyList<string>> QueryParams => _queryParams ??= ParseQueryParams(RawQueryParams);

    /// <summary>The header's value (values joined by <c>", "</c> when repeated), or <see langword="null"/> when absent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var values) ? string.Join(", ", values) : null;

    /// <summary>The body's exact bytes.</summary>
    public byte[] BodyBytes() => string.IsNullOrEmpty(BodyAsBase64) ? Encoding.UTF8.GetBytes(Body ?? string.Empty) : Convert.FromBase64String(BodyAsBase64);

    /// <summary>The body parsed as JSON.</summary>
    /// <exception cref="JsonException">The body is not JSON.</exception>
    public JsonNode BodyAsJson() => JsonNode.Parse(BodyBytes()) ?? throw new JsonException("The request body is the JSON literal null.");

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Url}";

    private static Dictionary<string, IReadOnlyList<string>> ParseHeaders(Dictionary<string, JsonElement>? raw)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in raw ?? [])
        {
            result[name] = Values(value);
        }

        return result;
    }

    private static Dictionary<string, IReadOnlyList<string>> ParseQueryParams(Dictionary<string, JsonElement>? raw)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in raw ?? [])
        {
            // {"key": "name", "values": ["v1", "v2"]}
            result[name] = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("values", out var values)
                ? Values(values)
                : Values(value);
        }

        return result;
    }

    private static string[] Values(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().Select(v => v.ToString()).ToArray(),
        JsonValueKind.Null => [],
        _ => [value.ToString()],
    };
}
