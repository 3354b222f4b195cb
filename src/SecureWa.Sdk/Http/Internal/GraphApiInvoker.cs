using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using SecureWa.Sdk.Diagnostics;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Errors.Internal;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Governance.Internal;
using SecureWa.Sdk.Serialization;

namespace SecureWa.Sdk.Http.Internal;

/// <summary>
/// Sends Graph API requests through the client's handler chain and turns responses into typed results
/// or typed exceptions. Shared by every sub-client; stateless apart from its dependencies, so thread-safe.
/// </summary>
internal sealed partial class GraphApiInvoker
{
    /// <summary>Largest success body read into memory (Graph JSON answers are small).</summary>
    internal const int MaxResponseBytes = 1024 * 1024;

    /// <summary>Largest error body read; the rest is ignored.</summary>
    internal const int MaxErrorBytes = 64 * 1024;

    private readonly HttpClient _httpClient;
    private readonly ILogger _logger;
    private readonly Uri _versionRoot;
    private readonly string? _defaultPhoneNumberId;
    private readonly Uri? _defaultMessagesUri;

    public GraphApiInvoker(HttpClient httpClient, WhatsAppClientOptions options, ILogger logger, OperationPipeline? governance = null)
    {
        _httpClient = httpClient;
        Options = options;
        _logger = logger;
        Governance = governance ?? OperationPipeline.Empty;
        var baseAddress = options.BaseAddress.AbsoluteUri;
        if (!baseAddress.EndsWith('/'))
        {
            baseAddress += "/";
        }

        _versionRoot = new Uri(baseAddress + options.ApiVersion + "/", UriKind.Absolute);
        if (IsPlainGraphId(options.PhoneNumberId))
        {
            _defaultPhoneNumberId = options.PhoneNumberId;
            _defaultMessagesUri = BuildUri(options.PhoneNumberId + "/messages");
        }
    }

    /// <summary>A view of <paramref name="source"/> acting for <paramref name="boundOperator"/>: same HTTP pipeline, options and governance.</summary>
    private GraphApiInvoker(GraphApiInvoker source, WhatsAppOperator boundOperator)
    {
        _httpClient = source._httpClient;
        Options = source.Options;
        _logger = source._logger;
        _versionRoot = source._versionRoot;
        _defaultPhoneNumberId = source._defaultPhoneNumberId;
        _defaultMessagesUri = source._defaultMessagesUri;
        Governance = source.Governance;
        SecurityEvents = source.SecurityEvents;
        Operator = boundOperator;
    }

    public WhatsAppClientOptions Options { get; }

    /// <summary>The governance policies every public operation runs through (<see cref="OperationPipeline.Empty"/> when off).</summary>
    public OperationPipeline Governance { get; }

    /// <summary>The operator this invoker acts for (<see cref="WhatsAppClient.ForOperator"/>), or <see langword="null"/> for the ambient one.</summary>
    public WhatsAppOperator? Operator { get; }

    /// <summary>A view acting for <paramref name="boundOperator"/>.</summary>
    public GraphApiInvoker WithOperator(WhatsAppOperator boundOperator) => new(this, boundOperator);

    /// <summary>
    /// Runs one public operation through the governance pipeline: with no policies, <paramref name="body"/> directly (the
    /// context is <see langword="null"/>); otherwise the policies' <c>BeforeAsync</c> (before any I/O), the body, and
    /// every policy's <c>AfterAsync</c>. <paramref name="describe"/> fills the context's descriptor fields (recipient, template) and runs only when governance is on.
    /// </summary>
    public Task<T> RunAsync<TState, T>(
        string permission,
        TState state,
        Func<TState, WhatsAppOperationContext?, CancellationToken, Task<T>> body,
        CancellationToken cancellationToken,
        Action<TState, WhatsAppOperationContext>? describe = null)
    {
        var governance = Governance;
        if (governance.IsEmpty)
        {
            return body(state, null, cancellationToken);
        }

        var context = governance.CreateContext(permission, Operator);
        describe?.Invoke(state, context);
        return governance.RunAsync(context, (State: state, Body: body), static (s, ctx, ct) => s.Body(s.State, ctx, ct), cancellationToken);
    }

