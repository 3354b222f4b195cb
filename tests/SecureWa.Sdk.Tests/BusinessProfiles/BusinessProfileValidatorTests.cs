using SecureWa.Sdk.BusinessProfiles;
using SecureWa.Sdk.BusinessProfiles.Internal;
using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Tests.BusinessProfiles;

public sealed class BusinessProfileValidatorTests
{
    public static TheoryData<string, string, int?> Invalid() => new()
    {
        { "about-empty", "about", null },
        { "about-140", "about", 139 },
        { "address-257", "address", 256 },
        { "description-513", "description", 512 },
        { "email-129", "email", 128 },
        { "email-no-at", "email", null },
        { "email-display-name", "email", null },
        { "email-no-dot", "email", null },
        { "websites-3", "websites", 2 },
        { "website-257", "websites[0]", 256 },
        { "website-ftp", "websites[1]", null },
        { "website-relative", "websites[0]", null },
        { "vertical-undefined", "vertical", null },
        { "handle-empty", "profile_picture_handle", null },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_BrokenLimit_ThrowsNamingField(string @case, string field, int? limit)
    {
        var update = @case switch
        {
            "about-empty" => new BusinessProfileUpdate { About = string.Empty },
            "about-140" => new BusinessProfileUpdate { About = new string('a', 140) },
            "address-257" => new BusinessProfileUpdate { Address = new string('a', 257) },
            "description-513" => new BusinessProfileUpdate { Description = new string('d', 513) },
            "email-129" => new BusinessProfileUpdate { Email = new string('e', 117) + "@example.com" },
            "email-no-at" => new BusinessProfileUpdate { Email = "contact.business.com" },
            "email-display-name" => new BusinessProfileUpdate { Email = "Shop <contact@business.com>" },
            "email-no-dot" => new BusinessProfileUpdate { Email = "contact@localhost" },
            "websites-3" => new BusinessProfileUpdate { Websites = ["https://a.example", "https://b.example", "https://c.example"] },
            "website-257" => new BusinessProfileUpdate { Websites = ["https://a.example/" + new string('p', 240)] },
            "website-ftp" => new BusinessProfileUpdate { Websites = ["https://a.example", "ftp://b.example"] },
            "website-relative" => new BusinessProfileUpdate { Websites = ["/about"] },
            "vertical-undefined" => new BusinessProfileUpdate { Vertical = (BusinessVertical)999 },
            "handle-empty" => new BusinessProfileUpdate { ProfilePictureHandle = string.Empty },
            _ => throw new ArgumentOutOfRangeException(nameof(@case)),
        };

        var ex = Assert.Throws<WhatsAppValidationException>(() => BusinessProfileValidator.Validate(update));

        Assert.Equal(field, ex.Field);
        Assert.Equal(limit, ex.Limit);
    }

    [Fact]
    public void Validate_DocumentedExample_Passes()
    {
        // facebook/openapi v23.0, POST /{Phone-Number-ID}/whatsapp_business_profile, "complete_profile_update".
        BusinessProfileValidator.Validate(new BusinessProfileUpdate
        {
            About = "Welcome to our business! We provide excellent service.",
            Address = "123 Business Street, City, State 12345",
            Description = "We are a leading provider of quality products and services.",
            Email = "contact@business.com",
            Websites = ["https://www.business.com", "https://www.facebook.com/business"],
            Vertical = BusinessVertical.Restaurant,
        });
    }

    [Theory]
    [InlineData(BusinessVertical.ProfessionalServices, "PROF_SERVICES")]
    [InlineData(BusinessVertical.Education, "EDU")]
    [InlineData(BusinessVertical.OverTheCounterDrugs, "OTC_DRUGS")]
    [InlineData(BusinessVertical.Other, "OTHER")]
    public void WireName_MapsToDocumentedEnum(BusinessVertical vertical, string wire) =>
        Assert.Equal(wire, BusinessProfileValidator.WireName(vertical));

    [Fact]
    public void WireName_EveryVertical_HasADistinctName()
    {
        var names = Enum.GetValues<BusinessVertical>().Select(BusinessProfileValidator.WireName).ToArray();

        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
    }
}
