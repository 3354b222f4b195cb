using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>A dedicated HTTPS WireMock.Net presenting a server certificate issued by a generated CA.</summary>
public sealed class WireMockHttpsTests(HttpsWireMockFixture https) : IClassFixture<HttpsWireMockFixture>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await https.Server.Admin.ResetAsync();
        await https.Server.Admin.StubAsync(RequestPattern.For("GET", "/tls"), ResponseDefinition.Text(200, "secure", "text/plain"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Handshake_ClientTrustingOnlyGeneratedCa_Succeeds()
    {
        X509Certificate2? presented = null;
        var handler = TestCertificates.CreateHandlerTrusting(https.CertificateAuthority);
        handler.SslOptions.EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            presented = certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            return errors == SslPolicyErrors.None;
        };
        using var client = new HttpClient(handler) { BaseAddress = https.Server.HttpsBaseUri };

        var body = await client.GetStringAsync("/tls");

        Assert.Equal("secure", body);
        Assert.Equal(Uri.UriSchemeHttps, https.Server.HttpsBaseUri!.Scheme);
        Assert.NotNull(presented);
        Assert.Equal(https.ServerCertificate.Thumbprint, presented.Thumbprint);
        Assert.Equal(TestCertificates.ComputeSpkiPin(https.ServerCertificate), TestCertificates.ComputeSpkiPin(presented));
        Assert.Equal(1, await https.Server.Admin.CountRequestsAsync(RequestPattern.For("GET", "/tls")));
    }

    [Fact]
    public async Task Handshake_ClientTrustingAnotherCa_FailsWithAuthenticationError()
    {
        using var otherCa = TestCertificates.CreateCertificateAuthority("Unrelated CA");
        using var client = new HttpClient(TestCertificates.CreateHandlerTrusting(otherCa)) { BaseAddress = https.Server.HttpsBaseUri };

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync("/tls"));

        Assert.Equal(HttpRequestError.SecureConnectionError, error.HttpRequestError);
        Assert.IsType<AuthenticationException>(error.InnerException);
        Assert.Equal(0, await https.Server.Admin.CountRequestsAsync(RequestPattern.For("GET", "/tls")));
    }

    [Fact]
    public async Task Handshake_DefaultSystemTrust_RejectsGeneratedCertificate()
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = https.Server.HttpsBaseUri };

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync("/tls"));

        Assert.Equal(HttpRequestError.SecureConnectionError, error.HttpRequestError);
    }
}
