using System.Net;
using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Http.Internal;

/// <summary>What the resilience handler knows about one call across its attempts (one instance per call, never shared).</summary>
internal sealed class AttemptState
{
    public AttemptState(ResilienceHandler handler, HttpRequestMessage request, WhatsAppOperationKind operation, bool replayable)
    {
        Handler = handler;
        Request = request;
        Operation = operation;
        Replayable = replayable;
    }

    public ResilienceHandler Handler { get; }

    /// <summary>The caller's request; the first attempt sends it, later attempts send copies.</summary>
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
}
