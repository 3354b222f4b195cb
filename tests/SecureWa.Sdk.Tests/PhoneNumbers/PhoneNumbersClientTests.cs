using System.Net;
using Microsoft.Extensions.Logging;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.PhoneNumbers;
using SecureWa.Sdk.Tests.Paging;
using SecureWa.Sdk.Tests.TestSupport;

namespace SecureWa.Sdk.Tests.PhoneNumbers;

public sealed class PhoneNumbersClientTests
{
    private const string Pin = "739214";
    private const string Code = "582106";

    [Theory]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12a456")]
    [InlineData("１２３４５６")]
    [InlineData("")]
    public async Task RegisterAsync_PinNotSixDigits_ThrowsBeforeAnyRequestWithoutTheValue(string pin)
    {
        var handler = new ScriptedHandler();
        using var client = ManagementClientFactory.Create(handler);

        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.PhoneNumbers.RegisterAsync(pin));

        Assert.Equal("pin", ex.Field);
        Assert.Equal(6, ex.Limit);
        Assert.Equal(0, handler.Count);
        if (pin.Length > 0)
        {
            Assert.DoesNotContain(pin, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task VerifyCodeAsync_CodeNotSixDigits_Throws()
    {
        var handler = new ScriptedHandler();
        using var client = ManagementClientFactory.Create(handler);

        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.PhoneNumbers.VerifyCodeAsync("58210"));

        Assert.Equal("code", ex.Field);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task SecretOperations_LogsExceptionsAndUrlsNeverHoldPinOrCode()
    {
        var logger = new ListLogger<PhoneNumbersClientTests>();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new SingleLoggerProvider(logger)));
        var handler = new ScriptedHandler()
            .Respond(HttpStatusCode.OK, """{"success":true}""")
            .Respond(HttpStatusCode.OK, """{"success":true}""")
            .Respond(HttpStatusCode.OK, """{"success":true}""")
            .RespondGraphError(HttpStatusCode.BadRequest, 136025)
            .Respond(HttpStatusCode.OK, """{"success":false}""");
        using var client = ManagementClientFactory.Create(handler, loggerFactory);
        var texts = new List<string>();

        await client.PhoneNumbers.RegisterAsync(Pin);
        await client.PhoneNumbers.SetTwoStepVerificationPinAsync(Pin);
        await client.PhoneNumbers.VerifyCodeAsync(Code);
        texts.Add((await Assert.ThrowsAsync<WhatsAppApiException>(() => client.PhoneNumbers.VerifyCodeAsync(Code))).ToString());
        texts.Add((await Assert.ThrowsAsync<WhatsAppUnexpectedResponseException>(() => client.PhoneNumbers.RegisterAsync(Pin))).ToString());

        texts.AddRange(logger.Entries.Select(e => e.Message + e.Exception));
        texts.AddRange(handler.Requests.Select(r => r.Message.RequestUri!.AbsoluteUri));
        foreach (var text in texts)
        {
            Assert.DoesNotContain(Pin, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Code, text, StringComparison.Ordinal);
        }

        // The secrets went in the JSON bodies, and nowhere else.
        Assert.Equal("""{"messaging_product":"whatsapp","pin":"739214"}""", handler.Requests[0].Body);
        Assert.Equal("""{"pin":"739214"}""", handler.Requests[1].Body);
        Assert.Equal("""{"code":"582106"}""", handler.Requests[2].Body);
        Assert.NotEmpty(logger.Entries);
    }

    [Fact]
    public async Task Operations_UseDocumentedKinds()
    {
        var handler = new ScriptedHandler();
        for (var i = 0; i < 5; i++)
        {
            handler.Respond(HttpStatusCode.OK, """{"success":true}""");
        }

        using var client = ManagementClientFactory.Create(handler);

        await client.PhoneNumbers.RegisterAsync(Pin);
        await client.PhoneNumbers.DeregisterAsync();
        await client.PhoneNumbers.RequestCodeAsync(VerificationCodeMethod.Voice, "es_ES");
        await client.PhoneNumbers.VerifyCodeAsync(Code);
        await client.PhoneNumbers.SetTwoStepVerificationPinAsync(Pin);

        var kinds = handler.Requests.Select(r => WhatsAppRequestOptions.GetOperation(r.Message)).ToArray();
        Assert.Equal([WhatsAppOperationKind.Manage, WhatsAppOperationKind.Manage, WhatsAppOperationKind.Create, WhatsAppOperationKind.Manage, WhatsAppOperationKind.Manage], kinds);
        Assert.Equal("""{"code_method":"VOICE","language":"es_ES"}""", handler.Requests[2].Body);
    }

    [Fact]
    public async Task RegisterAsync_WithDataLocalizationRegion_SendsItAndRedactsThePin()
    {
        var handler = new ScriptedHandler().Respond(HttpStatusCode.OK, """{"success":true}""");
        using var client = ManagementClientFactory.Create(handler);
        var registration = new PhoneNumberRegistration(Pin) { DataLocalizationRegion = "DE" };

        await client.PhoneNumbers.RegisterAsync(registration);

        // OpenAPI POST /{Phone-Number-ID}/register "advanced_registration" carries data_localization_region.
        Assert.Equal("""{"messaging_product":"whatsapp","pin":"739214","data_localization_region":"DE"}""", Assert.Single(handler.Requests).Body);
        Assert.DoesNotContain(Pin, registration.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("DEU")]
    public async Task RegisterAsync_BadRegion_Throws(string region)
    {
        var handler = new ScriptedHandler();
        using var client = ManagementClientFactory.Create(handler);

        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.PhoneNumbers.RegisterAsync(new PhoneNumberRegistration(Pin) { DataLocalizationRegion = region }));

        Assert.Equal("data_localization_region", ex.Field);
        Assert.Equal(0, handler.Count);
    }

    [Theory]
    [InlineData("english")]
    [InlineData("EN")]
    [InlineData("en-US")]
    public async Task RequestCodeAsync_BadLanguage_Throws(string language)
    {
        var handler = new ScriptedHandler();
        using var client = ManagementClientFactory.Create(handler);

        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.PhoneNumbers.RequestCodeAsync(VerificationCodeMethod.Sms, language));

        Assert.Equal("language", ex.Field);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task ListAsync_WithoutBusinessAccountId_ThrowsNamingTheOption()
    {
        using var client = ManagementClientFactory.Create(new ScriptedHandler(), businessAccountId: null);

        var ex = Assert.Throws<WhatsAppValidationException>(() => client.PhoneNumbers.ListAsync());

        Assert.Equal("businessAccountId", ex.Field);
        Assert.Contains("BusinessAccountId", ex.Message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Fact]
    public void ListAsync_BusinessAccountIdOverrideNotNumeric_Throws()
    {
        using var client = ManagementClientFactory.Create(new ScriptedHandler());

        var ex = Assert.Throws<WhatsAppValidationException>(() => client.PhoneNumbers.ListAsync(businessAccountId: "../me"));

        Assert.Equal("businessAccountId", ex.Field);
    }

    [Fact]
    public void BusinessPhoneNumber_ToString_MasksTheNumber()
    {
        var number = new BusinessPhoneNumber { Id = "1", DisplayPhoneNumber = "+1 631-555-5555", QualityRating = "GREEN" };

        Assert.DoesNotContain("631-555", number.ToString(), StringComparison.Ordinal);
    }

    private sealed class SingleLoggerProvider(ILogger logger) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => logger;

        public void Dispose()
        {
        }
    }
}
