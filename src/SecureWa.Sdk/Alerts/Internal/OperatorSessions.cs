namespace SecureWa.Sdk.Alerts.Internal;

/// <summary>The sessions of one operator recently used, with the address each was last used from. Callers lock it.</summary>
internal sealed class OperatorSessions
{
    private const int MaxSessions = 64;
    private readonly Dictionary<string, (string? Address, DateTimeOffset LastUsed)> _sessions = new(StringComparer.Ordinal);

    /// <summary>Records a use and returns how many distinct addresses the sessions used within <paramref name="window"/> come from.</summary>
    public int Use(string sessionKey, string? address, DateTimeOffset now, TimeSpan window)
    {
        var cutoff = now - window;
        List<string>? stale = null;
        foreach (var (key, entry) in _sessions)
        {
            if (entry.LastUsed <= cutoff)
            {
                (stale ??= []).Add(key);
            }
        }

        if (stale is not null)
        {
            foreach (var key in stale)
            {
                _sessions.Remove(key);
            }
        }

        if (_sessions.Count >= MaxSessions && !_sessions.ContainsKey(sessionKey))
        {
            var oldest = _sessions.MinBy(static e => e.Value.LastUsed).Key;
            _sessions.Remove(oldest);
        }

        _sessions[sessionKey] = (address, now);
        var addresses = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in _sessions.Values)
        {
            if (!string.IsNullOrEmpty(entry.Address))
            {
                addresses.Add(entry.Address);
            }
        }

        return addresses.Count;
    }
}
