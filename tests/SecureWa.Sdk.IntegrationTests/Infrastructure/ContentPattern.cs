using System.Text.Json.Nodes;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>A WireMock body matcher (an entry of <c>bodyPatterns</c>).</summary>
public sealed class ContentPattern
{
    /// <summary>The body must be JSON equal to this (see <see cref="IgnoreExtraElements"/>, <see cref="IgnoreArrayOrder"/>).</summary>
    public JsonNode? EqualToJson { get; init; }

    /// <summary>With <see cref="EqualToJson"/>: extra fields in the actual body are allowed.</summary>
    public bool? IgnoreExtraElements { get; init; }

    /// <summary>With <see cref="EqualToJson"/>: arrays match regardless of order.</summary>
    public bool? IgnoreArrayOrder { get; init; }

    /// <summary>A JSONPath expression that must match something in the body.</summary>
    public string? MatchesJsonPath { get; init; }

    /// <summary>The body must equal this string exactly.</summary>
    public string? EqualTo { get; init; }

    /// <summary>The body must contain this string.</summary>
    public string? Contains { get; init; }

    /// <summary>The body must be JSON equal to <paramref name="json"/>.</summary>
    public static ContentPattern JsonEqualTo(JsonNode json, bool ignoreExtraElements = false, bool ignoreArrayOrder = false) => new()
    {
        EqualToJson = json,
        IgnoreExtraElements = ignoreExtraElements ? true : null,
        IgnoreArrayOrder = ignoreArrayOrder ? true : null,
    };
}
