using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Http.Internal;

/// <summary>
/// A business phone number id given per call is numeric, as <see cref="WhatsAppClientOptions.PhoneNumberId"/> must be:
/// Graph aliases such as <c>me</c> or <c>app</c> would turn <c>POST /{id}/messages</c> into another node's edge.
/// </summary>
internal static class PhoneNumberIdRule
{
    public const int MaxLength = 32;

    /// <exception cref="WhatsAppValidationException"><paramref name="phoneNumberId"/> is set and not 1 to 32 ASCII digits, or neither it nor the options give one.</exception>
    public static void Check(string? phoneNumberId, WhatsAppClientOptions options)
    {
        if (phoneNumberId is null)
        {
            if (string.IsNullOrEmpty(options.PhoneNumberId))
            {
                throw new WhatsAppValidationException(
                    "phoneNumberId",
                    "No phone number id was given and WhatsAppClientOptions.PhoneNumberId is not set: set the configuration key 'PhoneNumberId' of the section passed to AddSecureWa (for example WhatsApp:PhoneNumberId in appsettings.json) to the business phone number id from Meta's WhatsApp Manager, or pass phoneNumberId to the call.");
            }

            return;
        }

        if (phoneNumberId.Length is 0 or > MaxLength || phoneNumberId.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            throw new WhatsAppValidationException("phoneNumberId", $"phoneNumberId must be the numeric id of the business phone number (1 to {MaxLength} digits), not a Graph alias or path.", MaxLength);
        }
    }
}
