namespace SecureWa.Sdk.Alerts.Internal;

/// <summary>
/// Sends of one subject per clock hour: the current hour's count and a ring of the previous complete hours that had
/// sends. Silent hours are not counted: a service that sends a batch every morning and nothing at night is compared with
/// its active hours, not with an average the night pulled down. Callers lock it.
/// </summary>
internal sealed class HourlyVolume(long hour, int baselineHours)
{
    private readonly long[] _history = new long[baselineHours];
    private int _historyCount;
    private int _next;
    private long _historySum;

    public long Hour { get; private set; } = hour;

    public long Current { get; private set; }

    public int HistoryCount => _historyCount;

    public double Baseline => _historyCount == 0 ? 0 : (double)_historySum / _historyCount;

    /// <summary>Moves to <paramref name="hour"/> (pushing the finished hour) and counts one send.</summary>
    public void Add(long hour)
    {
        if (hour > Hour)
        {
            if (Current > 0)
            {
                Push(Current);
            }

            Hour = hour;
            Current = 0;
        }

        Current++;
    }

    private void Push(long count)
    {
        if (_historyCount == _history.Length)
        {
            _historySum -= _history[_next];
        }
        else
        {
            _historyCount++;
        }

        _history[_next] = count;
        _historySum += count;
        _next = (_next + 1) % _history.Length;
    }
}
