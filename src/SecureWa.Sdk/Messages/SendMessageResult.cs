using SecureWa.Sdk.Diagnostics;

namespace SecureWa.Sdk.Messages;

/// <summary>The Cloud API's answer to a send: the message id and, when given, the recipient's WhatsApp id and the status.</summary>
public sealed class SendMessageResult
{
    /// <summary>Creates a result (the SDK does; public so tests can build one when mocking <see cref="MessagesClient"/>).</summary>
    /// <param name="messageId">The id of the sent message (<c>wamid…</c>).</param>
    /// <param name="waId">The recipient's WhatsApp id (<c>contacts[0].wa_id</c>).</param>
    /// <param name="input">The recipient as sent (<c>contacts[0].input</c>).</param>
    /// <param name="status">The message status, when the API gave one.</param>
    /// <exception cref="ArgumentNullException"><paramref name="messageId"/> is <see langword="null"/>.</exception>
    public SendMessageResult(string messageId, string? waId, string? input, MessageStatus? status)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        MessageId = messageId;
        WaId = waId;
        Input = input;
        Status = status;
    }

    /// <summary>The id of the sent message (<c>messages[0].id</c>); statuses in webhooks refer to it.</summary>
    public string MessageId { get; }

    /// <summary>The recipient's WhatsApp id (<c>contacts[0].wa_id</c>), if returned. Personal data.</summary>
    public string? WaId { get; }

    /// <summary>The recipient as sent (<c>contacts[0].input</c>), if returned. Personal data.</summary>
    public string? Input { get; }

    /// <summary>
    /// The status (<c>messages[0].message_status</c>): <see cref="MessageStatus.Accepted"/>,
    /// <see cref="MessageStatus.HeldForQualityAssessment"/>, <see cref="MessageStatus.Paused"/> or a value
    /// the SDK does not know yet; <see langword="null"/> when the API did not say.
    /// </summary>
    public MessageStatus? Status { get; }

    /// <summary>Describes the result with the recipient masked.</summary>
    /// <returns>For example <c>SendMessageResult wamid.X to *******1234 (accepted)</c>.</returns>
    public override string ToString()
        => $"SendMessageResult {MessageId} to {PiiMasker.MaskPhoneNumber(WaId ?? Input)} ({(Status is { } status ? status.ToString() : "no status")})";
}
