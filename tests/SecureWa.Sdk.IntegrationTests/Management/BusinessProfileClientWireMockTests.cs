using System.Text.Json.Nodes;
using SecureWa.Sdk.BusinessProfiles;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.IntegrationTests.Infrastructure;
using static SecureWa.Sdk.IntegrationTests.Management.ManagementTestContext;

namespace SecureWa.Sdk.IntegrationTests.Management;

/// <summary>
/// The business profile through the real pipeline. Stubbed bodies: facebook/openapi business-messaging-api_v23.0.yaml,
/// /{Phone-Number-ID}/whatsapp_business_profile ("business_profile_details", "complete_profile_update",
/// "profile_update_success"), and the flat <c>data[0]</c> shape of Meta's reference page (as pywa's api.py quotes it).
/// </summary>
[Collection(WireMockCollection.Name)]
public sealed class BusinessProfileClientWireMockTests(WireMockFixture fixture) : WireMockTestBase(fixture), IDisposable
{
    private readonly ManagementTestContext _context = new(fixture);

    public void Dispose() => _context.Dispose();

    [Fact]
    public async Task GetAsync_NestedOpenApiShape_Maps()
    {
        // OpenAPI GET /{Phone-Number-ID}/whatsapp_business_profile "business_profile_details".
        await StubAsync(Admin, "GET", Path(PhoneNumberId + "/whatsapp_business_profile"), ResponseDefinition.Json(200, JsonNode.Parse("""
            {"data":[{"business_profile":{"messaging_product":"whatsapp","about":"Welcome to our business! We provide excellent service.","address":"123 Business Street, City, State 12345",
              "description":"We are a leading provider of quality products and services.","email":"contact@business.com","profile_picture_url":"https://pps.whatsapp.net/v/profile_picture_url",
              "websites":["https://www.business.com","https://www.facebook.com/business"],"vertical":"RESTAURANT"}}]}
            """)!), query: new() { ["fields"] = StringValuePattern.IsEqualTo("about,address,description,email,profile_picture_url,websites,vertical") });

        var profile = await _context.Client.BusinessProfile.GetAsync();

        Assert.Equal("Welcome to our business! We provide excellent service.", profile.About);
        Assert.Equal("contact@business.com", profile.Email);
        Assert.Equal(["https://www.business.com", "https://www.facebook.com/business"], profile.Websites);
        Assert.Equal("RESTAURANT", profile.Vertical);
        Assert.Equal(new Uri("https://pps.whatsapp.net/v/profile_picture_url"), profile.ProfilePictureUrl);
    }

    [Fact]
    public async Task GetAsync_FlatReferenceShape_Maps()
    {
        // The "Return example" of pywa/api.py get_business_profile (Meta's reference page shape).
        await StubAsync(Admin, "GET", Path(PhoneNumberId + "/whatsapp_business_profile"), ResponseDefinition.Json(200, JsonNode.Parse("""
            {"data":[{"about":"ABOUT","address":"ADDRESS","description":"DESCRIPTION","email":"EMAIL","messaging_product":"whatsapp","profile_picture_url":"https://URL","websites":["https://WEBSITE-1","https://WEBSITE-2"],"vertical":"INDUSTRY"}]}
            """)!));

        var profile = await _context.Client.BusinessProfile.GetAsync();

        Assert.Equal("ABOUT", profile.About);
        Assert.Equal("INDUSTRY", profile.Vertical);
        Assert.Equal(2, profile.Websites.Count);
    }

    [Fact]
    public async Task UpdateAsync_CompleteProfile_SendsDocumentedBody()
    {
        // OpenAPI POST /{Phone-Number-ID}/whatsapp_business_profile "complete_profile_update" → "profile_update_success".
        const string Handle = "4:VGVzdC5wbmc=:aW1hZ2UvanBlZw==:ARat4Mt-L09JON3f30SmDkdyPSuyBkDDYiB4TFXuXISjdgHoNp2b7j882_9Jzr2tPrdKxi92UygyVzTivJiOvmebMpZ6MIjTik3gTyI3ZCQAgQ:e:1659995302:2022308451254161:636685196:ARZf1ftR5N6-qSLtklU";
        var expected = $$"""
            {"messaging_product":"whatsapp","about":"Welcome to our business! We provide excellent service.","address":"123 Business Street, City, State 12345",
             "description":"We are a leading provider of quality products and services.","email":"contact@business.com","profile_picture_handle":"{{Handle}}",
             "websites":["https://www.business.com","https://www.facebook.com/business"],"vertical":"RESTAURANT"}
            """;
        await StubAsync(Admin, "POST", Path(PhoneNumberId + "/whatsapp_business_profile"), ResponseDefinition.Json(200, new JsonObject { ["success"] = true }), JsonNode.Parse(expected));

        await _context.Client.BusinessProfile.UpdateAsync(new BusinessProfileUpdate
        {
            About = "Welcome to our business! We provide excellent service.",
            Address = "123 Business Street, City, State 12345",
            Description = "We are a leading provider of quality products and services.",
            Email = "contact@business.com",
            ProfilePictureHandle = Handle,
            Websites = ["https://www.business.com", "https://www.facebook.com/business"],
            Vertical = BusinessVertical.Restaurant,
        });

        AssertBody(expected, Assert.Single(await Admin.GetRequestsAsync()));
    }

    [Fact]
    public async Task UpdateAsync_Minimal_SendsOnlySetFields()
    {
        // OpenAPI "minimal_profile_update".
        const string Expected = """{"messaging_product":"whatsapp","description":"Updated business description"}""";
        await StubAsync(Admin, "POST", Path(PhoneNumberId + "/whatsapp_business_profile"), ResponseDefinition.Json(200, new JsonObject { ["success"] = true }), JsonNode.Parse(Expected));

        await _context.Client.BusinessProfile.UpdateAsync(new BusinessProfileUpdate { Description = "Updated business description" });

        AssertBody(Expected, Assert.Single(await Admin.GetRequestsAsync()));
    }

    [Fact]
    public async Task UpdateAsync_InvalidEmail_SendsNothing()
    {
        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(() => _context.Client.BusinessProfile.UpdateAsync(new BusinessProfileUpdate { Email = "not-an-email" }));

        Assert.Equal("email", ex.Field);
        Assert.Empty(await Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task UpdateAsync_SuccessFalse_ThrowsUnexpectedResponse()
    {
        await StubAsync(Admin, "POST", Path(PhoneNumberId + "/whatsapp_business_profile"), ResponseDefinition.Json(200, new JsonObject { ["success"] = false }));

        await Assert.ThrowsAsync<WhatsAppUnexpectedResponseException>(() => _context.Client.BusinessProfile.UpdateAsync(new BusinessProfileUpdate { About = "Hi" }));
    }
}
