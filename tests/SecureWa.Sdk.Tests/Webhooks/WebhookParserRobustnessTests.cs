using System.Text;
using SecureWa.Sdk.TestSupport;
using SecureWa.Sdk.Webhooks;

namespace SecureWa.Sdk.Tests.Webhooks;

public sealed class WebhookParserRobustnessTests
{
    private const string Envelope = """{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":VALUE}]}]}""";

    private readonly WebhookParser _parser = new();

    public static TheoryData<string> NullElementBodies() => new()
    {
        """{"object":"whatsapp_business_account","entry":[null]}""",
        """{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[null]}]}""",
        Envelope.Replace("VALUE", """{"messages":[null]}""", StringComparison.Ordinal),
        Envelope.Replace("VALUE", """{"statuses":[null]}""", StringComparison.Ordinal),
        Envelope.Replace("VALUE", """{"contacts":[null]}""", StringComparison.Ordinal),
        Envelope.Replace("VALUE", """{"errors":[null]}""", StringComparison.Ordinal),
        Envelope.Replace("VALUE", """{"messages":[{"id":"wamid.1","type":"text","errors":[null]}]}""", StringComparison.Ordinal),
        Envelope.Replace("VALUE", """{"messages":[{"id":"wamid.1","type":"contacts","contacts":[null]}]}""", StringComparison.Ordinal),
        Envelope.Replace("VALUE", """{"messages":[{"id":"wamid.1","type":"contacts","contacts":[{"phones":[null]}]}]}""", StringComparison.Ordinal),
        Envelope.Replace("VALUE", """{"messages":[{"id":"wamid.1","type":"order","order":{"product_items":[null]}}]}""", StringComparison.Ordinal),
        Envelope.Replace("VALUE", """{"statuses":[{"id":"wamid.1","status":"failed","errors":[null]}]}""", StringComparison.Ordinal),
        Envelope.Replace("VALUE", """{"messages":[{"id":"wamid.1","type":"text"},null]}""", StringComparison.Ordinal),
    };

    [Theory]
    [MemberData(nameof(NullElementBodies))]
    public void ParseUnverified_NullListElement_ThrowsParseExceptionNamingThePath(string body)
    {
        var ex = Assert.Throws<WebhookParseException>(() => _parser.ParseUnverified(Encoding.UTF8.GetBytes(body)));

        Assert.Equal(WebhookParseError.MalformedJson, ex.Error);
        Assert.Contains("$.entry[", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseUnverified_SeededMutationFuzz_ThrowsOnlyParseExceptionsAndResultsAreTraversable()
    {
        // Deterministic: the same seed gives the same 50,000 bodies on every run.
        var seeds = typeof(WebhookPayloads).GetFields()
            .Where(static f => f.IsLiteral && f.Name != nameof(WebhookPayloads.Wrapper))
            .Select(static f => (string)f.GetValue(null)!)
            .Select(static json => json.StartsWith("{\"object\"", StringComparison.Ordinal) ? json : WebhookPayloads.Message(json))
            .ToArray();
        var mutator = new WebhookBodyMutator(seed: 19, seeds);
        var guard = new WebhookReplayGuard();
        var unexpected = new Dictionary<string, (int Count, string Example)>();
        var parsed = 0;
        var rejected = 0;

        for (var i = 0; i < 50_000; i++)
        {
            var body = mutator.Next();
            try
            {
                var notification = _parser.ParseUnverified(body);
                WebhookTraversal.Visit(notification);
                guard.IsReplay(notification);
                parsed++;
            }
            catch (WebhookParseException)
            {
                rejected++;
            }
            catch (Exception ex)
            {
                var key = ex.GetType().FullName + ": " + ex.Message;
                unexpected[key] = unexpected.TryGetValue(key, out var seen) ? (seen.Count + 1, seen.Example) : (1, Encoding.UTF8.GetString(body));
            }
        }

        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected.Select(static u => $"{u.Value.Count} x {u.Key}\n   e.g. {u.Value.Example}")));
        Assert.True(parsed > 1_000, $"only {parsed} mutated bodies parsed: the fuzz would not exercise the model");
        Assert.True(rejected > 1_000, $"only {rejected} mutated bodies rejected: the mutations are too weak");
    }
}
