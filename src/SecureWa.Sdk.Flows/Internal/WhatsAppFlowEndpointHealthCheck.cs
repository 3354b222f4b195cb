using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SecureWa.Sdk.Flows.Internal;

/// <summary>
/// Reports whether the flow endpoint can serve: the app secret is readable and the private key loads. Meta's own
/// <c>ping</c> checks the whole exchange from outside; this catches a missing or unreadable key before Meta does. The
/// description names what is wrong, never a value.
/// </summary>
internal sealed class WhatsAppFlowEndpointHealthCheck(WhatsAppFlowEndpoint endpoint) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var (appSecret, keySize) = await endpoint.CheckConfigurationAsync(cancellationToken).ConfigureAwait(false);
        if (keySize is null)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The flow private key is missing or is not a usable RSA private key (see the SecureWa.Sdk.Flows log).");
        }

        if (!appSecret)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The app secret that verifies X-Hub-Signature-256 is missing.");
        }

        return HealthCheckResult.Healthy($"Flow private key loaded ({keySize}-bit RSA); app secret readable.");
    }
}
