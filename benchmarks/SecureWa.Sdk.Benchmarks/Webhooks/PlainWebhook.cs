using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Benchmarks.Webhooks;

/// <summary>
/// Plain POCOs equivalent to the SDK's webhook model (same fields, same nesting) for the reflection baseline: what an
/// application would write by hand and hand to <c>JsonSerializer.Deserialize&lt;T&gt;</c> with default, reflection-based
/// options. Differences, all in the POCOs' favour: timestamps stay strings (no conversion), and there is no
/// extension-data bag keeping unknown fields.
/// </summary>
public static class PlainWebhook
{
    public sealed class Notification
    {
        [JsonPropertyName("object")] public string? Object { get; set; }
        [JsonPropertyName("entry")] public List<Entry>? Entry { get; set; }
    }

    public sealed class Entry
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("changes")] public List<Change>? Changes { get; set; }
    }

    public sealed class Change
    {
        [JsonPropertyName("field")] public string? Field { get; set; }
        [JsonPropertyName("value")] public ChangeValue? Value { get; set; }
    }

    public sealed class ChangeValue
    {
        [JsonPropertyName("messaging_product")] public string? MessagingProduct { get; set; }
        [JsonPropertyName("metadata")] public Metadata? Metadata { get; set; }
        [JsonPropertyName("contacts")] public List<Contact>? Contacts { get; set; }
        [JsonPropertyName("messages")] public List<Message>? Messages { get; set; }
        [JsonPropertyName("statuses")] public List<Status>? Statuses { get; set; }
        [JsonPropertyName("errors")] public List<Error>? Errors { get; set; }
    }

    public sealed class Metadata
    {
        [JsonPropertyName("display_phone_number")] public string? DisplayPhoneNumber { get; set; }
        [JsonPropertyName("phone_number_id")] public string? PhoneNumberId { get; set; }
    }

    public sealed class Contact
    {
        [JsonPropertyName("wa_id")] public string? WaId { get; set; }
        [JsonPropertyName("profile")] public Profile? Profile { get; set; }
        [JsonPropertyName("identity_key_hash")] public string? IdentityKeyHash { get; set; }
    }

    public sealed class Profile
    {
        [JsonPropertyName("name")] public string? Name { get; set; }
    }

    public sealed class Message
    {
        [JsonPropertyName("from")] public string? From { get; set; }
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("timestamp")] public string? Timestamp { get; set; }
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("context")] public MessageContext? Context { get; set; }
        [JsonPropertyName("errors")] public List<Error>? Errors { get; set; }
        [JsonPropertyName("text")] public Text? Text { get; set; }
        [JsonPropertyName("image")] public Media? Image { get; set; }
        [JsonPropertyName("audio")] public Media? Audio { get; set; }
        [JsonPropertyName("video")] public Media? Video { get; set; }
        [JsonPropertyName("document")] public Media? Document { get; set; }
        [JsonPropertyName("sticker")] public Media? Sticker { get; set; }
        [JsonPropertyName("location")] public Location? Location { get; set; }
        [JsonPropertyName("interactive")] public Interactive? Interactive { get; set; }
        [JsonPropertyName("button")] public Button? Button { get; set; }
        [JsonPropertyName("reaction")] public Reaction? Reaction { get; set; }
    }

    public sealed class MessageContext
    {
        [JsonPropertyName("from")] public string? From { get; set; }
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("forwarded")] public bool? Forwarded { get; set; }
        [JsonPropertyName("frequently_forwarded")] public bool? FrequentlyForwarded { get; set; }
    }

    public sealed class Text
    {
        [JsonPropertyName("body")] public string? Body { get; set; }
    }

    public sealed class Media
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("mime_type")] public string? MimeType { get; set; }
        [JsonPropertyName("sha256")] public string? Sha256 { get; set; }
        [JsonPropertyName("caption")] public string? Caption { get; set; }
        [JsonPropertyName("filename")] public string? FileName { get; set; }
        [JsonPropertyName("animated")] public bool? Animated { get; set; }
        [JsonPropertyName("voice")] public bool? Voice { get; set; }
    }

    public sealed class Location
    {
        [JsonPropertyName("latitude")] public double Latitude { get; set; }
        [JsonPropertyName("longitude")] public double Longitude { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("address")] public string? Address { get; set; }
        [JsonPropertyName("url")] public string? Url { get; set; }
    }

    public sealed class Interactive
    {
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("button_reply")] public Reply? ButtonReply { get; set; }
        [JsonPropertyName("list_reply")] public Reply? ListReply { get; set; }
    }

    public sealed class Reply
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("title")] public string? Title { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
    }

    public sealed class Button
    {
        [JsonPropertyName("payload")] public string? Payload { get; set; }
        [JsonPropertyName("text")] public string? Text { get; set; }
    }

    public sealed class Reaction
    {
        [JsonPropertyName("message_id")] public string? MessageId { get; set; }
        [JsonPropertyName("emoji")] public string? Emoji { get; set; }
    }

    public sealed class Status
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("status")] public string? State { get; set; }
        [JsonPropertyName("timestamp")] public string? Timestamp { get; set; }
        [JsonPropertyName("recipient_id")] public string? RecipientId { get; set; }
        [JsonPropertyName("biz_opaque_callback_data")] public string? BizOpaqueCallbackData { get; set; }
        [JsonPropertyName("conversation")] public Conversation? Conversation { get; set; }
        [JsonPropertyName("pricing")] public Pricing? Pricing { get; set; }
        [JsonPropertyName("errors")] public List<Error>? Errors { get; set; }
    }

    public sealed class Conversation
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("expiration_timestamp")] public string? ExpirationTimestamp { get; set; }
        [JsonPropertyName("origin")] public Origin? Origin { get; set; }
    }

    public sealed class Origin
    {
        [JsonPropertyName("type")] public string? Type { get; set; }
    }

    public sealed class Pricing
    {
        [JsonPropertyName("billable")] public bool? Billable { get; set; }
        [JsonPropertyName("pricing_model")] public string? PricingModel { get; set; }
        [JsonPropertyName("category")] public string? Category { get; set; }
        [JsonPropertyName("type")] public string? Type { get; set; }
    }

    public sealed class Error
    {
        [JsonPropertyName("code")] public int Code { get; set; }
        [JsonPropertyName("title")] public string? Title { get; set; }
        [JsonPropertyName("message")] public string? Message { get; set; }
        [JsonPropertyName("error_data")] public ErrorData? ErrorData { get; set; }
        [JsonPropertyName("href")] public string? Href { get; set; }
    }

    public sealed class ErrorData
    {
        [JsonPropertyName("details")] public string? Details { get; set; }
    }
}
