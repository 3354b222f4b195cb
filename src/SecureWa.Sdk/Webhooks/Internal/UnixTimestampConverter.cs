using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Webhooks.Internal;

/// <summary>Reads Unix seconds (Meta sends them as strings, sometimes as numbers) into <see cref="DateTimeOffset"/>.</summary>
internal sealed class UnixTimestampConverter : JsonConverter<DateTimeOffset>
{
    private static readonly long MinSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly long MaxSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        long seconds;
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (!reader.TryGetInt64(out seconds))
            {
                throw new JsonException("A timestamp is not a whole number of seconds.");
            }
        }
        else if (reader.TokenType == JsonTokenType.String)
        {
            Span<char> buffer = stackalloc char[24];
            var length = reader.HasValueSequence || reader.ValueSpan.Length > buffer.Length ? -1 : reader.CopyString(buffer);
            if (length < 0 || !long.TryParse(buffer[..length], NumberStyles.None, CultureInfo.InvariantCulture, out seconds))
            {
                throw new JsonException("A timestamp is not a string of Unix seconds.");
            }
        }
        else
        {
            throw new JsonException("A timestamp must be a string or a number.");
        }

        if (seconds < MinSeconds || seconds > MaxSeconds)
        {
            throw new JsonException("A timestamp is out of range.");
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
    }
}
