using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.IntegrationTests.Infrastructure;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.IntegrationTests.Secrets;

/// <summary>
/// Token rotation end to end: a Kubernetes-style secret volume changes while messages flow through a real
/// <see cref="WhatsAppClient"/> to WireMock.
/// </summary>
[Collection(WireMockCollection.Name)]
public sealed class SecretRotationTests(WireMockFixture fixture) : WireMockTestBase(fixture), IDisposable
{
    private const string PhoneNumberId = "106540352242922";
    private const string OldToken = "EAAG-rotation-old-token-0001";
    private const string NewToken = "EAAG-rotation-new-token-0002";
    private const string MessagesPath = "/v23.0/" + PhoneNumberId + "/messages";
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly KubernetesSecretVolume _volume = new();

    public void Dispose() => _volume.Dispose();

    [Fact]
    public async Task FileSecretRotates_WhileRequestsFlow_LaterRequestsCarryNewTokenAndNoneFails()
    {
        // Meta keeps the old token valid for a while after a new one is issued: both are accepted here.
        await StubSendAsync(OldToken, "wamid.old");
        await StubSendAsync(NewToken, "wamid.new");
        _volume.Publish(new Dictionary<string, string> { [SecretNames.AccessToken] = OldToken + "\n" });
        var time = new ManualClock();
        var secrets = new CachingSecretProvider(
            new FileSecretProvider(_volume.Path),
            new CachingSecretProviderOptions { TimeToLive = TimeSpan.FromMinutes(5), RefreshAhead = TimeSpan.FromSeconds(30) },
            time);
        var rotations = new ConcurrentQueue<SecretRotatedEventArgs>();
        secrets.SecretRotated += (_, e) => rotations.Enqueue(e);
        // Many sends to one recipient: lift the pair limit, which is not what this test is about.
        var options = new WhatsAppClientOptions { BaseAddress = WireMock.BaseUri, PhoneNumberId = PhoneNumberId };
        options.RateLimiting.RecipientBurst = 10_000;
        using var client = new WhatsAppClient(options, secrets);
        var results = new ConcurrentQueue<(bool StartedAfterRotation, string MessageId)>();
        var rotated = 0;
        using var stop = new CancellationTokenSource();

        var senders = Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var afterRotation = Volatile.Read(ref rotated) == 1;
                var result = await client.Messages.SendAsync(new TextMessage("+16505551234", $"Order update from sender {i}"));
                results.Enqueue((afterRotation, result.MessageId));
            }
        })).ToArray();

        await WaitUntilAsync(() => results.Count >= 8, senders);
        _volume.Publish(new Dictionary<string, string> { [SecretNames.AccessToken] = NewToken + "\n" });
        time.Advance(TimeSpan.FromMinutes(5));
        Volatile.Write(ref rotated, 1);
        await WaitUntilAsync(() => results.Count(r => r.StartedAfterRotation) >= 8, senders);
        await stop.CancelAsync();
        await Task.WhenAll(senders).WaitAsync(WaitLimit);

        Assert.All(results.Where(r => r.StartedAfterRotation), r => Assert.Equal("wamid.new", r.MessageId));
        Assert.Contains(results, r => r.MessageId == "wamid.old");
        var journal = await Admin.GetRequestsAsync();
        Assert.Equal(results.Count, journal.Count);
        Assert.All(journal, r => Assert.Contains(r.Header("Authorization"), new[] { "Bearer " + OldToken, "Bearer " + NewToken }));
        Assert.Equal("Bearer " + NewToken, journal[^1].Header("Authorization"));
        Assert.Empty(await Admin.GetUnmatchedRequestsAsync());
        var rotation = Assert.Single(rotations);
        Assert.Equal(SecretNames.AccessToken, rotation.Name);
        Assert.NotEqual(rotation.PreviousVersion, rotation.CurrentVersion);
    }

    /// <summary>
    /// Depends on the 190 handling in <c>AuthenticationHandler</c> (transport branch): on Graph error 190 the handler
    /// invalidates the token in the provider, reads it again (one shared re-read) and retries once.
    /// </summary>
    [Fact]
    public async Task OldTokenRevoked_Graph190_ClientRereadsRotatedFileAndEveryRequestSucceeds()
    {
        await StubSendAsync(OldToken, "wamid.old");
        await StubSendAsync(NewToken, "wamid.new");
        _volume.Publish(new Dictionary<string, string> { [SecretNames.AccessToken] = OldToken });
        var services = new ServiceCollection();
        services.AddSecureWa(o =>
        {
            o.BaseAddress = WireMock.BaseUri;
            o.PhoneNumberId = PhoneNumberId;
            o.RateLimiting.RecipientBurst = 10_000; // many sends to one recipient; the pair limit is not under test
        }).AddFileSecrets(_volume.Path);
        await using var sp = services.BuildServiceProvider();
        sp.GetRequiredService<IStartupValidator>().Validate();
        var client = sp.GetRequiredService<WhatsAppClient>();

        // The default cache now holds the old token for its time to live (5 minutes).
        Assert.Equal("wamid.old", (await client.Messages.SendAsync(new TextMessage("+16505551234", "before rotation"))).MessageId);

        // The token is rotated in the volume and Meta revokes the old one at once: it now gets error 190.
        _volume.Publish(new Dictionary<string, string> { [SecretNames.AccessToken] = NewToken });
        await Admin.ResetAsync();
        await StubSendAsync(NewToken, "wamid.new");
        await Admin.StubAsync(
            new RequestPattern
            {
                Method = "POST",
                UrlPath = MessagesPath,
                Headers = new() { ["Authorization"] = StringValuePattern.IsEqualTo("Bearer " + OldToken) },
            },
            ResponseDefinition.Json(401, JsonNode.Parse("""{"error":{"message":"Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.","type":"OAuthException","code":190,"error_subcode":460,"fbtrace_id":"AbCdEf190"}}""")!));

        var sends = Enumerable.Range(0, 8)
            .Select(i => Task.Run(() => client.Messages.SendAsync(new TextMessage("+16505551234", $"after rotation {i}"))))
            .ToArray();
        var results = await Task.WhenAll(sends).WaitAsync(WaitLimit);

        Assert.All(results, r => Assert.Equal("wamid.new", r.MessageId));
        var journal = await Admin.GetRequestsAsync();
        Assert.Equal(8, journal.Count(r => r.Header("Authorization") == "Bearer " + NewToken));
        Assert.InRange(journal.Count(r => r.Header("Authorization") == "Bearer " + OldToken), 1, 8);
        Assert.Equal(journal.Count, journal.Count(r => r.Header("Authorization") is "Bearer " + NewToken or "Bearer " + OldToken));
        Assert.Equal("wamid.new", (await client.Messages.SendAsync(new TextMessage("+16505551234", "steady state"))).MessageId);
    }

    private Task StubSendAsync(string token, string messageId) => Admin.StubAsync(
        new RequestPattern
        {
            Method = "POST",
            UrlPath = MessagesPath,
            Headers = new() { ["Authorization"] = StringValuePattern.IsEqualTo("Bearer " + token) },
        },
        ResponseDefinition.Json(200, new JsonObject
        {
            ["messaging_product"] = "whatsapp",
            ["contacts"] = new JsonArray(new JsonObject { ["input"] = "+16505551234", ["wa_id"] = "16505551234" }),
            ["messages"] = new JsonArray(new JsonObject { ["id"] = messageId }),
        }));

    private static async Task WaitUntilAsync(Func<bool> condition, Task[] workers)
    {
        using var timeout = new CancellationTokenSource(WaitLimit);
        while (!condition())
        {
            if (workers.FirstOrDefault(w => w.IsFaulted) is { } failed)
            {
                await failed; // surface the sender's exception
            }

            await Task.Delay(10, timeout.Token);
        }
    }
}
