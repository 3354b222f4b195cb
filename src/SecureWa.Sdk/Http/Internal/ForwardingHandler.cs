namespace SecureWa.Sdk.Http.Internal;

/// <summary>The end of the resilience handler's own inner chain (clients built without DI): hands each attempt to the rest of the SDK chain.</summary>
internal sealed class ForwardingHandler(ResilienceHandler owner) : HttpMessageHandler
{
    /// <inheritdoc />
    /// <exception cref="NotSupportedException">Always: the SDK sends asynchronously.</exception>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The SecureWa.Sdk pipeline supports only asynchronous sends (SendAsync).");

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        owner.SendInnerAsync(request, cancellationToken);
}
