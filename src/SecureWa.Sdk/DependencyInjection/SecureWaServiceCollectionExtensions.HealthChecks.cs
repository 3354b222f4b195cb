using Microsoft.Extensions.Diagnostics.HealthChecks;
using SecureWa.Sdk.Tokens;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the SecureWa.Sdk health checks to <c>services.AddHealthChecks()</c>.</summary>
public static partial class SecureWaServiceCollectionExtensions
{
    /// <summary>
    /// Adds the access token's health (<see cref="TokenHealthCheck"/>): Healthy, Degraded (expiring, over-scoped,
    /// rotation overdue) or Unhealthy (invalid, expired, wrong app or WABA). Needs <c>AddSecureWa(...).AddTokenHealthCheck()</c>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name; <see cref="TokenHealthCheck.DefaultName"/> by default.</param>
    /// <param name="tags">Tags to filter the check by (for example <c>ready</c>).</param>
    /// <returns>The same builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    public static IHealthChecksBuilder AddSecureWaTokenHealth(this IHealthChecksBuilder builder, string name = TokenHealthCheck.DefaultName, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(name);
        return builder.Add(new HealthCheckRegistration(
            name,
            static sp => new TokenHealthCheck(
                sp.GetService<TokenHealth>() ?? throw new InvalidOperationException("The token health check needs services.AddSecureWa(...).AddTokenHealthCheck()."),
                sp.GetService<TimeProvider>()),
            failureStatus: null,
            tags));
    }
}
