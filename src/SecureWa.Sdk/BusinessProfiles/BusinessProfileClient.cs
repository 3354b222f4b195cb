using System.Net;
using SecureWa.Sdk.BusinessProfiles.Internal;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Paging.Internal;
using SecureWa.Sdk.Serialization;

namespace SecureWa.Sdk.BusinessProfiles;

/// <summary>
/// Reads and updates the WhatsApp business profile of a phone number (<c>/{phone-number-id}/whatsapp_business_profile</c>).
/// Obtain it from <see cref="WhatsAppClient.BusinessProfile"/>. Thread-safe and immutable.
/// </summary>
public class BusinessProfileClient
{
    private const string Fields = "about,address,description,email,profile_picture_url,websites,vertical";

    private readonly GraphApiInvoker? _invoker;

    /// <summary>For mocking only.</summary>
    protected BusinessProfileClient()
    {
    }

    internal BusinessProfileClient(GraphApiInvoker invoker) => _invoker = invoker;

    private GraphApiInvoker Invoker => _invoker ?? throw new InvalidOperationException("This BusinessProfileClient was created for mocking; override the members you call.");

    /// <summary>Reads the business profile with <c>GET /{phone-number-id}/whatsapp_business_profile?fields=…</c>.</summary>
    /// <param name="phoneNumberId">The business phone number id; <see cref="WhatsAppClientOptions.PhoneNumberId"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="WhatsAppValidationException">No valid phone number id; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer held no profile.</exception>
    [WhatsAppPermission(WhatsAppPermissions.BusinessProfileRead)]
    public virtual async Task<BusinessProfile> GetAsync(string? phoneNumberId = null, CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        var id = invoker.ResolvePhoneNumberId(phoneNumberId);
        var query = new GraphQuery().Add("fields", Fields);
        var page = await invoker.SendJsonAsync(HttpMethod.Get, id + "/whatsapp_business_profile" + query, WhatsAppOperationKind.Query, WhatsAppPermissions.BusinessProfileRead, null, BusinessProfilesJsonContext.Default.GraphPageBusinessProfileItemWire, cancellationToken).ConfigureAwait(false);
        var item = page.Data?.FirstOrDefault(static d => d is not null)
            ?? throw new WhatsAppUnexpectedResponseException(HttpStatusCode.OK, "The WhatsApp Cloud API answered the business profile read without a profile in \"data\".");
        if (item.BusinessProfile is { } nested)
        {
            return Map(nested.About, nested.Address, nested.Description, nested.Email, nested.Websites, nested.Vertical, nested.ProfilePictureUrl);
        }

        return Map(item.About, item.Address, item.Description, item.Email, item.Websites, item.Vertical, item.ProfilePictureUrl);
    }

    /// <summary>
    /// Updates the business profile with <c>POST /{phone-number-id}/whatsapp_business_profile</c>, sending only the fields
    /// set. Repeating it leaves the same profile, so transient failures are retried.
    /// </summary>
    /// <param name="update">The fields to change.</param>
    /// <param name="phoneNumberId">The business phone number id; <see cref="WhatsAppClientOptions.PhoneNumberId"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the API confirmed the update.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="update"/> is <see langword="null"/>.</exception>
    /// <exception cref="WhatsAppValidationException">A field breaks a documented limit (about ≤ 139, address ≤ 256, description ≤ 512, email ≤ 128 and valid, ≤ 2 http(s) websites of ≤ 256), or no phone number id; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer did not say <c>"success":true</c>.</exception>
    [WhatsAppPermission(WhatsAppPermissions.BusinessProfileManage)]
    public virtual async Task UpdateAsync(BusinessProfileUpdate update, string? phoneNumberId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var invoker = Invoker;
        BusinessProfileValidator.Validate(update);
        var id = invoker.ResolvePhoneNumberId(phoneNumberId);
        var body = JsonBody.Write(update, static (writer, u) =>
        {
            writer.WriteStartObject();
            writer.WriteString("messaging_product", "whatsapp");
            WriteIfSet(writer, "about", u.About);
            WriteIfSet(writer, "address", u.Address);
            WriteIfSet(writer, "description", u.Description);
            WriteIfSet(writer, "email", u.Email);
            if (u.Websites is { } websites)
            {
                writer.WriteStartArray("websites");
                foreach (var website in websites)
                {
                    writer.WriteStringValue(website);
                }

                writer.WriteEndArray();
            }

            if (u.Vertical is { } vertical)
            {
                writer.WriteString("vertical", BusinessProfileValidator.WireName(vertical));
            }

            WriteIfSet(writer, "profile_picture_handle", u.ProfilePictureHandle);
            writer.WriteEndObject();
        });
        await invoker.SendForSuccessAsync(HttpMethod.Post, id + "/whatsapp_business_profile", WhatsAppOperationKind.Manage, WhatsAppPermissions.BusinessProfileManage, body, BusinessProfilesJsonContext.Default.GraphSuccessResponse, "the business profile update", cancellationToken).ConfigureAwait(false);
    }

    private static void WriteIfSet(System.Text.Json.Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private static BusinessProfile Map(string? about, string? address, string? description, string? email, List<string?>? websites, string? vertical, string? pictureUrl) => new()
    {
        About = about,
        Address = address,
        Description = description,
        Email = email,
        Websites = websites?.Where(static w => !string.IsNullOrEmpty(w)).Select(static w => w!).ToArray() ?? [],
        Vertical = vertical,
        ProfilePictureUrl = !string.IsNullOrEmpty(pictureUrl) && Uri.TryCreate(pictureUrl, UriKind.Absolute, out var uri) ? uri : null,
    };
}
