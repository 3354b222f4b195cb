using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SecureWa.Sdk.Benchmarks.Webhooks;

/// <summary>
/// Realistic, deterministic webhook bodies shaped like the Cloud API's (field names and nesting as documented; ids,
/// phone numbers and texts made up). The same kind always yields the same bytes, so the host process can compute the
/// size the benchmark process parsed.
/// </summary>
public static class WebhookPayloads
{
    private const long BaseTimestamp = 1_750_263_773;
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Create(WebhookPayloadKind kind) => kind switch
    {
        WebhookPayloadKind.SmallText => Write(static w => Notification(w, entries: 1, static (w, _) => Value(w, messages: 1, statuses: 0, contacts: 1, firstIndex: 0))),
        WebhookPayloadKind.StatusBatch => Write(static w => Notification(w, entries: 1, static (w, _) => Value(w, messages: 0, statuses: 25, contacts: 0, firstIndex: 0))),
        WebhookPayloadKind.LargeMixed => Write(static w => Notification(w, entries: 7, static (w, e) => Value(w, messages: 50, statuses: 0, contacts: 10, firstIndex: e * 50))),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void Notification(Utf8JsonWriter w, int entries, Action<Utf8JsonWriter, int> value)
    {
        w.WriteStartObject();
        w.WriteString("object", "whatsapp_business_account");
        w.WriteStartArray("entry");
        for (var e = 0; e < entries; e++)
        {
            w.WriteStartObject();
            w.WriteString("id", "102290129340398");
            w.WriteStartArray("changes");
            w.WriteStartObject();
            w.WritePropertyName("value");
            value(w, e);
            w.WriteString("field", "messages");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Value(Utf8JsonWriter w, int messages, int statuses, int contacts, int firstIndex)
    {
        w.WriteStartObject();
        w.WriteString("messaging_product", "whatsapp");
        w.WriteStartObject("metadata");
        w.WriteString("display_phone_number", "15550783881");
        w.WriteString("phone_number_id", "106540352242922");
        w.WriteEndObject();
        if (contacts > 0)
        {
            w.WriteStartArray("contacts");
            for (var i = 0; i < contacts; i++)
            {
                w.WriteStartObject();
                w.WriteStartObject("profile");
                w.WriteString("name", Name(firstIndex + i));
                w.WriteEndObject();
                w.WriteString("wa_id", Phone(firstIndex + i));
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (messages > 0)
        {
            w.WriteStartArray("messages");
            for (var i = 0; i < messages; i++)
            {
                Message(w, firstIndex + i);
            }

            w.WriteEndArray();
        }

        if (statuses > 0)
        {
            w.WriteStartArray("statuses");
            for (var i = 0; i < statuses; i++)
            {
                Status(w, i);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void Message(Utf8JsonWriter w, int i)
    {
        w.WriteStartObject();
        w.WriteString("from", Phone(i % 10));
        w.WriteString("id", MessageId("HBgLMTY1MDU1NTEyMzQVAgASGBQzQUI", i));
        w.WriteString("timestamp", (BaseTimestamp + i).ToString(CultureInfo.InvariantCulture));
        var kind = i % 8;
        if (i % 5 == 1)
        {
            w.WriteStartObject("context");
            w.WriteString("from", "15550783881");
            w.WriteString("id", MessageId("HBgLMTY1MDU1NTEyMzQVAgARGBI", i - 1));
            w.WriteEndObject();
        }

        switch (kind)
        {
            case 0:
            case 1:
            case 2:
                w.WriteString("type", "text");
                w.WriteStartObject("text");
                w.WriteString("body", Texts[i % Texts.Length]);
                w.WriteEndObject();
                break;
            case 3:
                w.WriteString("type", "image");
                w.WriteStartObject("image");
                w.WriteString("caption", "Photo of the damaged parcel");
                w.WriteString("mime_type", "image/jpeg");
                w.WriteString("sha256", "sDoYu4VuqQEg/4tBMjLgXHDsYrx/TlOrGqcNBCqrz1w=");
                w.WriteString("id", "1436527340731" + i.ToString("D4", CultureInfo.InvariantCulture));
                w.WriteEndObject();
                break;
            case 4:
                w.WriteString("type", "interactive");
                w.WriteStartObject("interactive");
                w.WriteString("type", "button_reply");
                w.WriteStartObject("button_reply");
                w.WriteString("id", "confirm");
                w.WriteString("title", "Confirm");
                w.WriteEndObject();
                w.WriteEndObject();
                break;
            case 5:
                w.WriteString("type", "interactive");
                w.WriteStartObject("interactive");
                w.WriteString("type", "list_reply");
                w.WriteStartObject("list_reply");
                w.WriteString("id", "tour-3");
                w.WriteString("title", "Boat trip");
                w.WriteString("description", "14:00, 3 hours");
                w.WriteEndObject();
                w.WriteEndObject();
                break;
            case 6:
                w.WriteString("type", "location");
                w.WriteStartObject("location");
                w.WriteNumber("latitude", 37.4847483695049 + (i * 0.0001));
                w.WriteNumber("longitude", -122.1473373086664);
                w.WriteString("name", "Philz Coffee");
                w.WriteString("address", "101 Forest Ave, Palo Alto, CA 94301");
                w.WriteEndObject();
                break;
            default:
                w.WriteString("type", "reaction");
                w.WriteStartObject("reaction");
                w.WriteString("message_id", MessageId("HBgLMTY1MDU1NTEyMzQVAgARGBI", i - 1));
                w.WriteString("emoji", "\U0001F44D");
                w.WriteEndObject();
                break;
        }

        w.WriteEndObject();
    }

    private static void Status(Utf8JsonWriter w, int i)
    {
        var failed = i % 10 == 9;
        var status = failed ? "failed" : (i % 3) switch { 0 => "sent", 1 => "delivered", _ => "read" };
        w.WriteStartObject();
        w.WriteString("id", MessageId("HBgLMTY1MDU1NTEyMzQVAgARGBI", i));
        w.WriteString("status", status);
        w.WriteString("timestamp", (BaseTimestamp + i).ToString(CultureInfo.InvariantCulture));
        w.WriteString("recipient_id", Phone(i));
        if (failed)
        {
            w.WriteStartArray("errors");
            w.WriteStartObject();
            w.WriteNumber("code", 131026);
            w.WriteString("title", "Message undeliverable");
            w.WriteString("message", "Message undeliverable");
            w.WriteStartObject("error_data");
            w.WriteString("details", "Message Undeliverable.");
            w.WriteEndObject();
            w.WriteString("href", "/documentation/business-messaging/whatsapp/support/error-codes");
            w.WriteEndObject();
            w.WriteEndArray();
        }
        else if (status != "read")
        {
            w.WriteStartObject("conversation");
            w.WriteString("id", "6ceb9d929c6a8c3e0e6b4c07c1b8d8" + i.ToString("D2", CultureInfo.InvariantCulture));
            w.WriteString("expiration_timestamp", (BaseTimestamp + 86_400).ToString(CultureInfo.InvariantCulture));
            w.WriteStartObject("origin");
            w.WriteString("type", "utility");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("pricing");
            w.WriteBoolean("billable", true);
            w.WriteString("pricing_model", "PMP");
            w.WriteString("category", "utility");
            w.WriteString("type", "regular");
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static string Phone(int i) => "1650555" + (1000 + i).ToString("D4", CultureInfo.InvariantCulture);

    private static string Name(int i) => Names[i % Names.Length];

    private static string MessageId(string prefix, int i) => "wamid." + prefix + "5NjI2RjM0NDlFNzM1OUQ" + i.ToString("X4", CultureInfo.InvariantCulture) + "AA==";

    private static readonly string[] Names = ["Ana Silva", "João Pereira", "Chloé Martin", "Kenji Sato", "Priya Sharma", "Olá Mundo", "Zoë Müller", "Omar Haddad", "Li Wei", "Sam O'Brien"];

    private static readonly string[] Texts =
    [
        "Hi! Where is my order #1234? It was supposed to arrive yesterday.",
        "Thanks, got it 👍",
        "Can I change the delivery address to 221B Baker Street, London? My flat number is 3 and the buzzer is broken, so please call when you arrive.",
        "Olá, gostaria de remarcar a consulta para terça-feira às 10h.",
        "STOP",
        "Is the store open on Sunday? \"Opening hours\" on the website say 10–16 but Google says closed.",
    ];
}
