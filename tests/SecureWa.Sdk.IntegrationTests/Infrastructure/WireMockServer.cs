using System.Net;
using WireMock.Logging;
using WireMock.Settings;
using WireMockNetServer = WireMock.Server.WireMockServer;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>
/// WireMock.Net started in this process on free ports of 127.0.0.1 only (explicit loopback URLs; WireMock.Net would
/// otherwise listen on every interface). Its typed admin is <see cref="Admin"/>; requests pass through
/// <see cref="HarnessMiddleware"/> for the journal and transport faults. Dispose it to stop listening.
/// The shared server comes from <see cref="WireMockFixture"/>; start a dedicated one (for HTTPS) with
/// <see cref="StartAsync(WireMockServerOptions?, CancellationToken)"/> and dispose it in the test.
/// </summary>
public sealed class WireMockServer : IAsyncDisposable, IDisposable
{
    private readonly WireMockNetServer _server;
    private int _disposed;

    private WireMockServer(WireMockNetServer server, HarnessState state, IReadOnlyList<Uri> boundUrls)
    {
        _server = server;
        BoundUrls = boundUrls;
        BaseUri = boundUrls.First(u => u.Scheme == Uri.UriSchemeHttp);
        HttpsBaseUri = boundUrls.FirstOrDefault(u => u.Scheme == Uri.UriSchemeHttps);
        Admin = new WireMockAdmin(server, state, BaseUri);
    }

    /// <summary>The plain HTTP address, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>The HTTPS address when a certificate was given, else <see langword="null"/>.</summary>
    public Uri? HttpsBaseUri { get; }

    /// <summary>Every address WireMock.Net reports it listens on (all on 127.0.0.1).</summary>
    public IReadOnlyList<Uri> BoundUrls { get; }

    /// <summary>The typed admin client for this server.</summary>
    public WireMockAdmin Admin { get; }

    /// <summary>Starts WireMock.Net in this process on free loopback ports and waits until it listens.</summary>
    /// <exception cref="WireMockHarnessException">WireMock.Net did not start, or reported an address that is not loopback.</exception>
    public static Task<WireMockServer> StartAsync(WireMockServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new WireMockServerOptions();
        cancellationToken.ThrowIfCancellationRequested();
        var state = new HarnessState();
        var settings = new WireMockServerSettings
        {
            // Port 0 on 127.0.0.1: Kestrel binds a free loopback port itself (no pick-then-bind race).
            Urls = options.HttpsCertificate is null ? ["http://127.0.0.1:0"] : ["http://127.0.0.1:0", "https://127.0.0.1:0"],
            CertificateSettings = options.HttpsCertificate is null ? null : new WireMockCertificateSettings { X509Certificate = options.HttpsCertificate },
            StartAdminInterface = false,
            ReadStaticMappings = false,
            WatchStaticMappings = false,
            StartTimeout = (int)options.StartupTimeout.TotalMilliseconds,
            Logger = new WireMockNullLogger(),

            // The harness keeps its own journal (HarnessMiddleware), captured at arrival with the exact body bytes.
            MaxRequestLogCount = 0,
            DisableRequestBodyDecompressing = true,
            DisableJsonBodyParsing = true,
            DisableDeserializeFormUrlEncoded = true,
            AllowBodyForAllHttpMethods = true,
            PreWireMockMiddlewareInit = app => HarnessMiddleware.Register(app, state),
        };

        return Task.Run(() =>
        {
            WireMockNetServer server;
            try
            {
                server = WireMockNetServer.Start(settings);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new WireMockHarnessException($"WireMock.Net did not start on 127.0.0.1: {ex.Message}", ex);
            }

            try
            {
                var urls = server.Urls.Select(u => new Uri(u.EndsWith('/') ? u : u + "/")).ToList();
                if (urls.Count == 0 || urls.Any(u => !IPAddress.TryParse(u.Host, out var address) || !IPAddress.IsLoopback(address)))
                {
                    throw new WireMockHarnessException($"WireMock.Net reported non-loopback addresses: {string.Join(", ", server.Urls)}.");
                }

                return new WireMockServer(server, state, urls);
            }
            catch
            {
                server.Stop();
                server.Dispose();
                throw;
            }
        }, cancellationToken);
    }

    /// <summary>Stops WireMock.Net and closes its listeners.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Admin.Dispose();
        _server.Stop();
        _server.Dispose();
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
