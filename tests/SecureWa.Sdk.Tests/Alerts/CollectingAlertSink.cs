using System.Collections.Concurrent;
using SecureWa.Sdk.Alerts;

namespace SecureWa.Sdk.Tests.Alerts;

/// <summary>Keeps every alert it receives.</summary>
internal sealed class CollectingAlertSink : ISecurityAlertSink
{
    public ConcurrentQueue<SecurityAlert> Alerts { get; } = new();

    public ValueTask SendAsync(SecurityAlert alert, CancellationToken cancellationToken = default)
    {
        Alerts.Enqueue(alert);
        return ValueTask.CompletedTask;
    }

    public IReadOnlyList<SecurityAlert> Of(SecurityAlertKind kind) => Alerts.Where(a => a.Kind == kind).ToList();
}
