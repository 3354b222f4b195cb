using System.Net;
using BenchmarkDotNet.Attributes;
using SecureWa.Sdk.Http;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Benchmarks.Http;

/// <summary>
/// Cost of the authentication handler per request (bearer header; appsecret_proof from the cached HMAC), over a
/// handler that answers without any I/O. Baseline: the same request without the authentication handler.
/// </summary>
[MemoryDiagnoser]
public class AuthenticationHandlerBenchmarks
{
    private static readonly Uri RequestUri = new("https://graph.facebook.com/v23.0/106540352242922/messages");

    private HttpMessageInvoker _none = null!;
    private HttpMessageInvoker _bearer = null!;
    private HttpMessageInvoker _bearerAndProof = null!;

    [GlobalSetup]
    public void Setup()
    {
        var secrets = new InMemorySecretProvider([
            new(SecretNames.AccessToken, "EAAG" + new string('x', 180)),
            new(SecretNames.AppSecret, "0123456789abcdef0123456789abcdef"),
        ]);
        _none = new HttpMessageInvoker(new NoNetworkHandler());
        _bearer = new HttpMessageInvoker(new AuthenticationHandler(secrets, new WhatsAppClientOptions()) { InnerHandler = new NoNetworkHandler() });
        _bearerAndProof = new HttpMessageInvoker(new AuthenticationHandler(secrets, new WhatsAppClientOptions { UseAppSecretProof = true }) { InnerHandler = new NoNetworkHandler() });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _none.Dispose();
        _bearer.Dispose();
        _bearerAndProof.Dispose();
    }

    [Benchmark(Baseline = true)]
    public async Task<HttpStatusCode> NoAuthentication() => await SendAsync(_none);

    [Benchmark]
    public async Task<HttpStatusCode> Bearer() => await SendAsync(_bearer);

    [Benchmark]
    public async Task<HttpStatusCode> BearerAndAppSecretProof() => await SendAsync(_bearerAndProof);

    private static async Task<HttpStatusCode> SendAsync(HttpMessageInvoker invoker)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, RequestUri);
        using var response = await invoker.SendAsync(request, CancellationToken.None);
        return response.StatusCode;
    }

    private sealed class NoNetworkHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
    }
}
