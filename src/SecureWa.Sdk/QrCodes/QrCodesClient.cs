using System.Net;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Paging;
using SecureWa.Sdk.Paging.Internal;
using SecureWa.Sdk.QrCodes.Internal;
using SecureWa.Sdk.Serialization;

namespace SecureWa.Sdk.QrCodes;

/// <summary>
/// Creates, lists, reads, updates and deletes message QR codes (<c>/{phone-number-id}/message_qrdls</c>). Obtain it
/// from <see cref="WhatsAppClient.QrCodes"/>. Thread-safe and immutable.
/// </summary>
public class QrCodesClient
{
    /// <summary>The longest prefilled message, in characters (documented limit).</summary>
    public const int MaxPrefilledMessageLength = 140;

    /// <summary>The largest page size of <see cref="ListAsync"/> (documented maximum).</summary>
    public const int MaxPageSize = 25;

    private const int MaxCodeLength = 64;

    private readonly GraphApiInvoker? _invoker;

    /// <summary>For mocking only.</summary>
    protected QrCodesClient()
    {
    }

    internal QrCodesClient(GraphApiInvoker invoker) => _invoker = invoker;

    private GraphApiInvoker Invoker => _invoker ?? throw new InvalidOperationException("This QrCodesClient was created for mocking; override the members you call.");

    /// <summary>
    /// Creates a QR code with <c>POST /{phone-number-id}/message_qrdls</c>. Not idempotent: a retry after an ambiguous
    /// failure could create a second code, so such a failure is surfaced as <see cref="WhatsAppDeliveryUnknownException"/>.
    /// </summary>
    /// <param name="prefilledMessage">The message prefilled in the user's chat (1 to <see cref="MaxPrefilledMessageLength"/> characters).</param>
    /// <param name="imageFormat">The image to generate (<c>generate_qr_image</c>); none by default.</param>
    /// <param name="phoneNumberId">The business phone number id; <see cref="WhatsAppClientOptions.PhoneNumberId"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new code, its short link and, when asked for, its image URL.</returns>
    /// <exception cref="WhatsAppValidationException">The message is empty or too long, or no phone number id; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppDeliveryUnknownException">The outcome is unknown (the code may exist).</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer had no code.</exception>
    [WhatsAppPermission(WhatsAppPermissions.QrCodesManage)]
    public virtual Task<QrCode> CreateAsync(string prefilledMessage, QrImageFormat imageFormat = QrImageFormat.None, string? phoneNumberId = null, CancellationToken cancellationToken = default) =>
        WriteAsync(null, prefilledMessage, imageFormat, phoneNumberId, cancellationToken);

    /// <summary>Changes the prefilled message of a QR code with <c>POST /{phone-number-id}/message_qrdls</c> and its <c>code</c>.</summary>
    /// <param name="code">The code's id.</param>
    /// <param name="prefilledMessage">The new prefilled message (1 to <see cref="MaxPrefilledMessageLength"/> characters).</param>
    /// <param name="phoneNumberId">The business phone number id; <see cref="WhatsAppClientOptions.PhoneNumberId"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The updated code.</returns>
    /// <exception cref="WhatsAppValidationException">The code or message is invalid, or no phone number id; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer had no code.</exception>
    [WhatsAppPermission(WhatsAppPermissions.QrCodesManage)]
    public virtual Task<QrCode> UpdateAsync(string code, string prefilledMessage, string? phoneNumberId = null, CancellationToken cancellationToken = default)
    {
        ValidateCode(code);
        return WriteAsync(code, prefilledMessage, QrImageFormat.None, phoneNumberId, cancellationToken);
    }

    /// <summary>Lists the QR codes (newest first) with <c>GET /{phone-number-id}/message_qrdls</c>, page by page.</summary>
    /// <param name="options">Page size (at most <see cref="MaxPageSize"/>) and start cursor.</param>
    /// <param name="imageFormat">When not <see cref="QrImageFormat.None"/>, each code carries an image URL of that format.</param>
    /// <param name="phoneNumberId">The business phone number id; <see cref="WhatsAppClientOptions.PhoneNumberId"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels every enumeration of the result.</param>
    /// <returns>The codes, read lazily.</returns>
    /// <exception cref="WhatsAppValidationException">The page size or phone number id is invalid (thrown by this call, before any request).</exception>
    [WhatsAppPermission(WhatsAppPermissions.QrCodesManage)]
    public virtual WhatsAppPageable<QrCode> ListAsync(WhatsAppListOptions? options = null, QrImageFormat imageFormat = QrImageFormat.None, string? phoneNumberId = null, CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        GraphApiInvoker.ValidatePageSize(options, MaxPageSize);
        var id = invoker.ResolvePhoneNumberId(phoneNumberId);
        return invoker.CreatePageable(
            id + "/message_qrdls",
            new GraphQuery().Add("fields", Fields(imageFormat)),
            options,
            WhatsAppPermissions.QrCodesManage,
            QrCodesJsonContext.Default.GraphPageQrCodeWire,
            Map,
            cancellationToken);
    }

