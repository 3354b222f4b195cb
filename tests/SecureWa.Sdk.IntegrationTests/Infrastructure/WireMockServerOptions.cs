namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>How <see cref="WireMockServer.StartAsync(WireMockServerOptions?, CancellationToken)"/> starts WireMock.</summary>
public sealed class WireMockServerOptions
{
    /// <summary>Environment variable naming an already running WireMock, such as <c>http://127.0.0.1:8080</c>.</summary>
    public const string UrlEnvironmentVariable = "SECUREWA_WIREMOCK_URL";

    /// <summary>
    /// A PKCS#12 keystore (see <see cref="TestCertificates.ExportPkcs12"/>) that turns on an HTTPS port next to the
    /// HTTP one. The admin API stays reachable over plain HTTP on loopback.
    /// </summary>
    public TestKeystore? HttpsKeystore { get; init; }

    /// <summary>How long WireMock may take to answer <c>/__admin/health</c>. Default 60 seconds.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
