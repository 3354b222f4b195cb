using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Messages;

namespace SecureWa.Sdk.Tests.Messages;

/// <summary>
/// SendAsync with the new kinds: the permission chosen per kind, the pair rate limiting key of a group, nothing
/// sent on bad input, and no secret (one-time password, Pix key, callback data) in logs or exceptions.
/// </summary>
public sealed class ExtendedMessagesClientTests : IDisposable
{
    private const string PhoneNumberId = "106540352242922";
    private const string To = "+16505551234";
    private readonly List<IDisposable> _disposables = [];

    public void Dispose()
    {
        foreach (var disposable in _disposables)
        {
            disposable.Dispose();
        }
    }

    public static TheoryData<WhatsAppMessage, string> KindsAndPermissions => new()
    {
        { TemplateExtensionSerializationTests.CarouselExample(To), WhatsAppPermissions.MessagesSendTemplate },
        { TemplateMessage.ForOneTimePassword(To, "auth", "en_US", "123456"), WhatsAppPermissions.MessagesSendTemplate },
        { new InteractiveProductListMessage(To, "h", "b", "cat", [new ProductSection(null, ["1"])]), WhatsAppPermissions.MessagesSend },
        { CommerceMessageSerializationTests.MetaOrderDetailsExample(To), WhatsAppPermissions.MessagesSend },
        { new InteractiveOrderStatusMessage(To, "b", "r", OrderStatus.Shipped), WhatsAppPermissions.MessagesSend },
        { new InteractiveCatalogMessage(To, "b"), WhatsAppPermissions.MessagesSend },
        { new InteractiveProductMessage(To, "c", "p"), WhatsAppPermissions.MessagesSend },
        { new InteractiveLocationRequestMessage(To, "b"), WhatsAppPermissions.MessagesSend },
        { new InteractiveAddressMessage(To, "b", "IN"), WhatsAppPermissions.MessagesSend },
        { new InteractiveCallPermissionRequestMessage(To, "b"), WhatsAppPermissions.MessagesSend },
    };

    [Theory]
    [MemberData(nameof(KindsAndPermissions))]
    public async Task SendAsync_NewKind_CarriesPermissionOfItsKind(WhatsAppMessage message, string permission)
    {
        var handler = new RecordingHandler();
        await CreateClient(handler).Messages.SendAsync(message);

        Assert.Equal(permission, Assert.Single(handler.Permissions));
    }

    [Fact]
    public async Task SendAsync_Group_KeysPairLimitOnWholeGroupId()
    {
        var handler = new RecordingHandler();
        var client = CreateClient(handler);

        await client.Messages.SendAsync(new TextMessage(EnvelopeSerializationTests.GroupId, "Hi") { RecipientType = MessageRecipientType.Group });

        Assert.Equal(RecipientRateLimiter.GroupKeyPrefix + EnvelopeSerializationTests.GroupId, Assert.Single(handler.Recipients));
    }

    [Fact]
    public async Task SendAsync_GroupInteractive_SendsNothing()
    {
        var handler = new RecordingHandler();
        var client = CreateClient(handler);

        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(() => client.Messages.SendAsync(
            new InteractiveButtonsMessage(EnvelopeSerializationTests.GroupId, "b", [new ReplyButton("a", "A")]) { RecipientType = MessageRecipientType.Group }));

        Assert.Equal("type", ex.Field);
        Assert.Empty(handler.Permissions);
    }

    [Fact]
    public async Task SendAsync_SecretsOfNewKinds_NeverReachLogsOrExceptions()
    {
        const string Otp = "918273";
        const string PixKey = "39580525000189";
        const string Callback = "internal-ticket-771";
        var logs = new CapturingLoggerProvider();
        var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        _disposables.Add(factory);
        var client = CreateClient(new RecordingHandler(HttpStatusCode.BadRequest, """{"error":{"message":"(#100) Invalid parameter","type":"OAuthException","code":100,"fbtrace_id":"A1"}}"""), factory);

        var otp = TemplateMessage.ForOneTimePassword(To, "auth", "en_US", Otp);
        var pix = new InteractiveOrderDetailsMessage(To, "Pague", "r1", "BRL", new OrderAmount(100),
            new OrderDetails([new OrderItem("s", "n", new OrderAmount(100), 1)], new OrderAmount(100), new OrderCharge(new OrderAmount(0))))
        {
            PaymentSettings = [OrderPaymentSetting.PixDynamicCode("code", "Loja", PixKey, "CNPJ")],
            BizOpaqueCallbackData = Callback,
        };

        var failures = new List<Exception>
        {
            await Assert.ThrowsAsync<WhatsAppApiException>(() => client.Messages.SendAsync(otp)),
            await Assert.ThrowsAsync<WhatsAppApiException>(() => client.Messages.SendAsync(pix)),
            Assert.Throws<WhatsAppValidationException>(() => Sdk.Messages.Internal.MessageValidator.Validate(TemplateMessage.ForOneTimePassword(To, "auth", "en_US", Otp + "0123456789"))),
        };

        var text = string.Join('\n', logs.Lines) + string.Join('\n', failures.Select(static e => e.ToString()))
            + otp + pix + pix.PaymentSettings![0] + pix.Order.Items[0].Amount;
        Assert.DoesNotContain(Otp, text, StringComparison.Ordinal);
        Assert.DoesNotContain(PixKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Callback, text, StringComparison.Ordinal);
        Assert.DoesNotContain("5551234", text, StringComparison.Ordinal);
        Assert.NotEmpty(logs.Lines);
    }

    private WhatsAppClient CreateClient(RecordingHandler handler, ILoggerFactory? loggerFactory = null)
    {
        var httpClient = new HttpClient(handler);
        _disposables.Add(httpClient);
        var client = new WhatsAppClient(httpClient, new WhatsAppClientOptions { PhoneNumberId = PhoneNumberId }, loggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        _disposables.Add(client);
        return client;
    }

    private sealed class RecordingHandler(HttpStatusCode status = HttpStatusCode.OK, string? body = null) : HttpMessageHandler
    {
        public List<string?> Permissions { get; } = [];

        public List<string?> Recipients { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Options.TryGetValue(WhatsAppRequestOptions.Permission, out var permission);
            request.Options.TryGetValue(WhatsAppRequestOptions.Recipient, out var recipient);
            Permissions.Add(permission);
            Recipients.Add(recipient);
            return Task.FromResult(new HttpResponseMessage(status)
            {
                RequestMessage = request,
                Content = new StringContent(body ?? """{"messaging_product":"whatsapp","messages":[{"id":"wamid.1"}]}""", Encoding.UTF8, "application/json"),
            });
        }
    }
}
