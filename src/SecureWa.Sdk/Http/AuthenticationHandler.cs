using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Serialization;

namespace SecureWa.Sdk.Http;

/// <summary>
/// Authenticates every request: the access token from an <see cref="ISecretProvider"/> (read per request;
/// caching is the provider's job) goes into <c>Authorization: Bearer</c>, never into a URL. When
/// <see cref="WhatsAppClientOptions.UseAppSecretProof"/> is on, requests to the configured Graph host also get
/// <c>appsecret_proof</c> (HMAC-SHA256 of the token keyed by the app secret). When the Graph API answers error
/// code 190 (token expired or invalid), the token is invalidated in the provider, read again and the request
/// retried once; concurrent 190s share one re-read. A second 190 is returned to the caller.
/// </summary>
public sealed partial class AuthenticationHandler : DelegatingHandler
{
    private const string ProofParameter = "appsecret_proof=";

    /// <summary>Largest error body inspected for code 190.</summary>
    private const int MaxInspectedErrorBytes = 64 * 1024;

    /// <summary>
    /// The request's URI before the proof was appended. Retries send a copy of the request (options included), so the
    /// copy is proofed from this URI again instead of getting a second <c>appsecret_proof</c>.
    /// </summary>
    private static readonly HttpRequestOptionsKey<Uri> UnproofedUri = new("SecureWa.UnproofedUri");

    private readonly ISecretProvider _secretProvider;
    private readonly bool _useAppSecretProof;
    private readonly Uri _graphAddress;
    private readonly ILogger _logger;
    private readonly AppSecretProof _proofCache = new();
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private ProofedUri? _lastProofedUri;
    private BearerHeader? _lastAuthorization;

    /// <summary>Creates the handler. When added through <c>IHttpClientBuilder</c>, the factory sets <see cref="DelegatingHandler.InnerHandler"/>.</summary>
    /// <param name="secretProvider">Where the token (and app secret) come from.</param>
    /// <param name="options">The client options.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public AuthenticationHandler(ISecretProvider secretProvider, WhatsAppClientOptions options)
        : this(secretProvider, options, null)
    {
    }