    public ILogger Logger => _logger;

    /// <summary>Where sends and Graph 190 answers are reported for the security detectors; none when <see langword="null"/>.</summary>
    public Alerts.ISecurityEventRecorder? SecurityEvents { get; init; }

    /// <summary>Resolves the phone number id for a call: the argument, else the configured default.</summary>
    /// <exception cref="WhatsAppValidationException">Neither is set, or the id is not numeric.</exception>
    public string ResolvePhoneNumberId(string? phoneNumberId)
    {
        var id = phoneNumberId ?? Options.PhoneNumberId;
        if (string.IsNullOrEmpty(id))
        {
            throw new WhatsAppValidationException("phoneNumberId", "No phone number id was given and WhatsAppClientOptions.PhoneNumberId is not set.");
        }

        ValidateGraphId(id, "phoneNumberId");
        return id;
    }

    private static bool IsPlainGraphId(string? id) => FindGraphIdProblem(id, "phoneNumberId") is null;

    /// <summary>Checks that an id used in a URL path is a plain Graph id (digits, or the URL-safe characters of a media id).</summary>
    /// <exception cref="WhatsAppValidationException">The id is empty, too long or has other characters.</exception>
    public static void ValidateGraphId(string? id, string field)
    {
        if (FindGraphIdProblem(id, field) is { } problem)
        {
            throw new WhatsAppValidationException(field, problem.Message, problem.Limit);
        }
    }

    /// <summary>What is wrong with <paramref name="id"/> as a URL path segment, or <see langword="null"/> when it is a plain Graph id.</summary>
    private static (string Message, int? Limit)? FindGraphIdProblem(string? id, string field)
    {
        if (string.IsNullOrEmpty(id))
        {
            return ($"'{field}' is required.", null);
        }

        if (id.Length > 128)
        {
            return ($"'{field}' is longer than 128 characters.", 128);
        }

        if (id is "." or "..")
        {
            return ($"'{field}' must be an id, not a relative path segment.", null);
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '_' and not '-' and not '.')
            {
                return ($"'{field}' must contain only letters, digits, '_', '-' or '.'; it is used as a URL path segment.", null);
            }
        }

