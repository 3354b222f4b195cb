using System.Security.Cryptography.X509Certificates;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>
/// A dedicated HTTPS WireMock (class fixture) whose keystore holds a server certificate for localhost/127.0.0.1
/// issued by a CA generated for this run. Use <see cref="CertificateAuthority"/> as the only trust anchor.
/// </summary>
public sealed class HttpsWireMockFixture : IAsyncLifetime
{
    private TestKeystore? _keystore;
    private WireMockServer? _server;

    /// <summary>The generated CA (with private key).</summary>
    public X509Certificate2 CertificateAuthority { get; private set; } = null!;

    /// <summary>The server certificate WireMock presents.</summary>
    public X509Certificate2 ServerCertificate { get; private set; } = null!;

    /// <summary>The running server; <see cref="WireMockServer.HttpsBaseUri"/> is its TLS address.</summary>
    public WireMockServer Server => _server ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        CertificateAuthority = TestCertificates.CreateCertificateAuthority();
        ServerCertificate = TestCertificates.IssueServerCertificate(CertificateAuthority);
        _keystore = TestCertificates.ExportPkcs12(ServerCertificate, CertificateAuthority);
        _server = await WireMockServer.StartAsync(new WireMockServerOptions { HttpsKeystore = _keystore });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _keystore?.Dispose();
        ServerCertificate?.Dispose();
        CertificateAuthority?.Dispose();
    }
}
