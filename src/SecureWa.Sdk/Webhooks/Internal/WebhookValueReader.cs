using System.Globalization;
using System.Text.Json;

namespace SecureWa.Sdk.Webhooks.Internal;

/// <summary>
/// Reads the fields of non-<c>messages</c> change values (kept as raw JSON in <see cref="WebhookChangeValue.AdditionalProperties"/>)
/// without ever throwing: a missing, null or oddly typed field reads as <see langword="null"/>.
/// </summary>
internal static class WebhookValueReader
{
    /// <summary>A string field; a number is read as its JSON text (template ids are numbers in these webhooks).</summary>
    public static string? String(IReadOnlyDictionary<string, JsonElement>? values, string name) =>
        values is not null && values.TryGetValue(name, out var element) ? String(element) : null;

    /// <summary>A string field of an object element.</summary>
    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? String(value) : null;

    /// <summary>An element as a string: strings as is, numbers as their JSON text, anything else <see langword="null"/>.</summary>
    public static string? String(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetRawText(),
        _ => null,
    };

    /// <summary>An integer field (number or numeric string).</summary>
    public static long? Int64(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
    }

    /// <summary>An object field, or <see langword="null"/>.</summary>
    public static JsonElement? Object(IReadOnlyDictionary<string, JsonElement>? values, string name) =>
        values is not null && values.TryGetValue(name, out var element) && element.ValueKind == JsonValueKind.Object ? element : null;

    /// <summary>An array field, or <see langword="null"/>.</summary>
    public static JsonElement? Array(IReadOnlyDictionary<string, JsonElement>? values, string name) =>
        values is not null && values.TryGetValue(name, out var element) && element.ValueKind == JsonValueKind.Array ? element : null;

    /// <summary>A Unix time in seconds as a time, when it is in range.</summary>
    public static DateTimeOffset? UnixTime(long? seconds) =>
        seconds is { } s and >= 0 and <= 253402300799 ? DateTimeOffset.FromUnixTimeSeconds(s) : null;
}
