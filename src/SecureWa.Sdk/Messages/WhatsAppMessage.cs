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
    private protected WhatsAppMessage(string to)
    {
        To = to;
    }

    /// <summary>
    /// The recipient: a phone number in international format (<c>+16505551234</c> or <c>16505551234</c>;
    /// spaces, <c>-</c>, <c>.</c> and parentheses are tolerated) or the WhatsApp id (<c>wa_id</c>) of a user.
    /// </summary>
    public string To { get; }

    /// <summary>
    /// The id (<c>wamid…</c>) of a message this one replies to; sent as <c>context.message_id</c>, so the
    /// recipient sees it quoted. Allowed on every kind.
    /// </summary>
    public string? ReplyToMessageId { get; init; }

    /// <summary>The Cloud API <c>type</c> of this message (<c>text</c>, <c>template</c>, <c>interactive</c>, …).</summary>
    public abstract string MessageType { get; }

    /// <summary>Describes the message with the recipient masked; never includes bodies or other content.</summary>
    /// <returns>For example <c>TextMessage to +*******1234</c>.</returns>
    public sealed override string ToString()
        => ReplyToMessageId is null
            ? $"{GetType().Name} to {PiiMasker.MaskPhoneNumber(To)}"
            : $"{GetType().Name} to {PiiMasker.MaskPhoneNumber(To)} (reply)";
}