    /// <summary>Reads one QR code with <c>GET /{phone-number-id}/message_qrdls/{code}</c>.</summary>
    /// <param name="code">The code's id.</param>
    /// <param name="imageFormat">When not <see cref="QrImageFormat.None"/>, the code carries an image URL of that format.</param>
    /// <param name="phoneNumberId">The business phone number id; <see cref="WhatsAppClientOptions.PhoneNumberId"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The code.</returns>
    /// <exception cref="WhatsAppValidationException">The code or phone number id is invalid; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error (such as an unknown code).</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer held no code.</exception>
    [WhatsAppPermission(WhatsAppPermissions.QrCodesManage)]
    public virtual async Task<QrCode> GetAsync(string code, QrImageFormat imageFormat = QrImageFormat.None, string? phoneNumberId = null, CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        ValidateCode(code);
        var id = invoker.ResolvePhoneNumberId(phoneNumberId);
        var query = new GraphQuery().Add("fields", Fields(imageFormat));

        // The answer wraps the single code in a data array "for consistency with the collection endpoint" (OpenAPI QrCodeResponse_1).
        var page = await invoker.SendJsonAsync(HttpMethod.Get, id + "/message_qrdls/" + code + query, WhatsAppOperationKind.Query, WhatsAppPermissions.QrCodesManage, null, QrCodesJsonContext.Default.GraphPageQrCodeWire, cancellationToken).ConfigureAwait(false);
        var wire = page.Data?.FirstOrDefault(static d => d is not null)
            ?? throw new WhatsAppUnexpectedResponseException(HttpStatusCode.OK, "The WhatsApp Cloud API answered the QR code read without a code in \"data\".");
        return Map(wire);
    }

    /// <summary>Deletes a QR code with <c>DELETE /{phone-number-id}/message_qrdls/{code}</c>.</summary>
    /// <param name="code">The code's id.</param>
    /// <param name="phoneNumberId">The business phone number id; <see cref="WhatsAppClientOptions.PhoneNumberId"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the API confirmed the deletion.</returns>
    /// <exception cref="WhatsAppValidationException">The code or phone number id is invalid; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer did not confirm the deletion.</exception>
    [WhatsAppPermission(WhatsAppPermissions.QrCodesManage)]
    public virtual async Task DeleteAsync(string code, string? phoneNumberId = null, CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        ValidateCode(code);
        var id = invoker.ResolvePhoneNumberId(phoneNumberId);
        await invoker.SendForSuccessAsync(HttpMethod.Delete, id + "/message_qrdls/" + code, WhatsAppOperationKind.Delete, WhatsAppPermissions.QrCodesManage, null, QrCodesJsonContext.Default.GraphSuccessResponse, "the QR code deletion", cancellationToken).ConfigureAwait(false);
    }

    private async Task<QrCode> WriteAsync(string? code, string prefilledMessage, QrImageFormat imageFormat, string? phoneNumberId, CancellationToken cancellationToken)
    {
        var invoker = Invoker;
        if (string.IsNullOrWhiteSpace(prefilledMessage))
        {
            throw new WhatsAppValidationException("prefilled_message", "The prefilled message is required.");
        }

        if (prefilledMessage.Length > MaxPrefilledMessageLength)
        {
            throw new WhatsAppValidationException("prefilled_message", $"The prefilled message is longer than {MaxPrefilledMessageLength} characters.", MaxPrefilledMessageLength);
        }

        if (!Enum.IsDefined(imageFormat))
        {
            throw new WhatsAppValidationException("generate_qr_image", "The image format is not one of None, Png, Svg.");
        }

        var id = invoker.ResolvePhoneNumberId(phoneNumberId);
        var body = JsonBody.Write((code, prefilledMessage, imageFormat), static (writer, state) =>
        {
            writer.WriteStartObject();
            if (state.code is not null)
            {
                writer.WriteString("code", state.code);
            }

            writer.WriteString("prefilled_message", state.prefilledMessage);
            if (state.imageFormat != QrImageFormat.None)
            {
                writer.WriteString("generate_qr_image", FormatName(state.imageFormat));
            }

            writer.WriteEndObject();
        });

        // Creating is duplicate-sensitive (a second code would exist); updating an existing code is not.
        var operation = code is null ? WhatsAppOperationKind.Create : WhatsAppOperationKind.Manage;
        var wire = await invoker.SendJsonAsync(HttpMethod.Post, id + "/message_qrdls", operation, WhatsAppPermissions.QrCodesManage, body, QrCodesJsonContext.Default.QrCodeWire, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(wire.Code))
        {
            throw new WhatsAppUnexpectedResponseException(HttpStatusCode.OK, "The WhatsApp Cloud API answered the QR code write without a \"code\".");
        }

        return Map(wire);
    }

    private static void ValidateCode(string code)
    {
        if (string.IsNullOrEmpty(code))
        {
            throw new WhatsAppValidationException("code", "The QR code id is required.");
        }

        if (code.Length > MaxCodeLength)
        {
            throw new WhatsAppValidationException("code", $"The QR code id is longer than {MaxCodeLength} characters.", MaxCodeLength);
        }

        foreach (var c in code)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                throw new WhatsAppValidationException("code", "The QR code id must contain only ASCII letters and digits; it is used as a URL path segment.");
            }
        }
    }

    private static string FormatName(QrImageFormat format) => format == QrImageFormat.Png ? "PNG" : "SVG";

    private static string? Fields(QrImageFormat format) => format == QrImageFormat.None
        ? null
        : "code,prefilled_message,deep_link_url,qr_image_url.format(" + FormatName(format) + ")";

    private static QrCode Map(QrCodeWire wire) => new()
    {
        Code = wire.Code ?? string.Empty,
        PrefilledMessage = wire.PrefilledMessage,
        DeepLinkUrl = ToUri(wire.DeepLinkUrl),
        QrImageUrl = ToUri(wire.QrImageUrl),
        CreatedAt = wire.CreationTime is { } t and >= 0 and <= 253402300799 ? DateTimeOffset.FromUnixTimeSeconds(t) : null,
    };

    private static Uri? ToUri(string? value) => !string.IsNullOrEmpty(value) && Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : null;
}