    /// <summary>Creates the handler. When added through <c>IHttpClientBuilder</c>, the factory sets <see cref="DelegatingHandler.InnerHandler"/>.</summary>
    /// <param name="secretProvider">Where the token (and app secret) come from.</param>
    /// <param name="options">The client options.</param>
    /// <param name="logger">Where token refreshes are logged (never the token); none when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="secretProvider"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    public AuthenticationHandler(ISecretProvider secretProvider, WhatsAppClientOptions options, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(secretProvider);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.BaseAddress);
        _secretProvider = secretProvider;
        _useAppSecretProof = options.UseAppSecretProof;
        _graphAddress = options.BaseAddress;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SendCoreAsync(request, async: true, cancellationToken);
    }

    /// <inheritdoc />
    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        // With async: false every await below completes synchronously.
        return SendCoreAsync(request, async: false, cancellationToken).GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _refreshLock.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, bool async, CancellationToken cancellationToken)
    {
        var originalUri = request.Options.TryGetValue(UnproofedUri, out var unproofed) ? unproofed : request.RequestUri;
        var addProof = _useAppSecretProof && IsGraphRequest(originalUri);

        // Until the secrets are in hand nothing has left the process: a timeout while a vault hangs means "not sent".
        Internal.ResilienceRequestOptions.SetNotYetDispatched(request, true);
        var token = await GetSecretAsync(SecretNames.AccessToken, async, cancellationToken).ConfigureAwait(false);
        await AuthenticateAsync(request, originalUri, token, addProof, async, cancellationToken).ConfigureAwait(false);
        Internal.ResilienceRequestOptions.SetNotYetDispatched(request, false);

        var response = async
            ? await base.SendAsync(request, cancellationToken).ConfigureAwait(false)
            : base.Send(request, cancellationToken);

        if (!await IsInvalidTokenAsync(response, async, cancellationToken).ConfigureAwait(false) || !CanResend(request.Content))
        {
            return response;
        }

        var refreshed = await RefreshTokenAsync(token, async, cancellationToken).ConfigureAwait(false);
        response.Dispose();
        LogTokenRejected(_logger);
        await AuthenticateAsync(request, originalUri, refreshed, addProof, async, cancellationToken).ConfigureAwait(false);
        return async
            ? await base.SendAsync(request, cancellationToken).ConfigureAwait(false)
            : base.Send(request, cancellationToken);
    }

    private async ValueTask AuthenticateAsync(HttpRequestMessage request, Uri? originalUri, SecretValue token, bool addProof, bool async, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = GetAuthorization(token);
        if (addProof && originalUri is not null)
        {
            var appSecret = await GetSecretAsync(SecretNames.AppSecret, async, cancellationToken).ConfigureAwait(false);
            var proof = _proofCache.Get(token, appSecret);
            request.Options.Set(UnproofedUri, originalUri);

            // Requests to the same URI (the invoker shares one per phone number) reuse the last proofed URI, so a send
            // does not parse a URI again; a new token (a new proof) or another URI builds it anew.
            var last = Volatile.Read(ref _lastProofedUri);
            if (last is not null && ReferenceEquals(last.Original, originalUri) && ReferenceEquals(last.Proof, proof))
            {
                request.RequestUri = last.Proofed;
                return;
            }

            var uri = originalUri.OriginalString;
            var separator = string.IsNullOrEmpty(originalUri.Query) ? "?" : "&";
            var proofed = new Uri(string.Concat(uri, separator, ProofParameter, proof), UriKind.Absolute);
            Volatile.Write(ref _lastProofedUri, new ProofedUri(originalUri, proof, proofed));
            request.RequestUri = proofed;
        }
    }

    /// <summary>
    /// <c>Bearer {token}</c>, built once per token instance (the value has no setters, so requests can share it); a
    /// rotated token is a new <see cref="SecretValue"/> and gets a new header.
    /// </summary>
    private AuthenticationHeaderValue GetAuthorization(SecretValue token)
    {
        var last = Volatile.Read(ref _lastAuthorization);
        if (last is not null && ReferenceEquals(last.Token, token))
        {
            return last.Header;
        }

        var value = token.Reveal();
        foreach (var c in value)
        {
            // A token with CR/LF, spaces or non-ASCII (a pasted file with a newline in the middle) would fail deep in
            // the handler as a FormatException; refuse it here, naming the secret but never its value.
            if (c is < '!' or > '~')
            {
                throw new SecretProviderException(SecretNames.AccessToken, $"The secret '{SecretNames.AccessToken}' contains characters that are not allowed in an HTTP header (control characters, spaces or non-ASCII); nothing was sent.");
            }
        }

        var header = new AuthenticationHeaderValue("Bearer", value);
        Volatile.Write(ref _lastAuthorization, new BearerHeader(token, header));
        return header;
    }

    private ValueTask<SecretValue> GetSecretAsync(string name, bool async, CancellationToken cancellationToken)
    {
        var pending = _secretProvider.GetSecretAsync(name, cancellationToken);
        if (pending.IsCompleted)
        {
            return pending;
        }

        if (async)
        {
            // A provider that ignores cancellation (a hanging vault) must not hold the call past its timeouts.
            return new ValueTask<SecretValue>(pending.AsTask().WaitAsync(cancellationToken));
        }

        return new ValueTask<SecretValue>(pending.AsTask().GetAwaiter().GetResult());
    }

    /// <summary>
    /// Invalidates the token once for all requests that failed with the same token: a caller that finds the
    /// provider already handing out another token just uses that one.
    /// </summary>
    private async Task<SecretValue> RefreshTokenAsync(SecretValue rejected, bool async, CancellationToken cancellationToken)
    {
        if (async)
        {
            await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _refreshLock.Wait(cancellationToken);
        }

        try
        {
            var current = await GetSecretAsync(SecretNames.AccessToken, async, cancellationToken).ConfigureAwait(false);
            if (!current.HasSameValueAs(rejected))
            {
                return current;
            }

            _secretProvider.Invalidate(SecretNames.AccessToken);
            LogTokenInvalidated(_logger);
            return await GetSecretAsync(SecretNames.AccessToken, async, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private bool IsGraphRequest(Uri? uri) =>
        uri is { IsAbsoluteUri: true }
        && string.Equals(uri.Scheme, _graphAddress.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.IdnHost, _graphAddress.IdnHost, StringComparison.OrdinalIgnoreCase)
        && uri.Port == _graphAddress.Port;

    /// <summary>Whether the request body can be sent a second time (buffered SDK content, or none).</summary>
    private static bool CanResend(HttpContent? content) => content switch
    {
        null => true,
        ByteArrayContent => true, // also StringContent, FormUrlEncodedContent
        ReadOnlyMemoryContent => true,
        MultipartContent multipart => multipart.All(CanResend),
        _ => false,
    };

    /// <summary>
    /// Whether the response is a Graph error 190. The body is buffered first, so the caller can still read it.
    /// </summary>
    private static async ValueTask<bool> IsInvalidTokenAsync(HttpResponseMessage response, bool async, CancellationToken cancellationToken)
    {
        if (response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden))
        {
            return false;
        }

        var content = response.Content;
        if (content.Headers.ContentLength is { } length && (length == 0 || length > MaxInspectedErrorBytes))
        {
            return false;
        }

        var mediaType = content.Headers.ContentType?.MediaType;
        if (mediaType is not null && !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase) && !mediaType.Contains("javascript", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
#if NET9_0_OR_GREATER
            var buffering = content.LoadIntoBufferAsync(MaxInspectedErrorBytes, cancellationToken);
#else
            var buffering = content.LoadIntoBufferAsync(MaxInspectedErrorBytes);
#endif
            if (async)
            {
                await buffering.ConfigureAwait(false);
            }
            else
            {
                buffering.GetAwaiter().GetResult();
            }
        }
        catch (HttpRequestException)
        {
            // Larger than an error body can be; not a Graph 190. The invoker reports the failure.
            return false;
        }

        // ReadAsByteArrayAsync on buffered content copies the buffer and leaves the content readable again.
        var bytes = await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(bytes, GraphJsonContext.Default.GraphErrorEnvelope)?.Error?.Code == 190;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A request URI and the same URI with <c>appsecret_proof</c> (immutable, so requests can share it).</summary>
    private sealed record ProofedUri(Uri Original, string Proof, Uri Proofed)
    {
        public override string ToString() => "ProofedUri [redacted]";
    }

    /// <summary>A token and its <c>Authorization</c> header value.</summary>
    private sealed record BearerHeader(SecretValue Token, AuthenticationHeaderValue Header)
    {
        public override string ToString() => "BearerHeader [redacted]";
    }

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "The Graph API rejected the access token (error 190); retrying once with the token read again from the secret provider.")]
    private static partial void LogTokenRejected(ILogger logger);

    [LoggerMessage(EventId = 111, Level = LogLevel.Information, Message = "Access token invalidated in the secret provider after Graph error 190.")]
    private static partial void LogTokenInvalidated(ILogger logger);
}