        return null;
    }

    /// <summary>Builds <c>{base}/{version}/{relativePath}</c>.</summary>
    public Uri BuildUri(string relativePath) => new(_versionRoot, relativePath);

    /// <summary>
    /// <c>{base}/{version}/{phoneNumberId}/messages</c> for an id already checked by <see cref="ResolvePhoneNumberId"/>;
    /// built once for the configured phone number id (a <see cref="Uri"/> is immutable, so requests can share it).
    /// </summary>
    public Uri GetMessagesUri(string phoneNumberId) =>
        _defaultMessagesUri is not null && string.Equals(phoneNumberId, _defaultPhoneNumberId, StringComparison.Ordinal)
            ? _defaultMessagesUri
            : BuildUri(phoneNumberId + "/messages");

    /// <summary>Creates a request tagged with its operation kind, permission and partitions for the handlers.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="relativePath">The path under <c>{base}/{version}/</c>.</param>
    /// <param name="operation">The resilience kind of the call.</param>
    /// <param name="permission">The <see cref="Governance.WhatsAppPermissions"/> name the public operation requires (the governance pipeline reads it).</param>
    /// <param name="phoneNumberId">The business phone number id (rate limiting partition).</param>
    /// <param name="recipient">The normalized recipient of a send (pair rate limiting partition).</param>
    public HttpRequestMessage CreateRequest(HttpMethod method, string relativePath, WhatsAppOperationKind operation, string permission, string? phoneNumberId = null, string? recipient = null) =>
        CreateRequest(method, BuildUri(relativePath), operation, permission, phoneNumberId, recipient);

    /// <summary>Creates a request to <paramref name="uri"/> tagged with its operation kind, permission and partitions for the handlers.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="uri">The absolute URI.</param>
    /// <param name="operation">The resilience kind of the call.</param>
    /// <param name="permission">The <see cref="Governance.WhatsAppPermissions"/> name the public operation requires (the governance pipeline reads it).</param>
    /// <param name="phoneNumberId">The business phone number id (rate limiting partition).</param>
    /// <param name="recipient">The normalized recipient of a send (pair rate limiting partition).</param>
    public HttpRequestMessage CreateRequest(HttpMethod method, Uri uri, WhatsAppOperationKind operation, string permission, string? phoneNumberId = null, string? recipient = null)
    {
        var request = new HttpRequestMessage(method, uri);
        WhatsAppRequestOptions.SetOperation(request, operation);
        ((IDictionary<string, object?>)request.Options)[WhatsAppRequestOptions.Permission.Key] = permission;
        if (phoneNumberId is not null)
        {
            request.Options.Set(WhatsAppRequestOptions.PhoneNumberId, phoneNumberId);
        }

        if (recipient is not null)
        {
            request.Options.Set(WhatsAppRequestOptions.Recipient, recipient);
        }

        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        return request;
    }

    /// <summary>Sends a request and deserializes a success body with <paramref name="responseType"/>.</summary>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The success body was empty or not the expected JSON.</exception>
    public async Task<T> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        using var response = await SendCheckedAsync(request, cancellationToken).ConfigureAwait(false);
        var operation = WhatsAppRequestOptions.GetOperation(request);
        byte[] buffer;
        int length;
        try
        {
            (buffer, length) = await ReadBoundedCoreAsync(response.Content, MaxResponseBytes, truncate: false, pooled: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The answer broke off after a 2xx status: a send may well have been accepted.
            throw UnusableSuccess(operation, response.StatusCode, "the response body broke off (" + ex.GetType().Name + ")", ex);
        }

        try
        {
            if (length == 0)
            {
                throw UnusableSuccess(operation, response.StatusCode, "an empty body where JSON was expected", null);
            }

            var result = JsonSerializer.Deserialize(buffer.AsSpan(0, length), responseType);
            return result ?? throw UnusableSuccess(operation, response.StatusCode, "a JSON null body", null);
        }
        catch (JsonException ex)
        {
            // The exception's own message may quote the body; keep only position information.
            throw UnusableSuccess(operation, response.StatusCode, $"a body that is not the expected JSON (line {ex.LineNumber}, byte {ex.BytePositionInLine})", null);
        }
        finally
        {
            // The body may hold personal data (wa_id); a pooled buffer goes back clean.
            buffer.AsSpan(0, length).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// A 2xx answer the SDK cannot read. For a send or an upload Meta may well have accepted it, so it is reported as
    /// delivery unknown (never resent); otherwise as an unexpected response.
    /// </summary>
    internal static WhatsAppException UnusableSuccess(WhatsAppOperationKind operation, HttpStatusCode status, string what, Exception? inner)
    {
        var description = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The WhatsApp Cloud API returned HTTP {(int)status} with {what}.");
        if (ResilienceClassifier.IsDuplicateSensitive(operation))
        {
            return new WhatsAppDeliveryUnknownException(operation.ToString(), string.Create(System.Globalization.CultureInfo.InvariantCulture, $"HTTP {(int)status} with {what}"), status, null, 1, inner);
        }

        return new WhatsAppUnexpectedResponseException(status, description, inner);
    }

    /// <summary>Sends a request; returns the response when it succeeded, throws the typed error otherwise.</summary>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppTransportSecurityException">No secure connection could be established (TLS handshake, certificate, SPKI pin).</exception>
    public Task<HttpResponseMessage> SendCheckedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // An operation that did not go through RunAsync (a management call) is governed here, around its HTTP call:
        // still before any I/O and out of reach of every HTTP handler.
        var governance = Governance;
        if (governance.IsEmpty || OperationPipeline.Current is not null)
        {
            return SendCheckedCoreAsync(request, cancellationToken);
        }

        var permission = request.Options.TryGetValue(WhatsAppRequestOptions.Permission, out var p) ? p : "unknown";
        var context = governance.CreateContext(permission, Operator);
        context.PhoneNumberId = request.Options.TryGetValue(WhatsAppRequestOptions.PhoneNumberId, out var phoneNumberId) ? phoneNumberId : null;
        context.Recipient = request.Options.TryGetValue(WhatsAppRequestOptions.Recipient, out var recipient) ? recipient : null;
        return governance.RunAsync(context, (Invoker: this, Request: request), static (s, _, ct) => s.Invoker.SendCheckedCoreAsync(s.Request, ct), cancellationToken);
    }

    private async Task<HttpResponseMessage> SendCheckedCoreAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = WhatsAppRequestOptions.GetOperation(request);

        // No activity (nor its name) when nobody listens to the source.
        using var activity = SecureWaDiagnostics.ActivitySource.HasListeners()
            ? SecureWaDiagnostics.ActivitySource.StartActivity("WhatsApp " + operation, ActivityKind.Client)
            : null;
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("http.request.method", request.Method.Method);
            activity.SetTag("securewa.operation", operation.ToString());
        }

        var started = _logger.IsEnabled(LogLevel.Debug) ? Stopwatch.GetTimestamp() : 0;
        HttpResponseMessage response;
        try
        {
            response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            LogTransportFailure(_logger, operation, request.Method.Method, ex.GetType().Name);
            if (WhatsAppTransportSecurityException.TryCreate(ex) is { } transportSecurity)
            {
                throw transportSecurity;
            }

            if (ex is WhatsAppException)
            {
                throw;
            }

            // Every failure of an SDK call is a WhatsAppException that says whether anything was sent; the .NET
            // exception stays as the inner one.
            throw ToTransportException(operation, request, ex);
        }

        activity?.SetTag("http.response.status_code", (int)response.StatusCode);
        if (started != 0)
        {
            LogResponse(_logger, operation, request.Method.Method, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var exception = await CreateApiExceptionAsync(response, cancellationToken, Governance.TimeProvider).ConfigureAwait(false);
            activity?.SetStatus(ActivityStatusCode.Error, exception.Category.ToString());
            activity?.SetTag("securewa.error.code", exception.ErrorCode);
            if (exception.ErrorCode == 190) SecurityEvents?.RecordAuthenticationFailure();
            SecureWaDiagnostics.ApiErrors.Add(1, new KeyValuePair<string, object?>("category", exception.Category.ToString()), new KeyValuePair<string, object?>("code", exception.ErrorCode));
            throw exception;
        }
    }

    private static WhatsAppTransportException ToTransportException(WhatsAppOperationKind operation, HttpRequestMessage request, Exception ex)
    {
        var state = AttemptState.Of(request);
        var dispatched = state?.Dispatched ?? !(request.Options.TryGetValue(ResilienceRequestOptions.WaitingForPermit, out var waiting) && waiting);
        var kind = ResilienceClassifier.Classify(ex, dispatched);
        var requestState = kind is FailureKind.NotSent or FailureKind.NotSentTimeout || !dispatched
            ? WhatsAppRequestState.NotSent
            : WhatsAppRequestState.Unknown;
        var fault = ResilienceClassifier.DescribeFault(null, null, ex);
        return new WhatsAppTransportException(operation.ToString(), fault, requestState, ex);
    }

    /// <summary>Parses a Graph error response into the exception type callers branch on.</summary>
    public static async Task<WhatsAppApiException> CreateApiExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken, TimeProvider? timeProvider = null)
    {
        var error = await ReadApiErrorAsync(response, cancellationToken, timeProvider).ConfigureAwait(false);
        return GraphErrorClassifier.CreateException(error);
    }

    /// <summary>Parses a Graph error response; a body that is not a Graph error still yields the status and Retry-After.</summary>
    public static async Task<WhatsAppApiError> ReadApiErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken, TimeProvider? timeProvider = null)
    {
        GraphErrorBody? body = null;
        try
        {
            var bytes = await ReadBoundedAsync(response.Content, MaxErrorBytes, cancellationToken, truncate: true).ConfigureAwait(false);
            if (bytes.Length > 0)
            {
                body = JsonSerializer.Deserialize(bytes.Span, GraphJsonContext.Default.GraphErrorEnvelope)?.Error;
            }
        }
        catch (JsonException)
        {
            // Not a Graph error body (a proxy's HTML page, a truncated body): fall back to the status.
        }

        return new WhatsAppApiError
        {
            StatusCode = response.StatusCode,
            Code = body?.Code,
            Subcode = body?.ErrorSubcode,
            Type = body?.Type,
            Message = body?.Message,
            Details = body?.ErrorData?.Details,
            FbTraceId = body?.FbTraceId,
            IsTransient = body?.IsTransient,
            RetryAfter = GetRetryAfter(response, timeProvider),
        };
    }

    /// <summary>Reads <c>Retry-After</c> as a delay (delta seconds or an HTTP date).</summary>
    /// <param name="response">The response.</param>
    /// <param name="timeProvider">The clock an HTTP-date is measured against (the client's; the system clock by default).</param>
    public static TimeSpan? GetRetryAfter(HttpResponseMessage response, TimeProvider? timeProvider = null)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var delay = date - (timeProvider ?? TimeProvider.System).GetUtcNow();
            return delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
        }

        return null;
    }

    /// <summary>Reads a body up to <paramref name="limit"/> bytes; beyond it throws, or truncates when asked.</summary>
    /// <exception cref="WhatsAppUnexpectedResponseException">The body is larger than the limit and truncation was not asked for.</exception>
    public static async ValueTask<ReadOnlyMemory<byte>> ReadBoundedAsync(HttpContent content, int limit, CancellationToken cancellationToken, bool truncate = false)
    {
        var (buffer, length) = await ReadBoundedCoreAsync(content, limit, truncate, pooled: false, cancellationToken).ConfigureAwait(false);
        return buffer.AsMemory(0, length);
    }

    /// <summary>
    /// Reads a body up to <paramref name="limit"/> bytes into a buffer of its own, or, when <paramref name="pooled"/>,
    /// one rented from <see cref="ArrayPool{T}.Shared"/> that the caller returns (also when this throws, nothing is kept).
    /// </summary>
    private static async ValueTask<(byte[] Buffer, int Length)> ReadBoundedCoreAsync(HttpContent content, int limit, bool truncate, bool pooled, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is { } length && length > limit && !truncate)
        {
            throw new WhatsAppUnexpectedResponseException(HttpStatusCode.OK, $"The response body is {length} bytes, more than the {limit} bytes the SDK reads.");
        }

        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            // One byte more than the limit: reading it tells that the body is longer than the limit.
            var capacity = Math.Min(limit, (int)Math.Min(content.Headers.ContentLength ?? 4096, limit)) + 1;
            var buffer = pooled ? ArrayPool<byte>.Shared.Rent(capacity) : new byte[capacity];
            var total = 0;
            try
            {
                while (true)
                {
                    if (total == capacity)
                    {
                        if (capacity > limit)
                        {
                            if (truncate)
                            {
                                return (buffer, limit);
                            }

                            throw new WhatsAppUnexpectedResponseException(HttpStatusCode.OK, $"The response body is more than the {limit} bytes the SDK reads.");
                        }

                        capacity = Math.Min(capacity * 2, limit + 1);
                        if (buffer.Length < capacity)
                        {
                            var larger = pooled ? ArrayPool<byte>.Shared.Rent(capacity) : new byte[capacity];
                            buffer.AsSpan(0, total).CopyTo(larger);
                            Release(buffer, total, pooled);
                            buffer = larger;
                        }
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(total, capacity - total), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return (buffer, total);
                    }

                    total += read;
                }
            }
            catch
            {
                Release(buffer, total, pooled);
                throw;
            }
        }
    }

    private static void Release(byte[] buffer, int used, bool pooled)
    {
        if (pooled)
        {
            buffer.AsSpan(0, used).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "WhatsApp {Operation} {Method} answered HTTP {StatusCode} in {ElapsedMilliseconds:0.0} ms")]
    private static partial void LogResponse(ILogger logger, WhatsAppOperationKind operation, string method, int statusCode, double elapsedMilliseconds);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "WhatsApp {Operation} {Method} failed before a response: {ExceptionType}")]
    private static partial void LogTransportFailure(ILogger logger, WhatsAppOperationKind operation, string method, string exceptionType);
}
