using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SecureWa.Sdk.Diagnostics;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Messages.Internal;

namespace SecureWa.Sdk.Messages;

/// <summary>Sends messages (<c>POST /{phone-number-id}/messages</c>). Obtain it from <see cref="WhatsAppClient.Messages"/>.</summary>
/// <remarks>Thread-safe and stateless; the phone number id is a per-call argument, never shared state.</remarks>
public partial class MessagesClient
{
    private readonly GraphApiInvoker? _invoker;

    /// <summary>For mocking only.</summary>
    protected MessagesClient()
    {
    }

    internal MessagesClient(GraphApiInvoker invoker)
    {
        _invoker = invoker;
    }

    /// <summary>
    /// Validates and sends a message. Nothing is sent when validation fails. A send is retried only when
    /// the Cloud API provably did not receive it, so a customer is never messaged twice by the SDK.
    /// </summary>
    /// <param name="message">The message: <see cref="TextMessage"/>, <see cref="TemplateMessage"/>, a media message, and so on.</param>
    /// <param name="phoneNumberId">The business phone number id to send from; <see cref="WhatsAppClientOptions.PhoneNumberId"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The message id and, when returned, the recipient's WhatsApp id and the message status.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is <see langword="null"/>.</exception>
    /// <exception cref="WhatsAppValidationException">The message breaks a documented limit, or no phone number id is known; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Cloud API answered with an error (see <see cref="WhatsAppApiException.Category"/>).</exception>
    /// <exception cref="WhatsAppDeliveryUnknownException">The outcome is unknown (a timeout or a 5xx after the request left, or a 2xx answer without a usable body or message id); the message may have been delivered and was not resent.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>Requires <see cref="WhatsAppPermissions.MessagesSend"/>, or <see cref="WhatsAppPermissions.MessagesSendTemplate"/> for a <see cref="TemplateMessage"/>.</remarks>
    [WhatsAppPermission(WhatsAppPermissions.MessagesSend)]
    public virtual Task<SendMessageResult> SendAsync(WhatsAppMessage message, string? phoneNumberId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var invoker = Invoker;
        var permission = message is TemplateMessage ? WhatsAppPermissions.MessagesSendTemplate : WhatsAppPermissions.MessagesSend;
        return invoker.RunAsync(
            permission,
            (Client: this, Message: message, PhoneNumberId: phoneNumberId, Permission: permission),
            static (s, context, ct) => s.Client.SendCoreAsync(s.Message, s.PhoneNumberId, s.Permission, context, ct),
            cancellationToken,
            static (s, context) => Describe(s.Message, s.PhoneNumberId, context));
    }

    private static void Describe(WhatsAppMessage message, string? phoneNumberId, WhatsAppOperationContext context)
    {
        context.PhoneNumberId = phoneNumberId;
        context.Recipient = RecipientKey(message);
        context.MessageType = MessageTypeTag(message);
        context.Payload = message;
        if (message is TemplateMessage template)
        {
            context.TemplateName = template.Name;
            context.TemplateCategory = template.Category;
        }
    }

    private async Task<SendMessageResult> SendCoreAsync(WhatsAppMessage message, string? phoneNumberId, string permission, WhatsAppOperationContext? context, CancellationToken cancellationToken)
    {
        var invoker = Invoker;
        MessageValidator.Validate(message);
        PhoneNumberIdRule.Check(phoneNumberId, invoker.Options);
        var id = invoker.ResolvePhoneNumberId(phoneNumberId);
        var body = JsonSerializer.SerializeToUtf8Bytes(MessageMapper.ToRequest(message), MessagesJsonContext.Wire.MessageRequest);

        // Logging and metrics cost nothing when nobody listens: no masked phone number, no type string built.
        var logger = invoker.Logger;
        var logDebug = logger.IsEnabled(LogLevel.Debug);
        if (logDebug)
        {
            LogSending(logger, MessageTypeTag(message), PiiMasker.MaskPhoneNumber(message.To), body.Length);
        }

        using var request = invoker.CreateRequest(HttpMethod.Post, invoker.GetMessagesUri(id), WhatsAppOperationKind.SendMessage, permission, phoneNumberId: id, recipient: RecipientKey(message));
        request.Content = CreateJsonContent(body);
        var response = await invoker.SendAsync(request, MessagesJsonContext.Default.SendMessageResponse, cancellationToken).ConfigureAwait(false);

        var sent = response.Messages is { Count: > 0 } messages ? messages[0] : null;
        if (string.IsNullOrEmpty(sent?.Id))
        {
            // A 2xx without an id: Meta may well have accepted the message, so this is "delivery unknown", never a resend.
            throw GraphApiInvoker.UnusableSuccess(WhatsAppOperationKind.SendMessage, HttpStatusCode.OK, "no messages[0].id", null);
        }

        var contact = response.Contacts is { Count: > 0 } contacts ? contacts[0] : null;
        MessageStatus? status = string.IsNullOrEmpty(sent.MessageStatus) ? null : new MessageStatus(sent.MessageStatus);
        if (SecureWaDiagnostics.MessagesSent.Enabled)
        {
            SecureWaDiagnostics.MessagesSent.Add(1, new KeyValuePair<string, object?>("type", MessageTypeTag(message)));
        }

        invoker.SecurityEvents?.RecordSend(id, context?.Operator?.Id ?? invoker.Operator?.Id);

        if (logDebug)
        {
            LogSent(logger, MessageTypeTag(message), PiiMasker.MaskPhoneNumber(message.To), sent.Id, status?.ToString() ?? "(none)");
        }

        if (context is not null)
        {
            context.MessageId = sent.Id;
        }

        return new SendMessageResult(sent.Id, contact?.WaId, contact?.Input, status);
    }

