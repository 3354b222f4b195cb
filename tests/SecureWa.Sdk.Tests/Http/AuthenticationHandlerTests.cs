using System.Net;
using System.Text;
using SecureWa.Sdk.Http;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.TestSupport;

namespace SecureWa.Sdk.Tests.Http;

public class AuthenticationHandlerTests
{
    private const string Error190 = """{"error":{"message":"Error validating access token: Session has expired.","type":"OAuthException","code":190,"error_subcode":463,"fbtrace_id":"AbCdEf"}}""";

    private static (HttpMessageInvoker Invoker, RecordingHandler Inner) Create(ISecretProvider secrets, bool useProof, Func<HttpRequestMessage, int, Task<HttpResponseMessage>> respond)
    {
        var inner = new RecordingHandler(respond);
        var options = new WhatsAppClientOptions { BaseAddress = new Uri("https://graph.example.test/"), UseAppSecretProof = useProof };
        var handler = new AuthenticationHandler(secrets, options) { InnerHandler = inner };
        return (new HttpMessageInvoker(handler), inner);
    }

    private static CountingSecretProvider Secrets(string token = "token-A", string appSecret = "app-secret-1")
    {
        var secrets = new CountingSecretProvider();
        secrets.SetSource(SecretNames.AccessToken, token);
        secrets.SetSource(SecretNames.AppSecret, appSecret);
        return secrets;
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    [Fact]
    public async Task SendAsync_ProofOn_BearerHeaderAndProofQueryOnly()
    {
        var secrets = Secrets();
        var (invoker, inner) = Create(secrets, useProof: true, static (_, _) => Task.FromResult(Json(HttpStatusCode.OK, "{}")));

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://graph.example.test/v23.0/123?fields=id"), default);

        var seen = Assert.Single(inner.Seen);
        Assert.Equal("Bearer token-A", seen.Authorization);
        Assert.Equal($"https://graph.example.test/v23.0/123?fields=id&appsecret_proof={AppSecretProof.Compute("token-A", "app-secret-1")}", seen.Uri);
        Assert.DoesNotContain("token-A", seen.Uri, StringComparison.Ordinal);
        Assert.DoesNotContain("app-secret-1", seen.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_SameUriAcrossTokenAndSecretRotations_HeaderAndProofFollowEachRotation()
    {
        // The handler reuses the proofed URI and the Authorization value while the token (and secret) are unchanged.
        var secrets = new InMemorySecretProvider([new(SecretNames.AccessToken, "token-A"), new(SecretNames.AppSecret, "app-secret-1")]);
        var inner = new RecordingHandler(static (_, _) => Task.FromResult(Json(HttpStatusCode.OK, "{}")));
        var options = new WhatsAppClientOptions { BaseAddress = new Uri("https://graph.example.test/"), UseAppSecretProof = true };
        using var invoker = new HttpMessageInvoker(new AuthenticationHandler(secrets, options) { InnerHandler = inner });
        var uri = new Uri("https://graph.example.test/v23.0/123/messages");

        async Task SendAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri);
            using var response = await invoker.SendAsync(request, default);
        }

        await SendAsync();
        await SendAsync();
        secrets.Set(SecretNames.AccessToken, "token-B");
        await SendAsync();
        secrets.Set(SecretNames.AppSecret, "app-secret-2");
        await SendAsync();
        secrets.Set(SecretNames.AccessToken, "token-A");
        await SendAsync();

        var expected = new[]
        {
            ("token-A", "app-secret-1"), ("token-A", "app-secret-1"), ("token-B", "app-secret-1"), ("token-B", "app-secret-2"), ("token-A", "app-secret-2"),
        };
        Assert.Equal(expected.Length, inner.Seen.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var (token, appSecret) = expected[i];
            Assert.Equal("Bearer " + token, inner.Seen[i].Authorization);
            Assert.Equal($"https://graph.example.test/v23.0/123/messages?appsecret_proof={AppSecretProof.Compute(token, appSecret)}", inner.Seen[i].Uri);
        }

        Assert.Equal("https://graph.example.test/v23.0/123/messages", uri.AbsoluteUri);
    }

    [Fact]
    public async Task SendAsync_ProofOff_NoQueryParameter()
    {
        var (invoker, inner) = Create(Secrets(), useProof: false, static (_, _) => Task.FromResult(Json(HttpStatusCode.OK, "{}")));

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://graph.example.test/v23.0/123"), default);

        Assert.Equal("https://graph.example.test/v23.0/123", Assert.Single(inner.Seen).Uri);
    }

    [Theory]
    [InlineData("https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1&ext=2&hash=3")]
    [InlineData("https://graph.example.test:8443/v23.0/123")]
    [InlineData("http://graph.example.test/v23.0/123")]
    public async Task SendAsync_OtherHostPortOrScheme_UrlUnchanged(string url)
    {
        var (invoker, inner) = Create(Secrets(), useProof: true, static (_, _) => Task.FromResult(Json(HttpStatusCode.OK, "{}")));

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, url), default);

