using System.Net;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Paging;
using SecureWa.Sdk.Paging.Internal;
using SecureWa.Sdk.PhoneNumbers.Internal;
using SecureWa.Sdk.Serialization;

namespace SecureWa.Sdk.PhoneNumbers;

/// <summary>
/// Lists and reads business phone numbers, registers and deregisters them for the Cloud API, verifies their ownership
/// with a code, and sets their two-step verification PIN. Obtain it from <see cref="WhatsAppClient.PhoneNumbers"/>.
/// Thread-safe and immutable.
/// </summary>
/// <remarks>
/// The two-step verification PIN and the verification code are secrets: they are checked (exactly six digits) before
/// any request, sent only in the JSON body (never in a URL), never logged and never named in an exception message;
/// the body buffer is cleared once the call ends.
/// </remarks>
public class PhoneNumbersClient
{
    /// <summary>The largest page size of <see cref="ListAsync"/> (documented maximum).</summary>
    public const int MaxPageSize = 100;

    /// <summary>The fields read for a phone number (the API returns only four by default).</summary>
    internal const string Fields = "id,display_phone_number,verified_name,quality_rating,messaging_limit_tier,throughput,name_status,code_verification_status,status,platform_type,account_mode,is_official_business_account,is_pin_enabled";

    private readonly GraphApiInvoker? _invoker;

    /// <summary>For mocking only.</summary>
    protected PhoneNumbersClient()
    {
    }

    internal PhoneNumbersClient(GraphApiInvoker invoker) => _invoker = invoker;

    private GraphApiInvoker Invoker => _invoker ?? throw new InvalidOperationException("This PhoneNumbersClient was created for mocking; override the members you call.");

    /// <summary>Lists the phone numbers of a WhatsApp Business Account with <c>GET /{waba-id}/phone_numbers</c>, page by page.</summary>
    /// <param name="options">Page size (at most <see cref="MaxPageSize"/>) and start cursor.</param>
    /// <param name="businessAccountId">The WABA id; <see cref="WhatsAppClientOptions.BusinessAccountId"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels every enumeration of the result.</param>
    /// <returns>The phone numbers, read lazily.</returns>
    /// <exception cref="WhatsAppValidationException">The page size or WABA id is invalid (thrown by this call, before any request).</exception>
    [WhatsAppPermission(WhatsAppPermissions.PhoneNumbersRead)]
    public virtual WhatsAppPageable<BusinessPhoneNumber> ListAsync(WhatsAppListOptions? options = null, string? businessAccountId = null, CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        GraphApiInvoker.ValidatePageSize(options, MaxPageSize);
        var id = invoker.ResolveBusinessAccountId(businessAccountId);
        return invoker.CreatePageable(
            id + "/phone_numbers",
            new GraphQuery().Add("fields", Fields),
            options,
            WhatsAppPermissions.PhoneNumbersRead,
            PhoneNumbersJsonContext.Default.GraphPagePhoneNumberWire,
            Map,
            cancellationToken);
    }

    /// <summary>Reads a phone number (quality rating, messaging limit tier, throughput, name status…) with <c>GET /{phone-number-id}</c>.</summary>
    /// <param name="phoneNumberId">The phone number id; <see cref="WhatsAppClientOptions.PhoneNumberId"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The phone number.</returns>
    /// <exception cref="WhatsAppValidationException">No valid phone number id; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer was not the documented JSON.</exception>
    [WhatsAppPermission(WhatsAppPermissions.PhoneNumbersRead)]
    public virtual async Task<BusinessPhoneNumber> GetAsync(string? phoneNumberId = null, CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        var id = invoker.ResolvePhoneNumberId(phoneNumberId);
        var wire = await invoker.SendJsonAsync(HttpMethod.Get, id + new GraphQuery().Add("fields", Fields), WhatsAppOperationKind.Query, WhatsAppPermissions.PhoneNumbersRead, null, PhoneNumbersJsonContext.Default.PhoneNumberWire, cancellationToken).ConfigureAwait(false);
        wire.Id ??= id;
        return Map(wire);
    }

    /// <summary>
    /// Registers the phone number for the Cloud API with <c>POST /{phone-number-id}/register</c>, setting (or confirming)
    /// its two-step verification PIN. Registering again with the same PIN leaves the same state, so transient failures
    /// are retried; Meta limits registrations to 10 per number in 72 hours.
    /// </summary>
    /// <param name="pin">The six-digit two-step verification PIN; a secret.</param>
    /// <param name="phoneNumberId">The phone number id; <see cref="WhatsAppClientOptions.PhoneNumberId"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the API confirmed the registration.</returns>
    /// <exception cref="WhatsAppValidationException">The PIN is not exactly six digits, or no valid phone number id; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error (such as a wrong PIN).</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer did not say <c>"success":true</c>.</exception>
    [WhatsAppPermission(WhatsAppPermissions.PhoneNumbersManage)]
    public virtual Task RegisterAsync(string pin, string? phoneNumberId = null, CancellationToken cancellationToken = default) =>
        RegisterAsync(new PhoneNumberRegistration(pin), phoneNumberId, cancellationToken);

