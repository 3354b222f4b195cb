using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace SecureWa.Sdk.Tests.TestSupport;

/// <summary>
/// A terminal handler that plays a script of responses or faults, one per request, and records what it saw.
/// When the script runs out, it answers 200 with <c>{}</c>.
/// </summary>
public sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public int Count => _requests.Count;

    public ScriptedHandler Respond(HttpStatusCode status, string? json = null, TimeSpan? retryAfter = null)
    {
        _script.Enqueue((_, _) =>
        {
            var response = new HttpResponseMessage(status) { Content = new StringContent(json ?? "{}", Encoding.UTF8, "application/json") };
            if (retryAfter is { } delay)
            {
                response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(delay);
            }

            return Task.FromResult(response);
        });
        return this;
    }

    public ScriptedHandler RespondGraphError(HttpStatusCode status, int code, TimeSpan? retryAfter = null) =>
        Respond(status, $$$"""{"error":{"message":"scripted","type":"OAuthException","code":{{{code}}},"fbtrace_id":"Atrace"}}""", retryAfter);

    public ScriptedHandler Throw(Exception exception)
    {
        _script.Enqueue((_, _) => Task.FromException<HttpResponseMessage>(exception));
        return this;
    }

    /// <summary>Never answers: waits until the attempt is cancelled (an attempt timeout).</summary>
    public ScriptedHandler Hang()
    {
        _script.Enqueue(static async (_, ct) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            throw new InvalidOperationException("unreachable");
        });
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        _requests.Enqueue(new RecordedRequest(request, body, DateTimeOffset.UtcNow, System.Diagnostics.Stopwatch.GetTimestamp()));
        if (_script.TryDequeue(out var step))
        {
            var response = await step(request, cancellationToken);
            response.RequestMessage ??= request;
            return response;
        }

        return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", Encoding.UTF8, "application/json"), RequestMessage = request };
    }
}

/// <summary>A request as the terminal handler saw it.</summary>
public sealed record RecordedRequest(HttpRequestMessage Message, string? Body, DateTimeOffset At, long Timestamp);
