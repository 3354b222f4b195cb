using System.Text.Json.Serialization;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>A WireMock string matcher for a header or query parameter (<c>{"equalTo": "..."}</c> and friends).</summary>
public sealed class StringValuePattern
{
    /// <summary>Exact match.</summary>
    public string? EqualTo { get; init; }

    /// <summary>Substring match.</summary>
    public string? Contains { get; init; }

    /// <summary>A .NET regular expression the whole value must match.</summary>
    public string? Matches { get; init; }

    /// <summary>A .NET regular expression the whole value must not match.</summary>
    public string? DoesNotMatch { get; init; }

    /// <summary><see langword="true"/>: the header or parameter must be absent.</summary>
    public bool? Absent { get; init; }

    /// <summary>Makes <see cref="EqualTo"/> case-insensitive.</summary>
    [JsonPropertyName("caseInsensitive")]
    public bool? CaseInsensitive { get; init; }

    /// <summary>Exact match.</summary>
    public static StringValuePattern IsEqualTo(string value) => new() { EqualTo = value };

    /// <summary>Substring match.</summary>
    public static StringValuePattern Containing(string value) => new() { Contains = value };

    /// <summary>Regular expression match (.NET syntax, whole value).</summary>
    public static StringValuePattern Matching(string regex) => new() { Matches = regex };

    /// <summary>Must be absent.</summary>
    public static StringValuePattern IsAbsent() => new() { Absent = true };
}
