namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>What a stub matches, or what a journal query counts/finds (WireMock's <c>request</c> object).</summary>
public sealed class RequestPattern
{
    /// <summary>HTTP method (<c>GET</c>, <c>POST</c>, ...), or <c>ANY</c>.</summary>
    public string? Method { get; init; }

    /// <summary>The exact path, query string ignored.</summary>
    public string? UrlPath { get; init; }

    /// <summary>A .NET regular expression the whole path must match, query string ignored.</summary>
    public string? UrlPathPattern { get; init; }

    /// <summary>The exact path and query string.</summary>
    public string? Url { get; init; }

    /// <summary>A .NET regular expression the whole path and query string must match.</summary>
    public string? UrlPattern { get; init; }

    /// <summary>Header matchers, by header name.</summary>
    public Dictionary<string, StringValuePattern>? Headers { get; init; }

    /// <summary>Query parameter matchers, by parameter name (use with <see cref="UrlPath"/> or <see cref="UrlPathPattern"/>).</summary>
    public Dictionary<string, StringValuePattern>? QueryParameters { get; init; }

    /// <summary>Body matchers; all must match.</summary>
    public List<ContentPattern>? BodyPatterns { get; init; }

    /// <summary>A request with <paramref name="method"/> to exactly <paramref name="urlPath"/>.</summary>
    public static RequestPattern For(string method, string urlPath) => new() { Method = method, UrlPath = urlPath };
}
