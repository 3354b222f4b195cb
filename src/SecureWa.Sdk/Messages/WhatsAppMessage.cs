using System.Text.Json.Nodes;
using SecureWa.Sdk.Diagnostics;

namespace SecureWa.Sdk.Messages;

/// <summary>
/// An outbound message: the base of every kind the Cloud API sends (<see cref="TextMessage"/>,
/// <see cref="TemplateMessage"/>, media, location, contacts, interactive, reaction). Send it with
/// <see cref="MessagesClient.SendAsync"/>, which validates it before any network call.
/// </summary>
/// <remarks>
/// The set of kinds is closed: the SDK maps each one to its documented JSON. Instances are not validated
/// when constructed; <see cref="MessagesClient.SendAsync"/> validates the whole message and throws
/// <see cref="Errors.WhatsAppValidationException"/> naming the first offending field.
/// </remarks>
public abstract class WhatsAppMessage
{
    private readonly byte[]? _additionalProperties;
    private readonly byte[]? _additionalTypeProperties;

    private protected WhatsAppMessage(string to)
    {
        To = to;
    }

    /// <summary>
    /// The recipient: a phone number in international format (<c>+16505551234</c> or <c>16505551234</c>;
    /// spaces, <c>-</c>, <c>.</c> and parentheses are tolerated) or the WhatsApp id (<c>wa_id</c>) of a user; with
    /// <see cref="RecipientType"/> <see cref="MessageRecipientType.Group"/>, the group id.
    /// </summary>
    public string To { get; }

    /// <summary>
    /// The id (<c>wamid…</c>) of a message this one replies to; sent as <c>context.message_id</c>, so the
    /// recipient sees it quoted. Allowed on every kind.
    /// </summary>
    public string? ReplyToMessageId { get; init; }

    /// <summary>
    /// Who <see cref="To"/> names (<c>recipient_type</c>): a user (<see cref="MessageRecipientType.Individual"/>, the
    /// default) or a WhatsApp group (<see cref="MessageRecipientType.Group"/>, with the group id from the Groups API
    /// in <see cref="To"/>). Groups accept only text, media (image, video, document, audio, sticker) and template
    /// messages; any other kind is refused before sending.
    /// </summary>
    public MessageRecipientType RecipientType { get; init; }

    /// <summary>
    /// An arbitrary string (<c>biz_opaque_callback_data</c>, at most 512 characters) that the Cloud API does not
    /// process and returns in the status webhooks of this message
    /// (<see cref="Webhooks.WebhookStatus.BizOpaqueCallbackData"/>), for tracking. Never put secrets in it.
    /// </summary>
    public string? BizOpaqueCallbackData { get; init; }

    /// <summary>
    /// The escape hatch for request fields the SDK does not model yet: properties merged into the request body at
    /// the top level, next to <c>to</c> and <c>type</c>. The object is copied when set (later changes to yours have
    /// no effect) and the getter returns a copy. Properties the SDK writes itself (<c>messaging_product</c>,
    /// <c>recipient_type</c>, <c>to</c>, <c>type</c>, <c>context</c>, <c>biz_opaque_callback_data</c> and the kind
    /// objects such as <c>text</c>) are refused, as is more than 16 KiB of JSON or 32 levels of nesting, when the
    /// message is sent.
    /// </summary>
    /// <exception cref="ArgumentException">(set) The object cannot be written as JSON.</exception>
    /// <example>
    /// <code>
    /// new TextMessage("+16505551234", "Hello") { AdditionalProperties = new JsonObject { ["new_field"] = "value" } }
    /// </code>
    /// </example>
    public JsonObject? AdditionalProperties
    {
        get => _additionalProperties is null ? null : Internal.AdditionalJson.Thaw(_additionalProperties);
        init => _additionalProperties = Internal.AdditionalJson.Freeze(value, nameof(AdditionalProperties));
    }

    /// <summary>
    /// Like <see cref="AdditionalProperties"/>, but merged into the object named by <see cref="MessageType"/>
    /// (<c>text</c>, <c>template</c>, <c>interactive</c>, <c>image</c>, …). Properties the SDK writes in that object
    /// are refused; not available for contacts messages (their object is an array).
    /// </summary>
    /// <exception cref="ArgumentException">(set) The object cannot be written as JSON.</exception>
    public JsonObject? AdditionalTypeProperties
    {
        get => _additionalTypeProperties is null ? null : Internal.AdditionalJson.Thaw(_additionalTypeProperties);
        init => _additionalTypeProperties = Internal.AdditionalJson.Freeze(value, nameof(AdditionalTypeProperties));
    }

    /// <summary>The escape-hatch properties as frozen UTF-8 JSON (an object), never handed out.</summary>
    internal byte[]? AdditionalPropertiesJson => _additionalProperties;

    /// <summary>The type-object escape-hatch properties as frozen UTF-8 JSON (an object), never handed out.</summary>
    internal byte[]? AdditionalTypePropertiesJson => _additionalTypeProperties;

    /// <summary>The Cloud API <c>type</c> of this message (<c>text</c>, <c>template</c>, <c>interactive</c>, …).</summary>
    public abstract string MessageType { get; }

    /// <summary>Describes the message with the recipient masked; never includes bodies or other content.</summary>
    /// <returns>For example <c>TextMessage to +*******1234</c>.</returns>
    public sealed override string ToString()
        => ReplyToMessageId is null
            ? $"{GetType().Name} to {PiiMasker.MaskPhoneNumber(To)}"
            : $"{GetType().Name} to {PiiMasker.MaskPhoneNumber(To)} (reply)";
}
