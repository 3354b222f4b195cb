namespace SecureWa.Sdk.Redis.Internal;

/// <summary>The Lua scripts, each one atomic on the server. StackExchange.Redis sends them by SHA (EVALSHA) once loaded.</summary>
internal static class RedisScripts
{
    /// <summary>
    /// Generic cell rate algorithm with reservation (the same algorithm as the in-process recipient limiter), on the
    /// server's clock so instances with skewed clocks agree. KEYS[1]: the theoretical arrival time in µs. ARGV: interval
    /// µs, tolerance µs ((burst - 1) × interval), max wait µs, queue limit. Returns {1, wait µs} (reserved: go after the
    /// wait) or {0, wait µs} (refused: the wait exceeds the max wait, or more than the queue limit are waiting already).
    /// The key expires once its state carries no information.
    /// </summary>
    public const string Gcra = """
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
        local interval = tonumber(ARGV[1])
        local tolerance = tonumber(ARGV[2])
        local maxwait = tonumber(ARGV[3])
        local queue = tonumber(ARGV[4])
        local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
        if tat < now then tat = now end
        local wait = tat - tolerance - now
        if wait > 0 and (wait > maxwait or math.ceil(wait / interval) > queue) then
          return {0, wait}
        end
        local newtat = tat + interval
        redis.call('SET', KEYS[1], string.format('%.0f', newtat), 'PX', math.ceil((newtat - now) / 1000) + 1000)
        if wait < 0 then wait = 0 end
        return {1, wait}
        """;

    /// <summary>
    /// Replay check of one delivery, all ids at once: 0 when every id was seen (a replay), else the ids are all recorded
    /// (set-if-absent with expiry ARGV[1] ms) and the count of new ones is returned. Of two concurrent copies of one
    /// delivery exactly one gets a non-zero answer.
    /// </summary>
    public const string Replay = """
        local fresh = 0
        for i = 1, #KEYS do
          if redis.call('EXISTS', KEYS[i]) == 0 then fresh = fresh + 1 end
        end
        if fresh == 0 then return 0 end
        for i = 1, #KEYS do
          redis.call('SET', KEYS[i], '1', 'PX', ARGV[1], 'NX')
        end
        return fresh
        """;
}
