using Microsoft.Extensions.Diagnostics.HealthChecks;
using SecureWa.Sdk.Flows.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds a health check of the flow endpoint's configuration.</summary>
public static class WhatsAppFlowsHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a check that the flow endpoint's app secret is readable and its private key loads (Unhealthy otherwise, by
    /// default). It complements Meta's <c>ping</c>, which the endpoint answers itself. Requires <c>services.AddSecureWaFlows()</c>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name. Default <c>whatsapp_flows</c>.</param>
    /// <param name="failureStatus">The status reported on failure; <see cref="HealthStatus.Unhealthy"/> when <see langword="null"/>.</param>
    /// <param name="tags">Tags to filter checks by (for example <c>ready</c>).</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IHealthChecksBuilder AddWhatsAppFlowEndpoint(this IHealthChecksBuilder builder, string name = "whatsapp_flows", HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name,
            static sp => new WhatsAppFlowEndpointHealthCheck(sp.GetRequiredService<WhatsAppFlowEndpoint>()),
            failureStatus,
            tags));
    }
}
