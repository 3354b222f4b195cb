using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace SecureWa.Sdk.Benchmarks.Http;

/// <summary>
/// A primary handler that never touches the network: every request gets a fresh 200 with the Cloud API's success body
/// for a send. Reads nothing from the request, so both sides of a comparison pay the same for it.
/// </summary>
public sealed class CannedResponseHandler : HttpMessageHandler
{
    public static readonly byte[] SendSuccessBody = Encoding.UTF8.GetBytes(
        """{"messaging_product":"whatsapp","contacts":[{"input":"+16505551234","wa_id":"16505551234"}],"messages":[{"id":"wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA"}]}""");

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Create());

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) => Create();

    private static HttpResponseMessage Create()
    {
        var content = new ByteArrayContent(SendSuccessBody);
        content.Headers.ContentType = Json;
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}