    /// <summary>
    /// Marks a received message as read (blue ticks), optionally showing a typing indicator to the user
    /// until you reply or for up to 25 seconds.
    /// </summary>
    /// <param name="messageId">The id (<c>wamid…</c>) of the received message.</param>
    /// <param name="showTypingIndicator">Also show the typing indicator (<c>typing_indicator</c>).</param>
    /// <param name="phoneNumberId">The business phone number id that received it; <see cref="WhatsAppClientOptions.PhoneNumberId"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the Cloud API confirmed it.</returns>
    /// <exception cref="WhatsAppValidationException"><paramref name="messageId"/> is empty, or no phone number id is known; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Cloud API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer was not <c>{"success":true}</c>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    [WhatsAppPermission(WhatsAppPermissions.MessagesMarkRead)]
    public virtual Task MarkAsReadAsync(string messageId, bool showTypingIndicator = false, string? phoneNumberId = null, CancellationToken cancellationToken = default)
    {
        return Invoker.RunAsync(
            WhatsAppPermissions.MessagesMarkRead,
            (Client: this, MessageId: messageId, Typing: showTypingIndicator, PhoneNumberId: phoneNumberId),
            static async (s, _, ct) =>
            {
                await s.Client.MarkAsReadCoreAsync(s.MessageId, s.Typing, s.PhoneNumberId, ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken,
            static (s, context) =>
            {
                context.PhoneNumberId = s.PhoneNumberId;
                context.TargetId = s.MessageId;
            });
    }

    private async Task MarkAsReadCoreAsync(string messageId, bool showTypingIndicator, string? phoneNumberId, CancellationToken cancellationToken)
    {
        var invoker = Invoker;
        MessageValidator.ValidateMessageId(messageId);
        PhoneNumberIdRule.Check(phoneNumberId, invoker.Options);
        var id = invoker.ResolvePhoneNumberId(phoneNumberId);
        var payload = new MarkAsReadRequest
        {
            MessageId = messageId,
            TypingIndicator = showTypingIndicator ? new TypingIndicatorDto() : null,
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, MessagesJsonContext.Wire.MarkAsReadRequest);

        using var request = invoker.CreateRequest(HttpMethod.Post, id + "/messages", WhatsAppOperationKind.MarkAsRead, WhatsAppPermissions.MessagesMarkRead, phoneNumberId: id);
        request.Content = CreateJsonContent(body);
        var response = await invoker.SendAsync(request, MessagesJsonContext.Default.SuccessResponse, cancellationToken).ConfigureAwait(false);
        if (response.Success != true)
        {
            throw new WhatsAppUnexpectedResponseException(HttpStatusCode.OK, "The WhatsApp Cloud API answered the read receipt (HTTP 2xx) without \"success\":true.");
        }
    }

    /// <summary>
    /// The pair rate limiting key: a user's digits, or for a group the group id behind a prefix no phone number
    /// has (a group id is not digits, and its digits alone would make unrelated groups share a window).
    /// </summary>
    private static string RecipientKey(WhatsAppMessage message) => message.RecipientType == MessageRecipientType.Group
        ? RecipientRateLimiter.GroupKeyPrefix + message.To
        : MessageValidator.NormalizeRecipient(message.To);

    private GraphApiInvoker Invoker
        => _invoker ?? throw new InvalidOperationException("This MessagesClient was created for mocking; override its members.");

    /// <summary>The message type for logs and metrics: the wire type, and for interactive messages their kind.</summary>
    private static string MessageTypeTag(WhatsAppMessage message) => message is InteractiveMessage interactive
        ? interactive.InteractiveType switch
        {
            "button" => "interactive/button",
            "list" => "interactive/list",
            "cta_url" => "interactive/cta_url",
            "flow" => "interactive/flow",
            "catalog_message" => "interactive/catalog_message",
            "product" => "interactive/product",
            "product_list" => "interactive/product_list",
            "location_request_message" => "interactive/location_request_message",
            "address_message" => "interactive/address_message",
            "order_details" => "interactive/order_details",
            "order_status" => "interactive/order_status",
            "call_permission_request" => "interactive/call_permission_request",
            var other => "interactive/" + other,
        }
        : message.MessageType;

    private static ByteArrayContent CreateJsonContent(byte[] body)
    {
        // Added unparsed: the handler writes the string as is, and a reader of ContentType still gets it parsed.
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        return content;
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "Sending WhatsApp {MessageType} message to {Recipient} ({BodyBytes} bytes)")]
    private static partial void LogSending(ILogger logger, string messageType, string recipient, int bodyBytes);

    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "WhatsApp {MessageType} message to {Recipient} accepted as {MessageId}, status {MessageStatus}")]
    private static partial void LogSent(ILogger logger, string messageType, string recipient, string messageId, string messageStatus);
}
