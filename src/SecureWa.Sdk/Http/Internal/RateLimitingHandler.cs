using System.Diagnostics;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Http.Internal;

/// <summary>
/// Holds each attempt until the recipient (sends only) and the business phone number have a permit, waiting in
/// a bounded queue for at most <see cref="WhatsAppRateLimitOptions.MaxWait"/>; beyond that it throws
/// <see cref="WhatsAppRateLimitExceededException"/> without sending anything. Sits inside the retry, so every
/// attempt that reaches the wire is counted. Does not own (or dispose) the shared <see cref="RateLimiterRegistry"/>
/// unless told to.
/// </summary>
internal sealed partial class RateLimitingHandler : DelegatingHandler
{
    private static readonly object BoxedTrue = true;
    private static readonly object BoxedFalse = false;

    private readonly RateLimiterRegistry _registry;
    private readonly WhatsAppRateLimitOptions _options;
    private readonly string? _defaultPhoneNumberId;
    private readonly ILogger _logger;
    private readonly bool _ownsRegistry;
    private readonly SharedRateLimiter? _shared;

    public RateLimitingHandler(RateLimiterRegistry registry, WhatsAppClientOptions options, ILogger logger, bool ownsRegistry = false, SharedRateLimiter? shared = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        _registry = registry;
        _options = options.RateLimiting;
        _defaultPhoneNumberId = options.PhoneNumberId;
        _logger = logger;
        _ownsRegistry = ownsRegistry;
        _shared = shared;
    }

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">Always: the SDK sends asynchronously, and a synchronous send would bypass the limits.</exception>
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The SecureWa.Sdk pipeline supports only asynchronous sends (SendAsync).");

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var operation = WhatsAppRequestOptions.GetOperation(request);
        if (!request.Options.TryGetValue(WhatsAppRequestOptions.PhoneNumberId, out var phoneNumberId)
            && operation is WhatsAppOperationKind.SendMessage or WhatsAppOperationKind.MarkAsRead or WhatsAppOperationKind.UploadMedia)
        {
            // Calls that act for a business number count against the configured one when the request does not say.
            phoneNumberId = _defaultPhoneNumberId;
        }

