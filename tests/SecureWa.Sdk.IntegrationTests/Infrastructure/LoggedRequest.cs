using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>
/// A request as the harness recorded it in its journal: captured when the request (with its whole body) arrived,
/// before any stub was chosen, so a delayed or faulted answer does not change when or whether it is journaled.
/// </summary>
public sealed class LoggedRequest
{
    private readonly byte[] _body;

    internal LoggedRequest(
        long sequence,
        string method,
        string url,
        string absoluteUrl,
        IReadOnlyDictionary<string, IReadOnlyList<string>> headers,
        byte[] body,
        long loggedDate)
    {
        Sequence = sequence;
        Method = method;
        Url = url;
        AbsoluteUrl = absoluteUrl;
        Headers = headers;
        _body = body;
        LoggedDate = loggedDate;
        QueryParams = ParseQuery(url);
    }

    /// <summary>The HTTP method.</summary>
    public string Method { get; }

    /// <summary>Path and query string exactly as sent (the request target), such as <c>/v23.0/123/messages?x=1</c>.</summary>
    public string Url { get; }

    /// <summary>The full URL including scheme, host and port.</summary>
    public string AbsoluteUrl { get; }

    /// <summary>The body as UTF-8 text (empty when there was none).</summary>
    public string Body => Encoding.UTF8.GetString(_body);

    /// <summary>The body, base64-encoded (exact bytes).</summary>
    public string BodyAsBase64 => Convert.ToBase64String(_body);

    /// <summary>When the harness received the request, in milliseconds since the Unix epoch.</summary>
    public long LoggedDate { get; }

    /// <summary>The path without the query string.</summary>
    public string Path => Url.Split('?', 2)[0];

    /// <summary>Headers by name (case-insensitive), each with all its values.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Headers { get; }

    /// <summary>Query parameters by name (decoded), each with all its values in order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> QueryParams { get; }

    /// <summary>Whether a stub answered the request (<see langword="false"/>: the harness answered 404).</summary>
    public bool WasMatched { get; internal set; }

    /// <summary>The order of arrival (journal position).</summary>
    internal long Sequence { get; }

    /// <summary>The header's value (values joined by <c>", "</c> when repeated), or <see langword="null"/> when absent.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var values) ? string.Join(", ", values) : null;

    /// <summary>The body's exact bytes (a copy).</summary>
    public byte[] BodyBytes() => (byte[])_body.Clone();

    /// <summary>The body parsed as JSON.</summary>
    /// <exception cref="JsonException">The body is not JSON.</exception>
    public JsonNode BodyAsJson() => JsonNode.Parse(_body) ?? throw new JsonException("The request body is the JSON literal null.");

    /// <inheritdoc />
    public override string ToString() => $"{Method} {Url}";

    private static Dictionary<string, IReadOnlyList<string>> ParseQuery(string url)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var query = url.Split('?', 2) is [_, var q] ? q : string.Empty;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var name = Decode(parts[0]);
            if (!result.TryGetValue(name, out var values))
            {
                values = [];
                result[name] = values;
            }

            values.Add(parts.Length == 2 ? Decode(parts[1]) : string.Empty);
        }

        return result.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value.AsReadOnly(), StringComparer.Ordinal);
    }

    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
