using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Messages.Internal;

/// <summary>
/// Reads the answer to a send (<c>{"messaging_product":…,"contacts":[{"input":…,"wa_id":…}],"messages":[{"id":…}]}</c>)
/// straight off the <see cref="Utf8JsonReader"/>, with the semantics of the source-generated contract it replaces:
/// property names case-sensitive, unknown properties skipped, <c>null</c> for a missing or null value, last duplicate wins,
/// a <see cref="JsonException"/> for a value of the wrong kind. The generic object path spent about 600 ns and 1 KB on
/// this small body (a read stack per nesting level); this spends only the strings it returns.
/// </summary>
internal sealed class SendMessageResponseConverter : JsonConverter<SendMessageResponse>
{
    private const string WhatsApp = "whatsapp";

    public override SendMessageResponse? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        ExpectStartObject(ref reader);
        var response = new SendMessageResponse();
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("messaging_product"u8))
            {
                reader.Read();
                response.MessagingProduct = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("whatsapp"u8) ? WhatsApp : ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("contacts"u8))
            {
                reader.Read();
                response.Contacts = ReadList(ref reader, static (ref Utf8JsonReader r) => ReadContact(ref r));
            }
            else if (reader.ValueTextEquals("messages"u8))
            {
                reader.Read();
                response.Messages = ReadList(ref reader, static (ref Utf8JsonReader r) => ReadMessage(ref r));
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return response;
    }

    public override void Write(Utf8JsonWriter writer, SendMessageResponse value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        WriteString(writer, "messaging_product"u8, value.MessagingProduct);
        if (value.Contacts is { } contacts)
        {
            writer.WriteStartArray("contacts"u8);
            foreach (var contact in contacts)
            {
                if (contact is null)
                {
                    writer.WriteNullValue();
                    continue;
                }

                writer.WriteStartObject();
                WriteString(writer, "input"u8, contact.Input);
                WriteString(writer, "wa_id"u8, contact.WaId);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (value.Messages is { } messages)
        {
            writer.WriteStartArray("messages"u8);
            foreach (var message in messages)
            {
                if (message is null)
                {
                    writer.WriteNullValue();
                    continue;
                }

                writer.WriteStartObject();
                WriteString(writer, "id"u8, message.Id);
                WriteString(writer, "message_status"u8, message.MessageStatus);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private delegate T? ReadItem<T>(ref Utf8JsonReader reader);

    private static SendMessageResponseContact? ReadContact(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        ExpectStartObject(ref reader);
        var contact = new SendMessageResponseContact();
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("input"u8))
            {
                reader.Read();
                contact.Input = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("wa_id"u8))
            {
                reader.Read();
                contact.WaId = ReadString(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return contact;
    }

    private static SendMessageResponseMessage? ReadMessage(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        ExpectStartObject(ref reader);
        var message = new SendMessageResponseMessage();
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                message.Id = ReadString(ref reader);
            }
            else if (reader.ValueTextEquals("message_status"u8))
            {
                reader.Read();
                message.MessageStatus = ReadString(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return message;
    }

    private static List<T?>? ReadList<T>(ref Utf8JsonReader reader, ReadItem<T> readItem)
        where T : class
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected a JSON array.");
        }

        var list = new List<T?>(1);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(readItem(ref reader));
        }

        return list;
    }

    /// <summary>Moves to the next property name of the current object; <see langword="false"/> at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON object is not complete.");
        }

        return reader.TokenType switch
        {
            JsonTokenType.PropertyName => true,
            JsonTokenType.EndObject => false,
            _ => throw new JsonException("Expected a JSON property name."),
        };
    }

    private static void ExpectStartObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected a JSON object.");
        }
    }

    private static string? ReadString(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new JsonException("Expected a JSON string."),
    };

    private static void WriteString(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