        // Stays true if acquiring throws or is cancelled: a timeout then means "never sent".
        SetWaitingForPermit(request, BoxedTrue);
        if (operation == WhatsAppOperationKind.SendMessage
            && _options.RecipientBurst > 0
            && request.Options.TryGetValue(WhatsAppRequestOptions.Recipient, out var recipient)
            && !string.IsNullOrEmpty(recipient))
        {
            var recipientPhoneNumberId = phoneNumberId ?? _defaultPhoneNumberId ?? string.Empty;
            if (_shared is null)
            {
                await AcquireRecipientAsync(recipientPhoneNumberId, recipient, operation, _options, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var decision = await _shared.ReserveRecipientAsync(recipientPhoneNumberId, recipient, _options, cancellationToken).ConfigureAwait(false);
                await ApplySharedAsync(decision, WhatsAppRateLimitScope.Recipient, operation, recipientPhoneNumberId, recipient, cancellationToken).ConfigureAwait(false);
            }
        }

        if (!string.IsNullOrEmpty(phoneNumberId))
        {
            if (_shared is null)
            {
                await AcquirePhoneNumberAsync(phoneNumberId, operation, _options, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var decision = await _shared.ReservePhoneNumberAsync(phoneNumberId, _options, cancellationToken).ConfigureAwait(false);
                await ApplySharedAsync(decision, WhatsAppRateLimitScope.PhoneNumber, operation, phoneNumberId, null, cancellationToken).ConfigureAwait(false);
            }
        }

        SetWaitingForPermit(request, BoxedFalse);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && _ownsRegistry)
        {
            _registry.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// Carries out a <see cref="SharedRateLimiter"/>'s decision with the same metrics, logs and refusals as the local
    /// limiters: wait then go, refuse, or (shared state unreachable) apply the reduced local limits it names.
    /// </summary>
    private async Task ApplySharedAsync(SharedRateLimitDecision decision, WhatsAppRateLimitScope scope, WhatsAppOperationKind operation, string phoneNumberId, string? recipient, CancellationToken cancellationToken)
    {
        if (decision.LocalOptions is { } local)
        {
            if (scope == WhatsAppRateLimitScope.Recipient)
            {
                await AcquireRecipientAsync(phoneNumberId, recipient!, operation, local, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await AcquirePhoneNumberAsync(phoneNumberId, operation, local, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (!decision.Acquired)
        {
            throw Reject(scope, operation, decision.RetryAfter, decision.Reason ?? "queue_full");
        }

        if (decision.Wait <= TimeSpan.Zero)
        {
            return;
        }

        var scopeTag = scope == WhatsAppRateLimitScope.Recipient ? "recipient" : "phone_number";
        ResilienceMetrics.RateLimitWaits.Add(1, Tag("operation", operation.ToString()), Tag("scope", scopeTag));
        ResilienceMetrics.RateLimitWaitDuration.Record(decision.Wait.TotalSeconds, Tag("operation", operation.ToString()), Tag("scope", scopeTag));
        LogWaiting(_logger, operation, scopeTag, decision.Wait.TotalMilliseconds);
        await Task.Delay(decision.Wait, _registry.TimeProvider, cancellationToken).ConfigureAwait(false);
    }

    private async Task AcquireRecipientAsync(string phoneNumberId, string recipient, WhatsAppOperationKind operation, WhatsAppRateLimitOptions options, CancellationToken cancellationToken)
    {
        var limiter = _registry.GetRecipientLimiter(options);
        var key = limiter.GetKey(phoneNumberId, recipient);
        var wait = limiter.TryReserve(key, options.MaxWait, out var retryAfter);
        if (wait is null)
        {
            throw Reject(WhatsAppRateLimitScope.Recipient, operation, retryAfter, retryAfter > options.MaxWait ? "max_wait" : "queue_full");
        }

        if (wait.Value <= TimeSpan.Zero)
        {
            return;
        }

        ResilienceMetrics.RateLimitWaits.Add(1, Tag("operation", operation.ToString()), Tag("scope", "recipient"));
        ResilienceMetrics.RateLimitWaitDuration.Record(wait.Value.TotalSeconds, Tag("operation", operation.ToString()), Tag("scope", "recipient"));
        LogWait(operation, "recipient", wait.Value);
        try
        {
            await Task.Delay(wait.Value, _registry.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            limiter.EndWait(key);
        }
    }

    private async Task AcquirePhoneNumberAsync(string phoneNumberId, WhatsAppOperationKind operation, WhatsAppRateLimitOptions options, CancellationToken cancellationToken)
    {
        var phone = _registry.GetPhoneNumberLimiter(phoneNumberId, options);
        using (var lease = phone.Limiter.AttemptAcquire(1))
        {
            if (lease.IsAcquired)
            {
                return;
            }
        }

        if (options.MaxWait <= TimeSpan.Zero)
        {
            throw Reject(WhatsAppRateLimitScope.PhoneNumber, operation, phone.EstimateWait(), "max_wait");
        }

        var started = Stopwatch.GetTimestamp();
        using var maxWait = new CancellationTokenSource(options.MaxWait, _registry.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, maxWait.Token);
        RateLimitLease lease2;
        try
        {
            lease2 = await phone.Limiter.AcquireAsync(1, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Reject(WhatsAppRateLimitScope.PhoneNumber, operation, phone.EstimateWait(), "max_wait");
        }

        using (lease2)
        {
            if (!lease2.IsAcquired)
            {
                var retryAfter = lease2.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : phone.EstimateWait();
                throw Reject(WhatsAppRateLimitScope.PhoneNumber, operation, retryAfter, "queue_full");
            }
        }

        var waited = Stopwatch.GetElapsedTime(started);
        ResilienceMetrics.RateLimitWaits.Add(1, Tag("operation", operation.ToString()), Tag("scope", "phone_number"));
        ResilienceMetrics.RateLimitWaitDuration.Record(waited.TotalSeconds, Tag("operation", operation.ToString()), Tag("scope", "phone_number"));
        LogWait(operation, "phone_number", waited);
    }

    private WhatsAppRateLimitExceededException Reject(WhatsAppRateLimitScope scope, WhatsAppOperationKind operation, TimeSpan retryAfter, string reason)
    {
        var scopeTag = scope == WhatsAppRateLimitScope.Recipient ? "recipient" : "phone_number";
        ResilienceMetrics.RateLimitRejections.Add(1, Tag("operation", operation.ToString()), Tag("scope", scopeTag), Tag("reason", reason));
        LogRejected(_logger, operation, scopeTag, reason, retryAfter.TotalMilliseconds);
        var what = scope == WhatsAppRateLimitScope.Recipient
            ? "the per-recipient limit (Meta's pair rate limit)"
            : "the per business phone number throughput limit";
        var why = reason switch
        {
            "queue_full" => "its wait queue is full",
            "store_unavailable" => "the shared rate-limit store is unreachable and the configured policy refuses sends meanwhile",
            _ => $"no permit within the {_options.MaxWait.TotalSeconds:0.###} s MaxWait",
        };
        return new WhatsAppRateLimitExceededException(
            scope,
            retryAfter,
            $"{operation} was not sent: the client-side rate limiter refused it under {what} because {why}. Retry after about {retryAfter.TotalSeconds:0.###} s.");
    }

    /// <summary>Same as <c>request.Options.Set(WaitingForPermit, value)</c>, without boxing a bool per call.</summary>
    private static void SetWaitingForPermit(HttpRequestMessage request, object value) =>
        ((IDictionary<string, object?>)request.Options)[ResilienceRequestOptions.WaitingForPermit.Key] = value;

    private static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);

    /// <summary>Waits over a second are visible at Information (a send that pauses for seconds surprises), shorter ones at Debug.</summary>
    private void LogWait(WhatsAppOperationKind operation, string scope, TimeSpan wait)
    {
        if (wait > TimeSpan.FromSeconds(1))
        {
            LogLongWait(_logger, operation, scope, wait.TotalSeconds, scope == "recipient" ? "RateLimiting.RecipientBurst / RecipientInterval" : "RateLimiting.PhoneNumberPermitsPerSecond");
        }
        else
        {
            LogWaiting(_logger, operation, scope, wait.TotalMilliseconds);
        }
    }

    [LoggerMessage(EventId = 22, Level = LogLevel.Information, Message = "WhatsApp {Operation} waits {WaitSeconds:0.#} s for a {Scope} rate limit permit (Meta's pair limit is about one message per 6 s to one user; see {Setting})")]
    private static partial void LogLongWait(ILogger logger, WhatsAppOperationKind operation, string scope, double waitSeconds, string setting);

    [LoggerMessage(EventId = 20, Level = LogLevel.Debug, Message = "WhatsApp {Operation} waits for a {Scope} rate limit permit ({WaitMilliseconds:0} ms)")]
    private static partial void LogWaiting(ILogger logger, WhatsAppOperationKind operation, string scope, double waitMilliseconds);

    [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "WhatsApp {Operation} refused by the client-side {Scope} rate limit ({Reason}); retry after {RetryAfterMilliseconds:0} ms")]
    private static partial void LogRejected(ILogger logger, WhatsAppOperationKind operation, string scope, string reason, double retryAfterMilliseconds);
}
