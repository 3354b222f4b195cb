namespace SecureWa.Sdk.Http;

/// <summary>TLS policy of the SDK's primary HTTP handler.</summary>
public sealed class WhatsAppTransportOptions
{
    /// <summary>How long establishing a connection (TCP and TLS) may take. Default 10 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a pooled connection is reused before it is replaced, so DNS changes are seen. Default 5 minutes.</summary>
    public TimeSpan PooledConnectionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    internal void Validate(ICollection<string> failures)
    {
        if (ConnectTimeout <= TimeSpan.Zero)
        {
            failures.Add("Transport.ConnectTimeout must be positive.");
        }

        if (PooledConnectionLifetime <= TimeSpan.Zero)
        {
            failures.Add("Transport.PooledConnectionLifetime must be positive.");
        }
    }
}
