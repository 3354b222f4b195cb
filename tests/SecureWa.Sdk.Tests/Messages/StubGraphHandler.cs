using System.Net;
using System.Text;
using SecureWa.Sdk.Http.Internal;

namespace SecureWa.Sdk.Tests.Messages;

/// <summary>An in-test terminal handler: records what the SDK sent and answers with a canned response.</summary>
internal sealed class StubGraphHandler : HttpMessageHandler
{
    private readonly HttpStatusCode _status;
    private readonly string? _body;

    public StubGraphHandler(HttpStatusCode status, string? body)
    {
        _status = status;
        _body = body;
    }

    public List<RecordedRequest> Requests { get; } = [];

    public static StubGraphHandler Sent(string messageId = "wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA", string? status = "accepted")
        => new(HttpStatusCode.OK, $$"""
            {"messaging_product":"whatsapp","contacts":[{"input":"+16505551234","wa_id":"16505551234"}],
             "messages":[{"id":"{{messageId}}"{{(status is null ? string.Empty : $",\"message_status\":\"{status}\"")}}}]}
            """);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        request.Options.TryGetValue(WhatsAppRequestOptions.Operation, out var operation);
        request.Options.TryGetValue(WhatsAppRequestOptions.PhoneNumberId, out var phoneNumberId);
        request.Options.TryGetValue(WhatsAppRequestOptions.Recipient, out var recipient);
        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, request.Content?.Headers.ContentType?.ToString(), body, operation, phoneNumberId, recipient));
        var response = new HttpResponseMessage(_status) { RequestMessage = request };
        if (_body is not null)
        {
            response.Content = new StringContent(_body, Encoding.UTF8, "application/json");
        }

        return response;
    }

    internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? ContentType, byte[]? Body, WhatsAppOperationKind Operation, string? PhoneNumberId, string? Recipient);
}
