using System.Net;
using System.Net.Http.Headers;
using System.Text;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.TestSupport;
using SecureWa.Sdk.Webhooks;

namespace SecureWa.Sdk.IntegrationTests.Webhooks;

public sealed class WebhookEndpointRobustnessTests
{
    private const string TextMessage = """
        {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Sheena Nelson"},"wa_id":"16505551234"}],"messages":[{"from":"16505551234","id":"wamid.FUZZ1","timestamp":"1739321024","type":"text","text":{"body":"Hello"}},{"from":"16505551234","id":"wamid.FUZZ2","timestamp":"1739321025","type":"contacts","contacts":[{"name":{"formatted_name":"B"},"phones":[{"phone":"+16505559999"}]}]},{"from":"16505551234","id":"wamid.FUZZ3","timestamp":"1739321026","type":"order","order":{"catalog_id":"1","product_items":[{"product_retailer_id":"x","quantity":2}]}}]},"field":"messages"}]}]}
        """;

    private const string Statuses = """
        {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"statuses":[{"id":"wamid.F","status":"failed","timestamp":"1750263773","recipient_id":"16505551234","errors":[{"code":131026,"title":"Message undeliverable","error_data":{"details":"x"}}]}],"errors":[{"code":130429,"title":"Rate limit hit"}]},"field":"messages"}]}]}
        """;

    internal static HttpRequestMessage SignedPost(byte[] body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, WebhookServer.Path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(
            WebhookSignatureVerifier.SignatureHeaderName,
            WebhookSignatureVerifier.ComputeSignatureHeader(new SecretValue(WebhookServer.AppSecret), body));
        return request;
    }

    [Theory]
    [InlineData("""{"object":"whatsapp_business_account","entry":[null]}""")]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[null]}]}""")]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messages":[null]}}]}]}""")]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"statuses":[null]}}]}]}""")]
    [InlineData("""{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"contacts":[null],"errors":[null]}}]}]}""")]
    public async Task Post_SignedBodyWithNullElement_Returns400NotServerError(string body)
    {
        await using var server = await WebhookServer.StartAsync();

        using var response = await server.Client.SendAsync(SignedPost(Encoding.UTF8.GetBytes(body)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task Post_SeededMutationFuzzOfSignedBodies_NeverAnswers500()
    {
        await using var server = await WebhookServer.StartAsync();
        server.OnNotification = static notification =>
        {
            // What an application does with a delivery: read it all.
            WebhookTraversal.Visit(notification);
            return Task.CompletedTask;
        };
        var mutator = new WebhookBodyMutator(seed: 1919, [TextMessage, Statuses]);
        var outcomes = new Dictionary<HttpStatusCode, int>();
        var serverErrors = new List<string>();

        for (var i = 0; i < 1_500; i++)
        {
            var body = mutator.Next();
            using var response = await server.Client.SendAsync(SignedPost(body));
            outcomes[response.StatusCode] = outcomes.GetValueOrDefault(response.StatusCode) + 1;
            if ((int)response.StatusCode >= 500 && serverErrors.Count < 5)
            {
                serverErrors.Add(Encoding.UTF8.GetString(body));
            }
        }

        Assert.True(serverErrors.Count == 0, "5xx for:\n" + string.Join("\n", serverErrors));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.BadRequest], outcomes.Keys.Order());
        Assert.True(outcomes[HttpStatusCode.OK] > 100, $"only {outcomes[HttpStatusCode.OK]} mutated bodies reached the handler");
    }
}
