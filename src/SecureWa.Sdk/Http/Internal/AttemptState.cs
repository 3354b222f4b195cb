using System.Net;
using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Http.Internal;

/// <summary>
/// What the SDK's resilience handlers know about one call across its attempts (one instance per call, never shared).
/// The outer <see cref="ResilienceHandler"/> creates it and puts it in the request's options; the per-attempt
/// <see cref="ResilienceAttemptHandler"/> and the Polly strategies' callbacks read and update it.
/// </summary>
internal sealed class AttemptState
{
    /// <summary>The request option under which the state travels.</summary>
    public static readonly HttpRequestOptionsKey<AttemptState> Key = new("SecureWa.AttemptState");

    public AttemptState(HttpRequestMessage request, WhatsAppOperationKind operation, bool replayable)
    {
        Request = request;
        Operation = operation;
        Replayable = replayable;
    }

    /// <summary>The caller's request; every attempt sends it again (handlers below re-derive what is per attempt).</summary>
    public HttpRequestMessage Request { get; }

    public WhatsAppOperationKind Operation { get; }

    /// <summary>Whether the content can be sent again (absent or buffered in memory).</summary>
    public bool Replayable { get; }

    public int Attempts { get; set; }

    public FailureKind LastKind { get; set; }

    public HttpStatusCode? LastStatus { get; set; }

    public WhatsAppApiError? LastError { get; set; }

    public Exception? LastException { get; set; }

    /// <summary>Whether some attempt may have reached Meta without a definite answer (ambiguous for sends).</summary>
    public bool MayHaveBeenSent { get; set; }

    /// <summary>Whether some attempt left the process (passed the rate limiter and the secret lookup).</summary>
    public bool Dispatched { get; set; }

    /// <summary>Reads the state of a request, if the SDK's outer handler set one.</summary>
    public static AttemptState? Of(HttpRequestMessage? request) =>
        request is not null && request.Options.TryGetValue(Key, out var state) ? state : null;
}
