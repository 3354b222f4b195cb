using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>
/// Evaluates a <see cref="RequestPattern"/> against a journaled request with Java WireMock's semantics: exact or
/// whole-value regular expression URL matching on the raw request target, header/query matchers where any value may
/// match, <c>equalToJson</c> with <c>ignoreExtraElements</c>/<c>ignoreArrayOrder</c>, and <c>matchesJsonPath</c>
/// (Newtonsoft.Json's JSONPath, which WireMock.Net brings, with Jayway's rule that a root filter <c>$[?(...)]</c> tests
/// the root object itself; WireMock.Net's own JsonPathMatcher finds nothing there). One evaluator serves stubs and journal queries, so a stub and a
/// <c>CountRequestsAsync</c> with the same pattern always agree.
/// </summary>
internal static class RequestPatternMatcher
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Throws when the pattern cannot be evaluated (an invalid regular expression or JSONPath).</summary>
    /// <exception cref="ArgumentException">The pattern is invalid; the message says which part.</exception>
    public static void Validate(RequestPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        CompileIfSet(pattern.UrlPathPattern, "urlPathPattern");
        CompileIfSet(pattern.UrlPattern, "urlPattern");
        foreach (var (name, value) in (pattern.Headers ?? []).Concat(pattern.QueryParameters ?? []))
        {
            CompileIfSet(value.Matches, $"'{name}' matches");
            CompileIfSet(value.DoesNotMatch, $"'{name}' doesNotMatch");
        }

        foreach (var body in pattern.BodyPatterns ?? [])
        {
            if (body.MatchesJsonPath is { } path)
            {
                try
                {
                    _ = new JObject().SelectTokens(path).Any();
                }
                catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or IndexOutOfRangeException or ArgumentException)
                {
                    throw new ArgumentException($"matchesJsonPath '{path}' is not a valid JSONPath: {ex.Message}", nameof(pattern), ex);
                }
            }
        }
    }

    /// <summary>Whether <paramref name="request"/> satisfies every part of <paramref name="pattern"/>.</summary>
    public static bool Matches(RequestPattern pattern, LoggedRequest request)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(request);
        if (pattern.Method is { } method && method != "ANY" && !string.Equals(method, request.Method, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if ((pattern.UrlPath is { } path && path != request.Path)
            || (pattern.UrlPathPattern is { } pathRegex && !WholeMatch(pathRegex, request.Path))
            || (pattern.Url is { } url && url != request.Url)
            || (pattern.UrlPattern is { } urlRegex && !WholeMatch(urlRegex, request.Url)))
        {
            return false;
        }

        foreach (var (name, value) in pattern.Headers ?? [])
        {
            if (!ValueMatches(value, request.Headers.TryGetValue(name, out var values) ? values : null))
            {
                return false;
            }
        }

        foreach (var (name, value) in pattern.QueryParameters ?? [])
        {
            if (!ValueMatches(value, request.QueryParams.TryGetValue(name, out var values) ? values : null))
            {
                return false;
            }
        }

        return (pattern.BodyPatterns ?? []).All(body => BodyMatches(body, request));
    }

    private static bool ValueMatches(StringValuePattern pattern, IReadOnlyList<string>? values)
    {
        if (pattern.Absent == true)
        {
            return values is null || values.Count == 0;
        }

        if (values is null || values.Count == 0)
        {
            return false;
        }

        return values.Any(value =>
            (pattern.EqualTo is null || string.Equals(value, pattern.EqualTo, pattern.CaseInsensitive == true ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))
            && (pattern.Contains is null || value.Contains(pattern.Contains, StringComparison.Ordinal))
            && (pattern.Matches is null || WholeMatch(pattern.Matches, value))
            && (pattern.DoesNotMatch is null || !WholeMatch(pattern.DoesNotMatch, value)));
    }

    private static bool BodyMatches(ContentPattern pattern, LoggedRequest request)
    {
        var body = request.Body;
        if ((pattern.EqualTo is { } exact && exact != body)
            || (pattern.Contains is { } part && !body.Contains(part, StringComparison.Ordinal)))
        {
            return false;
        }

        if (pattern.MatchesJsonPath is { } path && !JsonPathMatches(path, body))
        {
            return false;
        }

        if (pattern.EqualToJson is { } expected)
        {
            JsonNode? actual;
            try
            {
                actual = JsonNode.Parse(body);
            }
            catch (JsonException)
            {
                return false;
            }

            return JsonEquals(expected, actual, pattern.IgnoreExtraElements == true, pattern.IgnoreArrayOrder == true);
        }

        return true;
    }

    private static bool JsonPathMatches(string path, string body)
    {
        JToken root;
        try
        {
            root = JToken.Parse(body);
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return false;
        }

        var scope = root is JObject && path.StartsWith("$[?", StringComparison.Ordinal) ? new JArray(root) : root;
        return scope.SelectTokens(path).Any(t => t.Type != JTokenType.Null);
    }

    /// <summary>Structural JSON equality; numbers compare by value; optionally extra object members and array order are ignored.</summary>
    internal static bool JsonEquals(JsonNode? expected, JsonNode? actual, bool ignoreExtraElements, bool ignoreArrayOrder)
    {
        switch (expected)
        {
            case null:
                return actual is null;
            case JsonObject expectedObject:
                if (actual is not JsonObject actualObject || (!ignoreExtraElements && actualObject.Count != expectedObject.Count))
                {
                    return false;
                }

                return expectedObject.All(member =>
                    actualObject.TryGetPropertyValue(member.Key, out var value)
                    && JsonEquals(member.Value, value, ignoreExtraElements, ignoreArrayOrder));
            case JsonArray expectedArray:
                if (actual is not JsonArray actualArray || actualArray.Count != expectedArray.Count)
                {
                    return false;
                }

                if (!ignoreArrayOrder)
                {
                    return expectedArray.Select((item, i) => JsonEquals(item, actualArray[i], ignoreExtraElements, ignoreArrayOrder)).All(equal => equal);
                }

                var unused = actualArray.ToList();
                foreach (var item in expectedArray)
                {
                    var index = unused.FindIndex(candidate => JsonEquals(item, candidate, ignoreExtraElements, ignoreArrayOrder));
                    if (index < 0)
                    {
                        return false;
                    }

                    unused.RemoveAt(index);
                }

                return true;
            default:
                return actual is JsonValue && ValueEquals(expected.AsValue(), actual.AsValue());
        }
    }

    private static bool ValueEquals(JsonValue expected, JsonValue actual)
    {
        var kind = expected.GetValueKind();
        if (kind != actual.GetValueKind())
        {
            return false;
        }

        return kind switch
        {
            JsonValueKind.Number => ToElement(expected).GetDouble() == ToElement(actual).GetDouble()
                && (!ToElement(expected).TryGetDecimal(out var e) || !ToElement(actual).TryGetDecimal(out var a) || e == a),
            JsonValueKind.String => ToElement(expected).GetString() == ToElement(actual).GetString(),
            _ => true, // true, false, null: equal kinds are equal values
        };
    }

    private static JsonElement ToElement(JsonValue value)
    {
        using var document = JsonDocument.Parse(value.ToJsonString());
        return document.RootElement.Clone();
    }

    private static bool WholeMatch(string pattern, string value) =>
        Regex.IsMatch(value, $"^(?:{pattern})\\z", RegexOptions.CultureInvariant, RegexTimeout);

    private static void CompileIfSet(string? pattern, string what)
    {
        if (pattern is null)
        {
            return;
        }

        try
        {
            _ = new Regex($"^(?:{pattern})\\z", RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"{what} '{pattern}' is not a valid regular expression: {ex.Message}", nameof(pattern), ex);
        }
    }
}
