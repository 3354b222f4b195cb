using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Http;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.IntegrationTests.Infrastructure;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.TestSupport;

namespace SecureWa.Sdk.IntegrationTests.Http;

/// <summary>
/// Sends traffic through the DI-composed pipeline over HTTPS (WireMock, pinned generated CA) with a token and an
/// app secret generated for this run, captures every log line, every activity of every source (including
/// System.Net.Http), every metric tag and every exception text, and checks that neither secret nor any
/// appsecret_proof shows up anywhere.
/// </summary>
[Collection(TransportCollection.Name)]
public sealed class SecretLeakTests(HttpsWireMockFixture https) : IClassFixture<HttpsWireMockFixture>
{
    private static readonly JsonNode Error190 = JsonNode.Parse("""{"error":{"message":"Error validating access token: Session has expired.","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"AWleak"}}""")!;

    [Fact]
    public async Task Traffic_KnownTokenAndAppSecret_NeverAppearInLogsActivitiesMetricsOrExceptions()
    {
        var oldToken = "EAAGold" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var newToken = "EAAGnew" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var appSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        string[] forbidden = [oldToken, newToken, appSecret, Proof(oldToken, appSecret), Proof(newToken, appSecret)];

        var admin = https.Server.Admin;
        await admin.ResetAsync();
        await admin.StubAsync(
            new RequestPattern { Method = "GET", UrlPath = "/v23.0/me", Headers = new() { ["Authorization"] = StringValuePattern.IsEqualTo("Bearer " + oldToken) } },
            ResponseDefinition.Json(401, Error190));
        await admin.StubAsync(
            new RequestPattern { Method = "GET", UrlPath = "/v23.0/me", Headers = new() { ["Authorization"] = StringValuePattern.IsEqualTo("Bearer " + newToken) } },
            ResponseDefinition.Json(200, new JsonObject { ["id"] = "1" }));
        await admin.StubAsync(RequestPattern.For("GET", "/v23.0/always190"), ResponseDefinition.Json(401, Error190));
        await admin.StubAsync(RequestPattern.For("POST", "/v23.0/123/messages"), ResponseDefinition.Json(500, JsonNode.Parse("""{"error":{"message":"Service temporarily unavailable","type":"OAuthException","code":2,"is_transient":true,"fbtrace_id":"AW500"}}""")!));

        var texts = new ConcurrentQueue<string>();
        var httpActivityUrls = new ConcurrentQueue<string>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = static _ => true,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                texts.Enqueue(Describe(activity));
                if (activity.Source.Name == "System.Net.Http" && activity.GetTagItem("url.full") is string url)
                {
                    httpActivityUrls.Enqueue(url);
                }
            },
        };
        ActivitySource.AddActivityListener(activityListener);
        using var meterListener = new MeterListener { InstrumentPublished = static (instrument, listener) => listener.EnableMeasurementEvents(instrument) };
        meterListener.SetMeasurementEventCallback<long>((instrument, _, tags, _) => texts.Enqueue(DescribeMeasurement(instrument, tags)));
        meterListener.SetMeasurementEventCallback<int>((instrument, _, tags, _) => texts.Enqueue(DescribeMeasurement(instrument, tags)));
        meterListener.SetMeasurementEventCallback<double>((instrument, _, tags, _) => texts.Enqueue(DescribeMeasurement(instrument, tags)));
        meterListener.Start();

        var logs = new CapturingLoggerProvider();
        var secrets = new CountingSecretProvider();
        secrets.SetSource(SecretNames.AccessToken, oldToken);
        secrets.SetSource(SecretNames.AppSecret, appSecret);
        await using var services = BuildServices(logs, secrets, o =>
        {
            o.Transport.SpkiPins.Add(TestCertificates.ComputeSpkiPin(https.CertificateAuthority));
        });
        var invoker = CreateInvoker(services);
        var exceptions = new List<Exception>();

        // 1. The cached old token is rejected (190): invalidated, re-read, retried with the new one.
        await secrets.GetSecretAsync(SecretNames.AccessToken);
        secrets.SetSource(SecretNames.AccessToken, newToken);
        using (var ok = await invoker.SendCheckedAsync(invoker.CreateRequest(HttpMethod.Get, "me?fields=id", WhatsAppOperationKind.Query, "media.download"), default))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        // 2. 190 twice: authentication exception.
        exceptions.Add(await Assert.ThrowsAsync<WhatsAppAuthenticationException>(() =>
            invoker.SendCheckedAsync(invoker.CreateRequest(HttpMethod.Get, "always190", WhatsAppOperationKind.Query, "media.download"), default)));

        // 3. A server error on a send with a body: not resent, reported as a possibly delivered message.
        var send = invoker.CreateRequest(HttpMethod.Post, "123/messages", WhatsAppOperationKind.SendMessage, "messages.send");
        send.Content = new StringContent("""{"messaging_product":"whatsapp","to":"16505551234","type":"text","text":{"body":"hi"}}""", Encoding.UTF8, "application/json");
        exceptions.Add(await Assert.ThrowsAsync<WhatsAppDeliveryUnknownException>(() => invoker.SendCheckedAsync(send, default)));

        // 4. A pin mismatch (enforced) and a pin mismatch reported only.
        foreach (var mode in new[] { SpkiPinMode.Enforce, SpkiPinMode.ReportOnly })
        {
            await using var pinned = BuildServices(logs, secrets, o =>
            {
                o.Transport.SpkiPins.Add(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
                o.Transport.PinMode = mode;
            });
            var pinnedInvoker = CreateInvoker(pinned);
            try
            {
                using var response = await pinnedInvoker.SendCheckedAsync(pinnedInvoker.CreateRequest(HttpMethod.Get, "me", WhatsAppOperationKind.Query, "media.download"), default);
                Assert.Equal(SpkiPinMode.ReportOnly, mode);
            }
            catch (WhatsAppTransportSecurityException ex)
            {
                Assert.Equal(SpkiPinMode.Enforce, mode);
                exceptions.Add(ex);
            }
        }

        // 5. Nothing listening (connection refused).
        await using (var refused = BuildServices(logs, secrets, o => o.BaseAddress = new Uri("https://127.0.0.1:1/")))
        {
            var refusedInvoker = CreateInvoker(refused);
            exceptions.Add(await Assert.ThrowsAsync<WhatsAppTransportException>(() =>
                refusedInvoker.SendCheckedAsync(refusedInvoker.CreateRequest(HttpMethod.Get, "me", WhatsAppOperationKind.Query, "media.download"), default)));
        }

        meterListener.Dispose();
        activityListener.Dispose();

        // The traffic really happened, with the secrets on the wire where they belong.
        var journal = await admin.GetRequestsAsync();
        Assert.Contains(journal, r => r.Header("Authorization") == "Bearer " + newToken && r.QueryParams.TryGetValue("appsecret_proof", out var p) && p.Single() == Proof(newToken, appSecret));

        foreach (var (category, level, eventId, text) in logs.Entries)
        {
            texts.Enqueue($"log {category} {level} {eventId}: {text}");
        }

        foreach (var exception in exceptions)
        {
            for (var e = exception; e is not null; e = e.InnerException)
            {
                texts.Enqueue(e.Message);
                texts.Enqueue(e.ToString());
                foreach (System.Collections.DictionaryEntry entry in e.Data)
                {
                    texts.Enqueue(entry.Key + "=" + entry.Value);
                }
            }
        }

        var options = services.GetRequiredService<IOptions<WhatsAppClientOptions>>().Value;
        texts.Enqueue(options.ToString()!);
        texts.Enqueue(options.Transport.ToString()!);
        texts.Enqueue((await secrets.GetSecretAsync(SecretNames.AccessToken)).ToString());
        texts.Enqueue((await secrets.GetSecretAsync(SecretNames.AppSecret)).ToString());

        // The capture saw real material: SDK logs, HttpClient activities with their url.full tag, exceptions.
        Assert.Contains(logs.Entries, static e => e.Category == WhatsAppPrimaryHandlerFactory.LoggerCategory && e.Level == LogLevel.Warning);
        Assert.Contains(logs.Entries, static e => e.Category == typeof(AuthenticationHandler).FullName);
        Assert.Contains(logs.Entries, static e => e.Category == "SecureWa.Sdk");
        Assert.DoesNotContain(logs.Entries, static e => e.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
        Assert.NotEmpty(httpActivityUrls);

        // .NET 9+ redacts the query string of url.full on System.Net.Http activities ("?*").
        Assert.All(httpActivityUrls, static url => Assert.DoesNotContain("appsecret_proof", url, StringComparison.Ordinal));

        var leaks = texts.Where(t => forbidden.Any(secret => t.Contains(secret, StringComparison.Ordinal))).ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} of {texts.Count} captured texts contain a secret or a proof (not printed here).");
        Assert.True(texts.Count > 20, $"Only {texts.Count} texts were captured.");
    }

    private ServiceProvider BuildServices(CapturingLoggerProvider logs, ISecretProvider secrets, Action<WhatsAppClientOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton(secrets);
        services.AddSecureWa(o =>
        {
            o.BaseAddress = https.Server.HttpsBaseUri!;
            o.UseAppSecretProof = true;
            o.Transport.AddTrustAnchor(https.CertificateAuthority);
            configure(o);
        });
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static GraphApiInvoker CreateInvoker(IServiceProvider services) => new(
        services.GetRequiredService<IHttpClientFactory>().CreateClient(WhatsAppHttpPipeline.HttpClientName),
        services.GetRequiredService<IOptions<WhatsAppClientOptions>>().Value,
        services.GetRequiredService<ILoggerFactory>().CreateLogger("SecureWa.Sdk"));

    private static string Proof(string token, string appSecret)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(appSecret));
        return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(token))).ToLowerInvariant();
    }

    private static string Describe(Activity activity)
    {
        var sb = new StringBuilder();
        sb.Append("activity ").Append(activity.Source.Name).Append(' ').Append(activity.OperationName).Append(' ').Append(activity.DisplayName)
            .Append(' ').Append(activity.StatusDescription);
        foreach (var tag in activity.TagObjects)
        {
            sb.Append(' ').Append(tag.Key).Append('=').Append(tag.Value);
        }

        foreach (var activityEvent in activity.Events)
        {
            sb.Append(" event ").Append(activityEvent.Name);
            foreach (var tag in activityEvent.Tags)
            {
                sb.Append(' ').Append(tag.Key).Append('=').Append(tag.Value);
            }
        }

        foreach (var baggage in activity.Baggage)
        {
            sb.Append(" baggage ").Append(baggage.Key).Append('=').Append(baggage.Value);
        }

        return sb.ToString();
    }

    private static string DescribeMeasurement(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var sb = new StringBuilder("metric ").Append(instrument.Meter.Name).Append(' ').Append(instrument.Name);
        foreach (var tag in tags)
        {
            sb.Append(' ').Append(tag.Key).Append('=').Append(tag.Value);
        }

        return sb.ToString();
    }
}
