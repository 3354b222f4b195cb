namespace SecureWa.Sdk.Storage;

/// <summary>
/// One schema step of a component in one SQL dialect. Register extra ones as DI singletons; a store applies those of its
/// <see cref="ISecureWaStore.Provider"/> whose version is above the component's current version, in ascending order.
/// </summary>
public sealed class SecureWaStoreMigration
{
    /// <summary>Creates a migration.</summary>
    /// <param name="provider">The store provider (<c>sqlite</c>, <c>postgresql</c>).</param>
    /// <param name="component">The component (<c>audit</c>, <c>consent</c>, <c>sessions</c>, <c>webhooks</c>).</param>
    /// <param name="version">The version it brings the component to (1, 2, …).</param>
    /// <param name="sql">The statements, separated by <c>;</c>.</param>
    /// <exception cref="ArgumentException">An argument is empty, or <paramref name="version"/> is below 1.</exception>
    public SecureWaStoreMigration(string provider, string component, int version, string sql)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(provider);
        ArgumentException.ThrowIfNullOrWhiteSpace(component);
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        Provider = provider;
        Component = component;
        Version = version;
        Sql = sql;
    }

    /// <summary>The store provider.</summary>
    public string Provider { get; }

    /// <summary>The component.</summary>
    public string Component { get; }

    /// <summary>The version it brings the component to.</summary>
    public int Version { get; }

    /// <summary>The SQL.</summary>
    public string Sql { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Provider}:{Component} v{Version}";
}
