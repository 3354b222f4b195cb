using System.Security.Cryptography.X509Certificates;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>How <see cref="WireMockServer.StartAsync(WireMockServerOptions?, CancellationToken)"/> starts the harness.</summary>
public sealed class WireMockServerOptions
{
    /// <summary>
    /// A server certificate with its private key (RSA: WireMock.Net's Kestrel setup does not take ECDSA keys; see
    /// <see cref="TestCertificates.IssueServerCertificate"/> with <c>rsa: true</c>) that turns on an HTTPS listener next
    /// to the plain HTTP one. The caller keeps ownership and disposes it after the server.
    /// </summary>
    public X509Certificate2? HttpsCertificate { get; init; }

    /// <summary>How long WireMock.Net may take to start listening. Default 30 seconds.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
