using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>
/// Performs Java WireMock's transport faults on the raw TCP socket of the connection that carried the request (Kestrel's
/// <see cref="IConnectionSocketFeature"/>), after the whole request was read and before any byte of an answer was
/// sent. WireMock.Net has no real TCP reset, and its <c>EMPTY_RESPONSE</c> still sends a status line; these do not.
/// The data faults write plain bytes, so on an HTTPS listener they break the TLS record layer instead.
/// </summary>
internal static class FaultInjector
{
    // Java WireMock's garbage bytes, ended by CRLF so the client parses them (and fails: invalid status line or chunk
    // size) instead of waiting for a line end and seeing only the close.
    private const string Garbage = "lskdu018973t09sylgasjkfg1][]'./.sdlv\r\n";

    /// <summary>Performs <paramref name="fault"/> on the connection of <paramref name="context"/> and aborts it.</summary>
    /// <exception cref="WireMockHarnessException">The server transport does not expose its socket.</exception>
    public static async Task InjectAsync(HttpContext context, WireMockFault fault)
    {
        var socket = context.Features.Get<IConnectionSocketFeature>()?.Socket
            ?? throw new WireMockHarnessException("Kestrel did not expose the connection's socket (IConnectionSocketFeature); the harness cannot inject transport faults.");
        switch (fault)
        {
            case WireMockFault.ConnectionResetByPeer:
                // SO_LINGER 0 and an abortive close: the peer gets RST, not FIN.
                socket.LingerState = new LingerOption(true, 0);
                socket.Close(0);
                break;
            case WireMockFault.EmptyResponse:
                socket.Shutdown(SocketShutdown.Both);
                break;
            case WireMockFault.MalformedResponseChunk:
                await SendThenCloseAsync(socket, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + Garbage);
                break;
            case WireMockFault.RandomDataThenClose:
                await SendThenCloseAsync(socket, Garbage);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(fault), fault, "Unknown fault.");
        }

        context.Abort();
    }

    private static async Task SendThenCloseAsync(Socket socket, string data)
    {
        await socket.SendAsync(Encoding.ASCII.GetBytes(data), SocketFlags.None);
        socket.Shutdown(SocketShutdown.Both);
    }
}
