using System.Text.Json.Nodes;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>What a stub answers (WireMock's <c>response</c> object).</summary>
public sealed class ResponseDefinition
{
    /// <summary>HTTP status code. Default 200.</summary>
    public int Status { get; init; } = 200;

    /// <summary>Response headers.</summary>
    public Dictionary<string, string>? Headers { get; init; }

    /// <summary>A JSON body (WireMock writes it verbatim).</summary>
    public JsonNode? JsonBody { get; init; }

    /// <summary>A text body, sent as is (use for malformed JSON).</summary>
    public string? Body { get; init; }

    /// <summary>A binary body, base64-encoded.</summary>
    public string? Base64Body { get; init; }

    /// <summary>Delay before the response is sent.</summary>
    public int? FixedDelayMilliseconds { get; init; }

    /// <summary>A transport fault instead of a response.</summary>
    public WireMockFault? Fault { get; init; }

    /// <summary>A JSON response with <c>Content-Type: application/json</c>.</summary>
    public static ResponseDefinition Json(int status, JsonNode body, IReadOnlyDictionary<string, string>? headers = null)
    {
        var all = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" };
        if (headers is not null)
        {
            foreach (var (name, value) in headers)
            {
                all[name] = value;
            }
        }

        return new ResponseDefinition { Status = status, JsonBody = body, Headers = all };
    }

    /// <summary>A raw text body (for example malformed JSON) with the given content type.</summary>
    public static ResponseDefinition Text(int status, string body, string contentType = "application/json") =>
        new() { Status = status, Body = body, Headers = new Dictionary<string, string> { ["Content-Type"] = contentType } };

    /// <summary>A status with no body.</summary>
    public static ResponseDefinition Empty(int status, IReadOnlyDictionary<string, string>? headers = null) =>
        new() { Status = status, Headers = headers is null ? null : new Dictionary<string, string>(headers) };

    /// <summary>A transport fault.</summary>
    public static ResponseDefinition WithFault(WireMockFault fault) => new() { Fault = fault };
}
