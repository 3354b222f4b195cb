namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>
/// One request in flight through the harness. <see cref="HarnessMiddleware"/> sets <see cref="Current"/> before
/// WireMock.Net handles the request, so the stub matcher and response provider it calls (same async flow) see the
/// journaled request and can ask for a fault.
/// </summary>
internal sealed class HarnessExchange(LoggedRequest request)
{
    private static readonly AsyncLocal<HarnessExchange?> CurrentExchange = new();

    /// <summary>The exchange of the request being handled on this async flow, if any.</summary>
    public static HarnessExchange? Current
    {
        get => CurrentExchange.Value;
        set => CurrentExchange.Value = value;
    }

    /// <summary>The request as journaled.</summary>
    public LoggedRequest Request { get; } = request;

    /// <summary>The fault the chosen stub asks for, instead of its response.</summary>
    public WireMockFault? Fault { get; set; }
}
