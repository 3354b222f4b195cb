using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace SecureWa.Sdk.Tests.Tokens;

/// <summary>A primary handler answering <c>debug_token</c> with a settable body; records each request URI and Authorization header.</summary>
internal sealed class DebugTokenHandler : HttpMessageHandler
{
    public const string HealthySystemUser = """
        {"data":{"app_id":"1234567890","type":"SYSTEM_USER","application":"Order updates","data_access_expires_at":0,"expires_at":0,"is_valid":true,
         "scopes":["whatsapp_business_messaging","public_profile"],
         "granular_scopes":[{"scope":"whatsapp_business_messaging","target_ids":["102290129340398"]}],"user_id":"122100000000001"}}
        """;

    private volatile string _body;

    public DebugTokenHandler(string body = HealthySystemUser, HttpStatusCode status = HttpStatusCode.OK)
    {
        _body = body;
        Status = status;
    }

    public HttpStatusCode Status { get; set; }

    public string Body
    {
        get => _body;
        set => _body = value;
    }

    public ConcurrentQueue<(Uri Uri, string? Authorization)> Requests { get; } = new();

    public int Count => Requests.Count;

    /// <summary>When set, answers wait for it.</summary>
    public TaskCompletionSource? Gate { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue((request.RequestUri!, request.Headers.Authorization?.ToString()));
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return new HttpResponseMessage(Status)
        {
            RequestMessage = request,
            Content = new StringContent(_body, Encoding.UTF8, "application/json"),
        };
    }
}
