namespace SecureWa.Sdk.Http.Internal;

/// <summary>Request option keys the rate limiter and the resilience handler use to talk to each other.</summary>
internal static class ResilienceRequestOptions
{
    /// <summary>
    /// Set to <see langword="true"/> by the rate limiter while the request waits for a permit, and back to
    /// <see langword="false"/> before it goes further; a timeout while it is <see langword="true"/> means the
    /// request was never sent.
    /// </summary>
    public static readonly HttpRequestOptionsKey<bool> WaitingForPermit = new("SecureWa.WaitingForPermit");
}
