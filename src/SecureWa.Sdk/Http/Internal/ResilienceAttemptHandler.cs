namespace SecureWa.Sdk.Http.Internal;

/// <summary>
/// Runs inside the resilience pipeline, once per attempt: records what the attempt did in the call's
/// <see cref="AttemptState"/> (status, Graph error read from a buffered body, failure kind, whether it may have
/// reached Meta), which the retry, breaker and the outer <see cref="ResilienceHandler"/> decide on.
/// </summary>
internal sealed class ResilienceAttemptHandler(TimeProvider timeProvider) : DelegatingHandler
{
    /// <inheritdoc />
    /// <exception cref="NotSupportedException">Always: the SDK sends asynchronously.</exception>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The SecureWa.Sdk pipeline supports only asynchronous sends (SendAsync).");

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var state = AttemptState.Of(request);
        if (state is null)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        state.Attempts++;
        state.LastStatus = null;
        state.LastError = null;
        state.LastException = null;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            state.Dispatched = true;
            state.LastStatus = response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                state.LastError = await ResilienceHandler.BufferErrorAsync(response, cancellationToken, timeProvider).ConfigureAwait(false);
            }

            state.LastKind = ResilienceClassifier.Classify(response.StatusCode, state.LastError);
            state.MayHaveBeenSent |= state.LastKind == FailureKind.Transient;
            return response;
        }
        catch (Exception ex)
        {
            // The rate limiter and the authentication handler keep this flag true until the request is about to leave.
            var notYetDispatched = request.Options.TryGetValue(ResilienceRequestOptions.WaitingForPermit, out var waiting) && waiting;
            state.Dispatched |= !notYetDispatched;
            state.LastException = ex;
            state.LastKind = ResilienceClassifier.Classify(ex, dispatched: !notYetDispatched);
            state.MayHaveBeenSent |= state.LastKind == FailureKind.Transient;
            throw;
        }
    }
}