    /// <summary>
    /// Registers the phone number for the Cloud API with <c>POST /{phone-number-id}/register</c>, with the PIN and,
    /// optionally, the country where message content is stored at rest (<c>data_localization_region</c>).
    /// </summary>
    /// <param name="registration">The PIN and storage region.</param>
    /// <param name="phoneNumberId">The phone number id; <see cref="WhatsAppClientOptions.PhoneNumberId"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the API confirmed the registration.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="registration"/> is <see langword="null"/>.</exception>
    /// <exception cref="WhatsAppValidationException">The PIN is not exactly six digits, the region is not two upper-case letters, or no valid phone number id; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error (such as a wrong PIN).</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer did not say <c>"success":true</c>.</exception>
    [WhatsAppPermission(WhatsAppPermissions.PhoneNumbersManage)]
    public virtual async Task RegisterAsync(PhoneNumberRegistration registration, string? phoneNumberId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var invoker = Invoker;
        ValidateSixDigits(registration.Pin, "pin", "The two-step verification PIN");
        if (registration.DataLocalizationRegion is { } region && (region.Length != 2 || !char.IsAsciiLetterUpper(region[0]) || !char.IsAsciiLetterUpper(region[1])))
        {
            throw new WhatsAppValidationException("data_localization_region", "The data localization region must be an ISO 3166-1 alpha-2 country code such as 'DE'.", 2);
        }

        var id = invoker.ResolvePhoneNumberId(phoneNumberId);
        var body = JsonBody.Write(registration, static (writer, r) =>
        {
            writer.WriteStartObject();
            writer.WriteString("messaging_product", "whatsapp");
            writer.WriteString("pin", r.Pin);
            if (r.DataLocalizationRegion is { } region)
            {
                writer.WriteString("data_localization_region", region);
            }

            writer.WriteEndObject();
        });
        await invoker.SendForSuccessAsync(HttpMethod.Post, id + "/register", WhatsAppOperationKind.Manage, WhatsAppPermissions.PhoneNumbersManage, body, PhoneNumbersJsonContext.Default.GraphSuccessResponse, "the registration", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deregisters the phone number from the Cloud API with <c>POST /{phone-number-id}/deregister</c>. Idempotent.</summary>
    /// <param name="phoneNumberId">The phone number id; <see cref="WhatsAppClientOptions.PhoneNumberId"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the API confirmed it.</returns>
    /// <exception cref="WhatsAppValidationException">No valid phone number id; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer did not say <c>"success":true</c>.</exception>
    [WhatsAppPermission(WhatsAppPermissions.PhoneNumbersManage)]
    public virtual async Task DeregisterAsync(string? phoneNumberId = null, CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        var id = invoker.ResolvePhoneNumberId(phoneNumberId);
        await invoker.SendForSuccessAsync(HttpMethod.Post, id + "/deregister", WhatsAppOperationKind.Manage, WhatsAppPermissions.PhoneNumbersManage, null, PhoneNumbersJsonContext.Default.GraphSuccessResponse, "the deregistration", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Asks Meta to send a verification code to the phone number by SMS or voice call, with
    /// <c>POST /{phone-number-id}/request_code</c>. Each success sends a code (and counts against Meta's limit), so an
    /// ambiguous failure is surfaced as <see cref="WhatsAppDeliveryUnknownException"/>, never repeated.
    /// </summary>
    /// <param name="method">SMS or voice.</param>
    /// <param name="language">The language of the message, such as <c>en_US</c> or <c>en</c>.</param>
    /// <param name="phoneNumberId">The phone number id; <see cref="WhatsAppClientOptions.PhoneNumberId"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the API confirmed the request.</returns>
    /// <exception cref="WhatsAppValidationException">The method or language is invalid, or no valid phone number id; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppDeliveryUnknownException">The outcome is unknown (a code may have been sent).</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer did not say <c>"success":true</c>.</exception>
    [WhatsAppPermission(WhatsAppPermissions.PhoneNumbersManage)]
    public virtual async Task RequestCodeAsync(VerificationCodeMethod method, string language, string? phoneNumberId = null, CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        if (!Enum.IsDefined(method))
        {
            throw new WhatsAppValidationException("code_method", "The code method must be SMS or VOICE.");
        }

        ValidateLanguage(language);
        var id = invoker.ResolvePhoneNumberId(phoneNumberId);
        var body = JsonBody.Write((method, language), static (writer, state) =>
        {
            writer.WriteStartObject();
            writer.WriteString("code_method", state.method == VerificationCodeMethod.Voice ? "VOICE" : "SMS");
            writer.WriteString("language", state.language);
            writer.WriteEndObject();
        });
        await invoker.SendForSuccessAsync(HttpMethod.Post, id + "/request_code", WhatsAppOperationKind.Create, WhatsAppPermissions.PhoneNumbersManage, body, PhoneNumbersJsonContext.Default.GraphSuccessResponse, "the code request", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Verifies the phone number with the code Meta sent, with <c>POST /{phone-number-id}/verify_code</c>.</summary>
    /// <param name="code">The six-digit verification code; a secret.</param>
    /// <param name="phoneNumberId">The phone number id; <see cref="WhatsAppClientOptions.PhoneNumberId"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the API confirmed the verification.</returns>
    /// <exception cref="WhatsAppValidationException">The code is not exactly six digits, or no valid phone number id; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error (such as a wrong or expired code).</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer did not say <c>"success":true</c>.</exception>
    [WhatsAppPermission(WhatsAppPermissions.PhoneNumbersManage)]
    public virtual async Task VerifyCodeAsync(string code, string? phoneNumberId = null, CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        ValidateSixDigits(code, "code", "The verification code");
        var id = invoker.ResolvePhoneNumberId(phoneNumberId);
        var body = JsonBody.Write(code, static (writer, c) =>
        {
            writer.WriteStartObject();
            writer.WriteString("code", c);
            writer.WriteEndObject();
        });
        await invoker.SendForSuccessAsync(HttpMethod.Post, id + "/verify_code", WhatsAppOperationKind.Manage, WhatsAppPermissions.PhoneNumbersManage, body, PhoneNumbersJsonContext.Default.GraphSuccessResponse, "the code verification", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets (or changes) the two-step verification PIN with <c>POST /{phone-number-id}</c> and <c>{"pin":"…"}</c>. Idempotent.</summary>
    /// <param name="pin">The new six-digit PIN; a secret.</param>
    /// <param name="phoneNumberId">The phone number id; <see cref="WhatsAppClientOptions.PhoneNumberId"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the API confirmed the new PIN.</returns>
    /// <exception cref="WhatsAppValidationException">The PIN is not exactly six digits, or no valid phone number id; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer did not say <c>"success":true</c>.</exception>
    [WhatsAppPermission(WhatsAppPermissions.PhoneNumbersManage)]
    public virtual async Task SetTwoStepVerificationPinAsync(string pin, string? phoneNumberId = null, CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        ValidateSixDigits(pin, "pin", "The two-step verification PIN");
        var id = invoker.ResolvePhoneNumberId(phoneNumberId);
        var body = JsonBody.Write(pin, static (writer, p) =>
        {
            writer.WriteStartObject();
            writer.WriteString("pin", p);
            writer.WriteEndObject();
        });
        await invoker.SendForSuccessAsync(HttpMethod.Post, id, WhatsAppOperationKind.Manage, WhatsAppPermissions.PhoneNumbersManage, body, PhoneNumbersJsonContext.Default.GraphSuccessResponse, "the two-step verification PIN change", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks a PIN or code: exactly six ASCII digits. The message never contains the value.</summary>
    /// <exception cref="WhatsAppValidationException">The value is not six digits.</exception>
    internal static void ValidateSixDigits(string? value, string field, string what)
    {
        if (value is null || value.Length != 6)
        {
            throw new WhatsAppValidationException(field, $"{what} must be exactly 6 digits.", 6);
        }

        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                throw new WhatsAppValidationException(field, $"{what} must be exactly 6 digits.", 6);
            }
        }
    }

    private static void ValidateLanguage(string? language)
    {
        if (string.IsNullOrEmpty(language) || language.Length > 15 || !IsLanguageCode(language))
        {
            throw new WhatsAppValidationException("language", "The language must be a language code such as 'en' or 'en_US'.", 15);
        }
    }

    private static bool IsLanguageCode(string code)
    {
        var underscore = code.IndexOf('_', StringComparison.Ordinal);
        var language = underscore < 0 ? code : code[..underscore];
        if (language.Length is < 2 or > 3 || !language.All(char.IsAsciiLetterLower))
        {
            return false;
        }

        if (underscore < 0)
        {
            return true;
        }

        var region = code[(underscore + 1)..];
        return region.Length is >= 2 and <= 4 && region.All(char.IsAsciiLetterOrDigit);
    }

    private static BusinessPhoneNumber Map(PhoneNumberWire wire) => new()
    {
        Id = wire.Id ?? string.Empty,
        DisplayPhoneNumber = wire.DisplayPhoneNumber,
        VerifiedName = wire.VerifiedName,
        QualityRating = wire.QualityRating,
        MessagingLimitTier = wire.MessagingLimitTier,
        ThroughputLevel = wire.Throughput?.Level,
        NameStatus = wire.NameStatus,
        CodeVerificationStatus = wire.CodeVerificationStatus,
        Status = wire.Status,
        PlatformType = wire.PlatformType,
        AccountMode = wire.AccountMode,
        IsOfficialBusinessAccount = wire.IsOfficialBusinessAccount,
        IsPinEnabled = wire.IsPinEnabled,
    };
}
