using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SecureWa.Sdk.Messages.Internal;

/// <summary>
/// The escape-hatch properties frozen as UTF-8 JSON when set: immutable, so one message can be validated, read and
/// sent from several threads at once (a <see cref="JsonObject"/> parsed from text materializes lazily, which is not
/// thread-safe), and the caller's later changes to their object have no effect.
/// </summary>
internal static class AdditionalJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <exception cref="ArgumentException">The object cannot be written as JSON (for example, it nests too deeply).</exception>
    public static byte[]? Freeze(JsonObject? value, string paramName)
    {
        if (value is null)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        try
        {
            using var writer = new Utf8JsonWriter(buffer, WriterOptions);
            value.WriteTo(writer);
        }
        catch (InvalidOperationException ex)
        {
            throw new ArgumentException("The additional properties cannot be written as JSON (too deeply nested?).", paramName, ex);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A fresh, caller-owned copy.</summary>
    public static JsonObject Thaw(byte[] json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>The properties as elements for the request's extension data, or <see langword="null"/> when there are none.</summary>
    public static Dictionary<string, JsonElement>? ToElements(byte[]? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        Dictionary<string, JsonElement>? elements = null;
        foreach (var property in document.RootElement.EnumerateObject())
        {
            elements ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            elements[property.Name] = property.Value.Clone();
        }

        return elements;
    }
}
