using Microsoft.Extensions.DependencyInjection;

namespace SecureWa.Sdk.DependencyInjection;

/// <summary>Returned by <c>services.AddSecureWaAudit(...)</c>: choose the store with <c>.UseSqlite(path)</c> or <c>.UsePostgreSql(connectionString)</c>.</summary>
/// <param name="services">The services.</param>
public sealed class SecureWaAuditBuilder(IServiceCollection services)
{
    /// <summary>The services.</summary>
    public IServiceCollection Services { get; } = services;
}
