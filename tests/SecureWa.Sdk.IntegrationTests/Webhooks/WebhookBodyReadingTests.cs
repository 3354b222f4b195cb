using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SecureWa.Sdk.AspNetCore.Internal;

namespace SecureWa.Sdk.IntegrationTests.Webhooks;

public sealed class WebhookBodyReadingTests
{
    [Fact]
    public async Task Post_ClaimsOneMebibyteAndSendsSlowly_BufferFollowsBytesReceived()
    {
        var pool = new RecordingBufferPool();
        await using var server = await WebhookServer.StartAsync(
            static o => o.BodyReadTimeout = TimeSpan.FromSeconds(30),
            builder => builder.Services.AddSingleton<WebhookBodyBufferPool>(pool));
        using var client = await ConnectAsync(server);
        var stream = client.GetStream();

        await stream.WriteAsync(Headers(contentLength: 1024 * 1024));
        for (var i = 0; i < 8; i++)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(new string('x', 256)));
            await Task.Delay(50);
        }

        await WaitUntilAsync(() => pool.Rented > 0);
        await Task.Delay(200);

        // 2 KiB received of a claimed 1 MiB: the buffer is sized by what arrived, not by the claim.
        Assert.InRange(pool.LargestRent, 1, 64 * 1024);
    }

    [Fact]
    public async Task Post_BodyStallsPastReadTimeout_Answers408AndReturnsTheBuffer()
    {
        var pool = new RecordingBufferPool();
        await using var server = await WebhookServer.StartAsync(
            static o => o.BodyReadTimeout = TimeSpan.FromSeconds(1),
            builder => builder.Services.AddSingleton<WebhookBodyBufferPool>(pool));
        using var client = await ConnectAsync(server);
        var stream = client.GetStream();

        await stream.WriteAsync(Headers(contentLength: 4096));
        await stream.WriteAsync(Encoding.ASCII.GetBytes("{\"object\":"));
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var read = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[1024];
        var received = await stream.ReadAsync(buffer, read.Token);

        // Well before Kestrel's own minimum-data-rate check (5 s grace period) would have answered.
        Assert.InRange(started.Elapsed, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(4));
        Assert.StartsWith("HTTP/1.1 408", Encoding.ASCII.GetString(buffer, 0, received), StringComparison.Ordinal);
        await WaitUntilAsync(() => pool.Returned == pool.Rented && pool.Rented > 0);
        Assert.Empty(server.Received);
    }

    private static async Task<TcpClient> ConnectAsync(WebhookServer server)
    {
        var client = new TcpClient();
        await client.ConnectAsync(server.BaseAddress.Host, server.BaseAddress.Port);
        return client;
    }

    private static byte[] Headers(int contentLength) => Encoding.ASCII.GetBytes(
        $"POST {WebhookServer.Path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
        $"X-Hub-Signature-256: sha256={new string('0', 64)}\r\nContent-Length: {contentLength}\r\n\r\n");

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        Assert.True(condition());
    }

    private sealed class RecordingBufferPool : WebhookBodyBufferPool
    {
        private int _largest;
        private int _rented;
        private int _returned;

        public int LargestRent => Volatile.Read(ref _largest);

        public int Rented => Volatile.Read(ref _rented);

        public int Returned => Volatile.Read(ref _returned);

        public override byte[] Rent(int minimumLength)
        {
            var buffer = base.Rent(minimumLength);
            int seen;
            do
            {
                seen = Volatile.Read(ref _largest);
            }
            while (buffer.Length > seen && Interlocked.CompareExchange(ref _largest, buffer.Length, seen) != seen);

            Interlocked.Increment(ref _rented);
            return buffer;
        }

        public override void Return(byte[] buffer)
        {
            Interlocked.Increment(ref _returned);
            base.Return(buffer);
        }
    }
}
