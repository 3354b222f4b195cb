using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Alerts;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Webhooks;
using SecureWa.Sdk.Webhooks.Internal;

namespace SecureWa.Sdk.AspNetCore.Internal;

/// <summary>
/// The webhook endpoint: GET handshake and POST (size cap → signature → parse → replay guard → observers → handler). A DI
/// singleton shared by every mapped route.
/// </summary>
internal sealed class WhatsAppWebhookEndpoint
{
    private const int InitialBufferSize = 16 * 1024;

    private readonly ISecretProvider _secrets;
    private readonly WhatsAppWebhookOptions _options;
    private readonly WebhookParser _parser;
    private readonly IWebhookReplayGuard? _replayGuard;
    private readonly WebhookReplayGuard? _staleness;
    private readonly ILogger _logger;
    private readonly ISecurityEventRecorder? _securityEvents;
    private readonly TimeProvider _timeProvider;
    private readonly WebhookBodyBufferPool _pool;
    private readonly IWebhookNotificationObserver[] _observers;
    private readonly RotatingSignatureVerifier _verifier = new();

    public WhatsAppWebhookEndpoint(ISecretProvider secrets, IOptions<WhatsAppWebhookOptions> options, TimeProvider timeProvider, ILoggerFactory loggerFactory, WebhookBodyBufferPool pool, ISecurityEventRecorder? securityEvents = null, IEnumerable<IWebhookNotificationObserver>? observers = null, IWebhookReplayGuard? replayGuard = null)
    {
        _securityEvents = securityEvents;
        _observers = observers?.ToArray() ?? [];
        _secrets = secrets;
        _timeProvider = timeProvider;
        _pool = pool;
        _options = options.Value;
        _parser = new WebhookParser(new WebhookParserOptions { MaxBodySize = _options.MaxBodySize, MaxDepth = _options.MaxDepth });
        // The in-process guard always judges staleness (payload timestamps against the window); the shared guard
        // (Redis) when registered, else the in-process one, judges replays.
        _staleness = !_options.EnableReplayProtection
            ? null
            : new WebhookReplayGuard(new WebhookReplayGuardOptions { Window = _options.ReplayWindow, MaxEntries = _options.ReplayCacheSize }, timeProvider);
        _replayGuard = !_options.EnableReplayProtection ? null : replayGuard ?? _staleness;
        _logger = loggerFactory.CreateLogger("SecureWa.Sdk.AspNetCore.Webhooks");
    }

    public Task HandleAsync(HttpContext context, Func<HttpContext, WebhookNotification, CancellationToken, Task> handler)
    {
        if (HttpMethods.IsGet(context.Request.Method))
        {
            return HandshakeAsync(context);
        }

        if (HttpMethods.IsPost(context.Request.Method))
        {
            return ReceiveAsync(context, handler);
        }

        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        return Task.CompletedTask;
    }

    private async Task HandshakeAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var token = await GetSecretAsync(_options.VerifyTokenName, required: true, context.RequestAborted).ConfigureAwait(false);
        var status = token is null
            ? WebhookChallengeStatus.TokenMismatch
            : new WebhookChallenge(token).Validate(
                query[WebhookChallenge.ModeParameter].ToString(),
                query.TryGetValue(WebhookChallenge.VerifyTokenParameter, out var t) ? t.ToString() : null,
                query[WebhookChallenge.ChallengeParameter].ToString());

        if (status != WebhookChallengeStatus.Accepted)
        {
            WebhookTelemetry.HandshakeRefused(_logger, status.ToString());
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(query[WebhookChallenge.ChallengeParameter].ToString(), context.RequestAborted).ConfigureAwait(false);
    }

    private async Task ReceiveAsync(HttpContext context, Func<HttpContext, WebhookNotification, CancellationToken, Task> handler)
    {
        var request = context.Request;
        var max = _options.MaxBodySize;
        if (request.ContentLength > max)
        {
            Reject(context, StatusCodes.Status413PayloadTooLarge, "too_large");
            WebhookTelemetry.TooLarge(_logger, max);
            return;
        }

        // Memory follows the bytes received, never the claimed Content-Length: start small and double as data
        // arrives, up to the cap. A body that stalls past BodyReadTimeout is answered 408 and its buffer returned.
        var buffer = _pool.Rent((int)Math.Min(request.ContentLength + 1 ?? InitialBufferSize, Math.Min(InitialBufferSize, (long)max + 1)));
        using var timeout = new CancellationTokenSource(_options.BodyReadTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, timeout.Token);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    var grown = _pool.Rent((int)Math.Min((long)buffer.Length * 2, (long)max + 1));
                    buffer.AsSpan(0, length).CopyTo(grown);
                    _pool.Return(buffer);
                    buffer = grown;
                }

                int read;
                try
                {
                    read = await request.Body.ReadAsync(buffer.AsMemory(length), linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
                {
                    Reject(context, StatusCodes.Status408RequestTimeout, "body_timeout");
                    WebhookTelemetry.BodyTimeout(_logger, _options.BodyReadTimeout.TotalSeconds, length);
                    context.Response.Headers.Connection = "close";
                    return;
                }

                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > max)
                {
                    Reject(context, StatusCodes.Status413PayloadTooLarge, "too_large");
                    WebhookTelemetry.TooLarge(_logger, max);
                    return;
                }
            }

