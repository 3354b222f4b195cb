using StackExchange.Redis;

namespace SecureWa.Sdk.Redis.Internal;

/// <summary>
/// The connections the SDK opened from connection strings (one per string, shared by the limiter and the guard), owned
/// and disposed by the container. Opened with <c>AbortOnConnectFail = false</c> (start even while Redis is down, reconnect
/// in the background) and a fail-fast backlog (a command while disconnected fails at once, so the fallback engages
/// instead of waiting).
/// </summary>
internal sealed class RedisConnections : IDisposable
{
    private readonly Dictionary<string, Lazy<IConnectionMultiplexer>> _connections = new(StringComparer.Ordinal);

    public IConnectionMultiplexer Get(string connectionString)
    {
        Lazy<IConnectionMultiplexer> lazy;
        lock (_connections)
        {
            if (!_connections.TryGetValue(connectionString, out lazy!))
            {
                lazy = new Lazy<IConnectionMultiplexer>(() => Connect(connectionString), LazyThreadSafetyMode.ExecutionAndPublication);
                _connections[connectionString] = lazy;
            }
        }

        return lazy.Value;
    }

    public static IConnectionMultiplexer Connect(string connectionString)
    {
        var configuration = ConfigurationOptions.Parse(connectionString);
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        return ConnectionMultiplexer.Connect(configuration);
    }

    public void Dispose()
    {
        lock (_connections)
        {
            foreach (var lazy in _connections.Values)
            {
                if (lazy.IsValueCreated)
                {
                    lazy.Value.Dispose();
                }
            }

            _connections.Clear();
        }
    }
}