        var seen = Assert.Single(inner.Seen);
        Assert.Equal(url, seen.Uri);
        Assert.Equal("Bearer token-A", seen.Authorization);
    }

    [Fact]
    public async Task SendAsync_190ThenSuccess_InvalidatesRereadsAndRetriesWithNewToken()
    {
        var secrets = Secrets();
        var (invoker, inner) = Create(secrets, useProof: true, (_, attempt) =>
        {
            if (attempt == 1)
            {
                secrets.SetSource(SecretNames.AccessToken, "token-B"); // rotated at the source; the provider still caches A
                return Task.FromResult(Json(HttpStatusCode.Unauthorized, Error190));
            }

            return Task.FromResult(Json(HttpStatusCode.OK, """{"id":"1"}"""));
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://graph.example.test/v23.0/123/messages") { Content = new StringContent("{\"a\":1}", Encoding.UTF8, "application/json") };

        using var response = await invoker.SendAsync(request, default);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, inner.Seen.Count);
        Assert.Equal("Bearer token-B", inner.Seen[1].Authorization);
        Assert.Equal("{\"a\":1}", inner.Seen[1].Body);
        Assert.EndsWith("appsecret_proof=" + AppSecretProof.Compute("token-B", "app-secret-1"), inner.Seen[1].Uri, StringComparison.Ordinal);
        Assert.Single(inner.Seen[1].Uri.Split("appsecret_proof=")[1..]);
        Assert.Equal(1, secrets.Invalidations);
        Assert.Equal(2, secrets.SourceReads);
    }

    [Fact]
    public async Task SendAsync_190Twice_ReturnsSecond190WithReadableBody()
    {
        var secrets = Secrets();
        var (invoker, inner) = Create(secrets, useProof: false, static (_, _) => Task.FromResult(Json(HttpStatusCode.Unauthorized, Error190)));

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://graph.example.test/v23.0/me"), default);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, inner.Seen.Count);
        Assert.Equal(1, secrets.Invalidations);
        var error = await GraphApiInvoker.ReadApiErrorAsync(response, default);
        Assert.Equal(190, error.Code);
        Assert.Equal("AbCdEf", error.FbTraceId);
    }

    [Fact]
    public async Task SendAsync_OtherAuthError_NotRetried()
    {
        var secrets = Secrets();
        var (invoker, inner) = Create(secrets, useProof: false, static (_, _) => Task.FromResult(Json(HttpStatusCode.Forbidden, """{"error":{"message":"perm","code":10}}""")));

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://graph.example.test/v23.0/me"), default);

        Assert.Single(inner.Seen);
        Assert.Equal(0, secrets.Invalidations);
    }

    [Fact]
    public async Task SendAsync_190WithNonRewindableStreamBody_NotRetried()
    {
        var secrets = Secrets();
        var (invoker, inner) = Create(secrets, useProof: false, static (_, _) => Task.FromResult(Json(HttpStatusCode.Unauthorized, Error190)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://graph.example.test/v23.0/123/media") { Content = new StreamContent(new MemoryStream([1, 2, 3])) };

        using var response = await invoker.SendAsync(request, default);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Single(inner.Seen);
        Assert.Equal(0, secrets.Invalidations);
    }

    [Fact]
    public async Task SendAsync_Concurrent190s_OneInvalidationAndOneReread()
    {
        const int Concurrency = 16;
        var secrets = Secrets();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrived = 0;
        var (invoker, inner) = Create(secrets, useProof: true, async (request, _) =>
        {
            if (request.Headers.Authorization!.Parameter == "token-A")
            {
                // Hold every first attempt until all have been sent with the old token.
                if (Interlocked.Increment(ref arrived) == Concurrency)
                {
                    secrets.SetSource(SecretNames.AccessToken, "token-B");
                    gate.SetResult();
                }

                await gate.Task;
                return Json(HttpStatusCode.Unauthorized, Error190);
            }

            return Json(HttpStatusCode.OK, "{}");
        });

        var responses = await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ =>
            invoker.SendAsync(new HttpRequestMessage(HttpMethod.Get, "https://graph.example.test/v23.0/me"), default)));

        Assert.All(responses, static r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1, secrets.Invalidations);
        Assert.Equal(2, secrets.SourceReads);
        Assert.Equal(Concurrency * 2, inner.Seen.Count);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public void Send_Synchronous190ThenSuccess_Retries()
    {
        var secrets = Secrets();
        var (invoker, inner) = Create(secrets, useProof: false, (_, attempt) =>
        {
            secrets.SetSource(SecretNames.AccessToken, "token-B");
            return Task.FromResult(attempt == 1 ? Json(HttpStatusCode.Unauthorized, Error190) : Json(HttpStatusCode.OK, "{}"));
        });

        using var response = invoker.Send(new HttpRequestMessage(HttpMethod.Get, "https://graph.example.test/v23.0/me"), default);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer token-B", inner.Seen[1].Authorization);
    }

    private sealed class RecordingHandler(Func<HttpRequestMessage, int, Task<HttpResponseMessage>> respond) : HttpMessageHandler
    {
        private int _attempts;

        public List<(string Uri, string? Authorization, string? Body)> Seen { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            int attempt;
            lock (Seen)
            {
                Seen.Add((request.RequestUri!.AbsoluteUri, request.Headers.Authorization?.ToString(), body));
                attempt = ++_attempts;
            }

            return await respond(request, attempt);
        }

        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
            SendAsync(request, cancellationToken).GetAwaiter().GetResult();
    }
}