            await ProcessAsync(context, buffer.AsMemory(0, length), handler).ConfigureAwait(false);
        }
        finally
        {
            // The body holds personal data: the pool clears the array.
            _pool.Return(buffer);
        }
    }

    private async Task ProcessAsync(HttpContext context, ReadOnlyMemory<byte> body, Func<HttpContext, WebhookNotification, CancellationToken, Task> handler)
    {
        var verifier = await GetVerifierAsync(context.RequestAborted).ConfigureAwait(false);
        var result = verifier is null
            ? WebhookSignatureResult.Mismatch
            : verifier.Verify(body.Span, context.Request.Headers[WebhookSignatureVerifier.SignatureHeaderName].ToString());
        if (result != WebhookSignatureResult.Valid)
        {
            var reason = result switch
            {
                WebhookSignatureResult.MissingHeader => "missing_header",
                WebhookSignatureResult.MalformedHeader => "malformed_header",
                _ => "mismatch",
            };
            WebhookTelemetry.SignatureRejected.Add(1, new KeyValuePair<string, object?>("reason", reason));
            WebhookTelemetry.SignatureRejectedLog(_logger, reason);
            _securityEvents?.RecordWebhookSignatureRejected();
            Reject(context, StatusCodes.Status401Unauthorized, "signature_rejected");
            return;
        }

        WebhookNotification notification;
        try
        {
            notification = _parser.ParseUnverified(body.Span);
        }
        catch (WebhookParseException ex)
        {
            WebhookTelemetry.Malformed(_logger, ex.Error.ToString(), ex.Message);
            Reject(context, StatusCodes.Status400BadRequest, "malformed");
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A parser bug must not become a 500 that Meta retries forever; the body stays out of the log.
            WebhookTelemetry.Malformed(_logger, "Unexpected", ex.GetType().FullName ?? ex.GetType().Name);
            Reject(context, StatusCodes.Status400BadRequest, "malformed");
            return;
        }

        if (_staleness is not null && !_options.AcceptStaleNotifications && _staleness.IsStale(notification))
        {
            WebhookTelemetry.Stale(_logger, _options.ReplayWindow.TotalHours);
            Count("stale");
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        if (_replayGuard is not null && await _replayGuard.IsReplayAsync(notification, body, context.RequestAborted).ConfigureAwait(false))
        {
            WebhookTelemetry.Replay(_logger);
            Count("replay");
            context.Response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        try
        {
            // Observer hook (consent opt-out keywords, service window): verified, not a replay, before the app's
            // handler. A failure fails the delivery like a handler failure, so Meta redelivers and nothing is lost.
            foreach (var observer in _observers)
            {
                await observer.OnVerifiedNotificationAsync(notification, context.RequestAborted).ConfigureAwait(false);
            }

            await handler(context, notification, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
        {
            if (_replayGuard is not null)
            {
                await _replayGuard.ForgetAsync(notification, body, CancellationToken.None).ConfigureAwait(false);
            }

            WebhookTelemetry.HandlerFailed(_logger, ex.GetType().FullName ?? ex.GetType().Name, ex);
            Reject(context, StatusCodes.Status500InternalServerError, "handler_failed");
            return;
        }
        catch
        {
            if (_replayGuard is not null)
            {
                await _replayGuard.ForgetAsync(notification, body, CancellationToken.None).ConfigureAwait(false);
            }

            throw;
        }

        Count("accepted");
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static void Reject(HttpContext context, int statusCode, string outcome)
    {
        Count(outcome);
        context.Response.StatusCode = statusCode;
    }

    private static void Count(string outcome) =>
        WebhookTelemetry.Requests.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    private async ValueTask<WebhookSignatureVerifier?> GetVerifierAsync(CancellationToken cancellationToken)
    {
        var current = await GetSecretAsync(_options.AppSecretName, required: true, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return null;
        }

        var previous = _options.PreviousAppSecretName is { Length: > 0 } previousName
            ? await GetSecretAsync(previousName, required: false, cancellationToken).ConfigureAwait(false)
            : null;

        var verifier = _verifier.Get(current, previous, out var rebuiltWith);
        if (rebuiltWith > 0)
        {
            WebhookTelemetry.VerifierRebuilt(_logger, rebuiltWith);
        }

        return verifier;
    }

    private async ValueTask<SecretValue?> GetSecretAsync(string name, bool required, CancellationToken cancellationToken)
    {
        try
        {
            return await _secrets.GetSecretAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (SecretNotFoundException) when (!required)
        {
            return null;
        }
        catch (Exception ex) when (ex is SecretNotFoundException or SecretProviderException)
        {
            // Fail closed: without the secret nothing verifies (401/403), and the log names the secret, never its value.
            WebhookTelemetry.SecretUnavailable(_logger, name, ex.GetType().Name);
            return null;
        }
    }
}
