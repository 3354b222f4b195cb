using System.Net.Mail;
using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.BusinessProfiles.Internal;

/// <summary>The documented limits of a business profile update, checked before any request.</summary>
internal static class BusinessProfileValidator
{
    public const int AboutMax = 139;
    public const int AddressMax = 256;

    /// <summary>Meta's reference page says 512; its OpenAPI (v23.0) says 256. The reference page is followed.</summary>
    public const int DescriptionMax = 512;
    public const int EmailMax = 128;
    public const int WebsitesMax = 2;
    public const int WebsiteMax = 256;

    /// <exception cref="WhatsAppValidationException">A field breaks a documented limit.</exception>
    public static void Validate(BusinessProfileUpdate update)
    {
        if (update.About is { } about)
        {
            if (about.Length == 0)
            {
                throw new WhatsAppValidationException("about", "The About text must have at least 1 character.");
            }

            MaxLength(about, AboutMax, "about", "The About text");
        }

        if (update.Address is { } address)
        {
            MaxLength(address, AddressMax, "address", "The address");
        }

        if (update.Description is { } description)
        {
            MaxLength(description, DescriptionMax, "description", "The description");
        }

        if (update.Email is { } email)
        {
            MaxLength(email, EmailMax, "email", "The email address");
            if (email.Length > 0 && !IsEmail(email))
            {
                throw new WhatsAppValidationException("email", "The email address is not a valid address (local-part@domain).");
            }
        }

        if (update.Websites is { } websites)
        {
            if (websites.Count > WebsitesMax)
            {
                throw new WhatsAppValidationException("websites", $"At most {WebsitesMax} websites are allowed.", WebsitesMax);
            }

            for (var i = 0; i < websites.Count; i++)
            {
                var field = $"websites[{i}]";
                var website = websites[i];
                if (string.IsNullOrEmpty(website))
                {
                    throw new WhatsAppValidationException(field, "A website is empty.");
                }

                MaxLength(website, WebsiteMax, field, "A website");
                if (!Uri.TryCreate(website, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || !string.IsNullOrEmpty(uri.UserInfo))
                {
                    throw new WhatsAppValidationException(field, "A website must be an absolute http or https URL without user information.");
                }
            }
        }

        if (update.Vertical is { } vertical && !Enum.IsDefined(vertical))
        {
            throw new WhatsAppValidationException("vertical", "The vertical is not one of the documented values (BusinessVertical).");
        }

        if (update.ProfilePictureHandle is { Length: 0 })
        {
            throw new WhatsAppValidationException("profile_picture_handle", "The profile picture handle is empty.");
        }
    }

    public static string WireName(BusinessVertical vertical) => vertical switch
    {
        BusinessVertical.Auto => "AUTO",
        BusinessVertical.Beauty => "BEAUTY",
        BusinessVertical.Apparel => "APPAREL",
        BusinessVertical.Education => "EDU",
        BusinessVertical.Entertainment => "ENTERTAIN",
        BusinessVertical.EventPlanning => "EVENT_PLAN",
        BusinessVertical.Finance => "FINANCE",
        BusinessVertical.Grocery => "GROCERY",
        BusinessVertical.Government => "GOVT",
        BusinessVertical.Hotel => "HOTEL",
        BusinessVertical.Health => "HEALTH",
        BusinessVertical.Nonprofit => "NONPROFIT",
        BusinessVertical.ProfessionalServices => "PROF_SERVICES",
        BusinessVertical.Retail => "RETAIL",
        BusinessVertical.Travel => "TRAVEL",
        BusinessVertical.Restaurant => "RESTAURANT",
        BusinessVertical.Alcohol => "ALCOHOL",
        BusinessVertical.OnlineGambling => "ONLINE_GAMBLING",
        BusinessVertical.PhysicalGambling => "PHYSICAL_GAMBLING",
        BusinessVertical.OverTheCounterDrugs => "OTC_DRUGS",
        _ => "OTHER",
    };

    private static void MaxLength(string value, int max, string field, string what)
    {
        if (value.Length > max)
        {
            throw new WhatsAppValidationException(field, $"{what} is longer than {max} characters.", max);
        }
    }

    private static bool IsEmail(string email)
    {
        if (!MailAddress.TryCreate(email, out var parsed) || !string.Equals(parsed.Address, email, StringComparison.Ordinal))
        {
            return false;
        }

        var at = email.LastIndexOf('@');
        var domain = email[(at + 1)..];
        return at > 0 && domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.');
    }
}
