using System.Net;
using System.Net.Sockets;
using System.Text;
using SecureWa.Sdk.Http;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Tests.Http;

public sealed class PlaintextProxyTests
{
    private const string Token = "EAAG-proxy-test-token-0001";

    /// <summary>A loopback listener answering every request with one canned HTTP response, recording what it read.</summary>
    private sealed class LoopbackServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly string _response;
        private readonly Task _loop;
        private int _connections;

        public LoopbackServer(string response)
        {
            _response = response;
            _listener.Start();
            _loop = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Connections => Volatile.Read(ref _connections);

        public StringBuilder Received { get; } = new();

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    using var client = await _listener.AcceptTcpClientAsync();
                    Interlocked.Increment(ref _connections);
                    var stream = client.GetStream();
                    var buffer = new byte[16 * 1024];
                    var read = await stream.ReadAsync(buffer);
                    lock (Received)
                    {
                        Received.Append(Encoding.ASCII.GetString(buffer, 0, read));
                    }

                    await stream.WriteAsync(Encoding.ASCII.GetBytes(_response));
                }
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException)
            {
            }
        }

        public void Dispose()
        {
            _listener.Stop();
            _ = _loop;
        }
    }

    private static string Http(int status, string body) =>
        $"HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";

    [Fact]
    public async Task SendAsync_SystemProxySetAndHttpLoopbackBaseAddress_ProxySeesNothingAndTheTargetIsCalledDirectly()
    {
        using var proxy = new LoopbackServer(Http(502, "{}"));
        using var graph = new LoopbackServer(Http(200, """{"messaging_product":"whatsapp","contacts":[{"input":"+16505551234","wa_id":"16505551234"}],"messages":[{"id":"wamid.DIRECT"}]}"""));
        var options = new WhatsAppClientOptions
        {
            BaseAddress = new Uri($"http://127.0.0.1:{graph.Port}/"),
            PhoneNumberId = "106540352242922",
            UseAppSecretProof = true,
        };
        var primary = WhatsAppPrimaryHandlerFactory.Create(options.Transport, logger: null, systemProxy: () => new WebProxy($"http://127.0.0.1:{proxy.Port}"));
        var secrets = new InMemorySecretProvider([new(SecretNames.AccessToken, Token), new(SecretNames.AppSecret, "app-secret-for-proxy-test")]);
        using var client = new WhatsAppClient(options, secrets, loggerFactory: null, timeProvider: null, primaryHandler: primary);

        var result = await client.Messages.SendAsync(new TextMessage("+16505551234", "hi"));

        Assert.Equal("wamid.DIRECT", result.MessageId);
        Assert.Equal(0, proxy.Connections);
        Assert.Contains(Token, graph.Received.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SystemProxySet_HttpsStillGoesThroughItAndHttpNever()
    {
        var system = new WebProxy("http://127.0.0.1:3128");
        using var handler = WhatsAppPrimaryHandlerFactory.Create(new WhatsAppTransportOptions(), logger: null, systemProxy: () => system);

        Assert.True(handler.UseProxy);
        Assert.Equal(new Uri("http://127.0.0.1:3128/"), handler.Proxy!.GetProxy(new Uri("https://graph.facebook.com/v23.0/1/messages")));
        Assert.True(handler.Proxy.IsBypassed(new Uri("http://127.0.0.1:8080/v23.0/1/messages")));
        Assert.Null(handler.Proxy.GetProxy(new Uri("http://10.0.0.5/v23.0/1/messages")));
    }
}
