using System.Buffers;
using System.Text.Json;

namespace SecureWa.Sdk.Serialization;

/// <summary>
/// Writes a request body with <see cref="Utf8JsonWriter"/> (no reflection, so trimming- and AOT-safe) and wraps it as
/// replayable JSON content for the resilience pipeline.
/// </summary>
internal static class JsonBody
{
    /// <summary>Writes one JSON value with <paramref name="write"/> and returns its UTF-8 bytes.</summary>
    public static byte[] Write<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = false }))
        {
            write(writer, state);
        }

        var bytes = buffer.WrittenSpan.ToArray();

        // The buffer may have held a secret (a PIN, a verify token): clear it before it is garbage.
        buffer.Clear();
        return bytes;
    }

    /// <summary>The bytes as <c>application/json</c> content.</summary>
    public static ByteArrayContent ToContent(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        return content;
    }
}
