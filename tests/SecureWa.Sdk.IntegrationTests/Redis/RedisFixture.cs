using SecureWa.Sdk.Redis.Internal;
using StackExchange.Redis;

namespace SecureWa.Sdk.IntegrationTests.Redis;

/// <summary>One redis-server for the collection, started on a free loopback port and stopped at the end.</summary>
public sealed class RedisFixture : IDisposable
{
    private readonly RedisServer _server;

    public RedisFixture()
    {
        _server = RedisServer.Start();
        Connection = RedisConnections.Connect(_server.ConnectionString);

        Warm(Connection);
    }

    public string ConnectionString => _server.ConnectionString;

    public IConnectionMultiplexer Connection { get; }

    internal RedisServer Server => _server;

    /// <summary>Warms a connection and the script cache, so the first measured call does not pay for JIT and EVAL.</summary>
    internal static void Warm(IConnectionMultiplexer connection) =>
        connection.GetDatabase().ScriptEvaluate(RedisScripts.Gcra, ["warmup"], [1000, 0, 0, 0]);

    public void Dispose()
    {
        Connection.Dispose();
        _server.Dispose();
    }
}

/// <summary>The xunit collection sharing <see cref="RedisFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
    public const string Name = "Redis";
}
