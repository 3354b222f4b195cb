using System.Security.Cryptography.X509Certificates;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>
/// A dedicated HTTPS WireMock.Net (class fixture) presenting a server certificate for localhost/127.0.0.1 (RSA 2048)
/// issued by a CA (ECDSA P-256) generated for this run. Use <see cref="CertificateAuthority"/> as the only trust anchor.
/// </summary>
public sealed class HttpsWireMockFixture : IAsyncLifetime
{
    private WireMockServer? _server;

    /// <summary>The generated CA (with private key).</summary>
    public X509Certificate2 CertificateAuthority { get; private set; } = null!;

    /// <summary>The server certificate WireMock.Net presents.</summary>
    public X509Certificate2 ServerCertificate { get; private set; } = null!;

    /// <summary>The running server; <see cref="WireMockServer.HttpsBaseUri"/> is its TLS address.</summary>
    public WireMockServer Server => _server ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        CertificateAuthority = TestCertificates.CreateCertificateAuthority();
        ServerCertificate = TestCertificates.IssueServerCertificate(CertificateAuthority, rsa: true);
        _server = await WireMockServer.StartAsync(new WireMockServerOptions { HttpsCertificate = ServerCertificate });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        ServerCertificate?.Dispose();
        CertificateAuthority?.Dispose();
    }
}
