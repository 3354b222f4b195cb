namespace SecureWa.Sdk.Alerts.Internal;

/// <summary>Events in a sliding window (timestamps, oldest first, bounded). Callers lock it.</summary>
internal sealed class BurstCounter
{
    private const int MaxKept = 4096;
    private readonly Queue<DateTimeOffset> _events = new();

    /// <summary>Counts an event at <paramref name="now"/> and returns the number within <paramref name="window"/>.</summary>
    public int Add(DateTimeOffset now, TimeSpan window)
    {
        _events.Enqueue(now);
        var cutoff = now - window;
        while (_events.Count > 0 && (_events.Peek() <= cutoff || _events.Count > MaxKept))
        {
            _events.Dequeue();
        }

        return _events.Count;
    }
}
