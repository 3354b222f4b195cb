using System.Buffers;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Webhooks;
using SecureWa.Sdk.Webhooks.Internal;

namespace SecureWa.Sdk.Flows.Internal;

/// <summary>
/// The flow data exchange endpoint: size cap and read timeout → <c>X-Hub-Signature-256</c> (432) → decrypt (421) →
/// <c>ping</c> answered here → optional flow token check (427) → handler → encrypted answer. A DI singleton shared by every
/// mapped route. Nothing decrypted, and no key, ever reaches a log, a metric tag or an exception message.
/// </summary>
internal sealed class WhatsAppFlowEndpoint
{
    public const int SignatureFailedStatus = 432;
    public const int CannotDecryptStatus = 421;

    private const int InitialBufferSize = 8 * 1024;
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    private readonly ISecretProvider _secrets;
    private readonly WhatsAppFlowEndpointOptions _options;
    private readonly FlowTokenProtector? _tokens;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly RotatingSignatureVerifier _verifier = new();
    private KeyEntry? _key;

    public WhatsAppFlowEndpoint(ISecretProvider secrets, IOptions<WhatsAppFlowEndpointOptions> options, FlowTokenProtector? tokens, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        _secrets = secrets;
        _options = options.Value;
        _tokens = tokens;
        _timeProvider = timeProvider;
        _logger = loggerFactory.CreateLogger("SecureWa.Sdk.Flows");
    }

    public async Task HandleAsync(HttpContext context, Func<HttpContext, WhatsAppFlowRequest, CancellationToken, ValueTask<WhatsAppFlowResponse>> handler)
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var started = Stopwatch.GetTimestamp();
        var request = context.Request;
        var max = _options.MaxBodySize;
        if (request.ContentLength > max)
        {
            Answer(context, StatusCodes.Status413PayloadTooLarge, "none", "too_large");
            FlowTelemetry.TooLarge(_logger, max);
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(request.ContentLength ?? InitialBufferSize, max) + 1);
        var length = 0;
        try
        {
            using (var timeout = new CancellationTokenSource(_options.ReadTimeout, _timeProvider))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, context.RequestAborted))
            {
                try
                {
                    while (true)
                    {
                        if (length == buffer.Length)
                        {
                            var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, (long)max + 1));
                            buffer.AsSpan(0, length).CopyTo(grown);
                            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
                            buffer = grown;
                        }

                        var read = await request.Body.ReadAsync(buffer.AsMemory(length), linked.Token).ConfigureAwait(false);
                        if (read == 0)
                        {
                            break;
                        }

                        length += read;
                        if (length > max)
                        {
                            Answer(context, StatusCodes.Status413PayloadTooLarge, "none", "too_large");
                            FlowTelemetry.TooLarge(_logger, max);
                            return;
                        }
                    }
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
                {
                    Answer(context, StatusCodes.Status408RequestTimeout, "none", "read_timeout");
                    FlowTelemetry.ReadTimedOut(_logger, _options.ReadTimeout.TotalSeconds);
                    return;
                }
            }

            await ProcessAsync(context, buffer.AsMemory(0, length), handler).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
            FlowTelemetry.Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    private async Task ProcessAsync(HttpContext context, ReadOnlyMemory<byte> body, Func<HttpContext, WhatsAppFlowRequest, CancellationToken, ValueTask<WhatsAppFlowResponse>> handler)
    {
        // 1. The signature, over the raw bytes, before anything is decoded or decrypted.
        var verifier = await GetVerifierAsync(context.RequestAborted).ConfigureAwait(false);
        if (verifier is null)
        {
            Answer(context, StatusCodes.Status500InternalServerError, "none", "app_secret_unavailable");
            return;
        }

        var signature = verifier.Verify(body.Span, context.Request.Headers[WebhookSignatureVerifier.SignatureHeaderName].ToString());
        if (signature != WebhookSignatureResult.Valid)
        {
            var reason = signature switch
            {
                WebhookSignatureResult.MissingHeader => "missing_header",
                WebhookSignatureResult.MalformedHeader => "malformed_header",
                _ => "mismatch",
            };
            FlowTelemetry.SignatureRejected(_logger, reason);
            Answer(context, SignatureFailedStatus, "none", "signature_rejected");
            return;
        }

        // 2. The private key (from the secret provider; rebuilt when it rotates).
        var cipher = await GetCipherAsync(context.RequestAborted).ConfigureAwait(false);
        if (cipher is null)
        {
            Answer(context, StatusCodes.Status500InternalServerError, "none", "private_key_unavailable");
            return;
        }

        // 3. Decrypt.
        FlowExchange exchange;
        try
        {
            exchange = DecryptEnvelope(cipher, body.Span);
        }
        catch (FlowDecryptionException ex)
        {
            FlowTelemetry.Undecryptable(_logger, ex.Failure.ToString());
            Answer(context, CannotDecryptStatus, "none", "undecryptable");
            return;
        }

        using (exchange)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(exchange.Plaintext, DocumentOptions);
            }
            catch (JsonException)
            {
                FlowTelemetry.MalformedRequest(_logger);
                Answer(context, StatusCodes.Status400BadRequest, "none", "malformed");
                return;
            }

            using (document)
            {
                if (!TryReadRequest(document.RootElement, out var flowRequest))
                {
                    FlowTelemetry.MalformedRequest(_logger);
                    Answer(context, StatusCodes.Status400BadRequest, "none", "malformed");
                    return;
                }

                var action = ActionTag(flowRequest.Action);
                if (flowRequest.Action == FlowRequestAction.Ping)
                {
                    // Meta's health check: {"data":{"status":"active"}}, encrypted, without calling the application.
                    await WriteEncryptedAsync(context, exchange, StatusCodes.Status200OK, static writer =>
                    {
                        writer.WriteStartObject();
                        writer.WriteStartObject("data");
                        writer.WriteString("status", "active");
                        writer.WriteEndObject();
                        writer.WriteEndObject();
                    }).ConfigureAwait(false);
                    FlowTelemetry.Count(action, "ok");
                    return;
                }

                if (_options.RequireValidFlowToken)
                {
                    var status = await CheckTokenAsync(flowRequest.FlowToken, context.RequestAborted).ConfigureAwait(false);
                    if (status != FlowTokenValidationStatus.Valid)
                    {
                        FlowTelemetry.TokenRefused(_logger, action, status.ToString());
                        await WriteErrorAsync(context, exchange, WhatsAppFlowErrorException.FlowTokenNoLongerValid, _options.InvalidFlowTokenMessage).ConfigureAwait(false);
                        FlowTelemetry.Count(action, "token_refused");
                        return;
                    }
                }

                WhatsAppFlowResponse response;
                try
                {
                    response = await handler(context, flowRequest, context.RequestAborted).ConfigureAwait(false)
                        ?? throw new InvalidOperationException("The flow handler returned null.");
                }
                catch (WhatsAppFlowErrorException ex)
                {
                    await WriteErrorAsync(context, exchange, ex.StatusCode, ex.CustomerMessage).ConfigureAwait(false);
                    FlowTelemetry.Count(action, "app_error");
                    return;
                }
                catch (Exception ex) when (!context.RequestAborted.IsCancellationRequested)
                {
                    // The type only: an exception message may quote the customer's data.
                    FlowTelemetry.HandlerFailed(_logger, ex.GetType().FullName ?? ex.GetType().Name, action);
                    Answer(context, StatusCodes.Status500InternalServerError, action, "handler_failed");
                    return;
                }

                if (flowRequest.IsErrorNotification)
                {
                    response = WhatsAppFlowResponse.Acknowledge();
                }

                await WriteEncryptedAsync(context, exchange, StatusCodes.Status200OK, response.WriteTo).ConfigureAwait(false);
                FlowTelemetry.Count(action, flowRequest.IsErrorNotification ? "error_acknowledged" : "ok");
                FlowTelemetry.Answered(_logger, action, StatusCodes.Status200OK);
            }
        }
    }

    /// <summary>For the health check: whether the app secret is readable and the private key loads (from the same cache as requests).</summary>
    internal async ValueTask<(bool AppSecret, int? KeySize)> CheckConfigurationAsync(CancellationToken cancellationToken)
    {
        var verifier = await GetVerifierAsync(cancellationToken).ConfigureAwait(false);
        var cipher = await GetCipherAsync(cancellationToken).ConfigureAwait(false);
        return (verifier is not null, cipher?.KeySize);
    }

    private static FlowExchange DecryptEnvelope(FlowRequestCipher cipher, ReadOnlySpan<byte> body)
    {
        string? data = null, key = null, iv = null;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 4 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw Malformed();
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("encrypted_flow_data"u8))
                {
                    data = ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("encrypted_aes_key"u8))
                {
                    key = ReadString(ref reader);
                }
                else if (reader.ValueTextEquals("initial_vector"u8))
                {
                    iv = ReadString(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            throw Malformed();
        }

        if (data is null || key is null || iv is null)
        {
            throw Malformed();
        }

        return cipher.Decrypt(data, key, iv);

        static string? ReadString(ref Utf8JsonReader reader)
        {
            reader.Read();
            return reader.TokenType == JsonTokenType.String ? reader.GetString() : throw Malformed();
        }

        static FlowDecryptionException Malformed() =>
            new(FlowDecryptionFailure.MalformedEnvelope, "The body is not {encrypted_flow_data, encrypted_aes_key, initial_vector}.");
    }

    private static bool TryReadRequest(JsonElement root, out WhatsAppFlowRequest request)
    {
        request = null!;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var rawAction = GetString(root, "action");
        if (rawAction is null)
        {
            return false;
        }

        JsonElement? data = root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : null;
        request = new WhatsAppFlowRequest(
            ParseAction(rawAction),
            rawAction,
            GetString(root, "screen") is { Length: > 0 } screen ? screen : null,
            data,
            GetString(root, "flow_token"),
            GetString(root, "flow_token_signature"),
            GetString(root, "version"));
        return true;

        static string? GetString(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    internal static FlowRequestAction ParseAction(string action) => action switch
    {
        _ when action.Equals("ping", StringComparison.OrdinalIgnoreCase) => FlowRequestAction.Ping,
        _ when action.Equals("INIT", StringComparison.OrdinalIgnoreCase) => FlowRequestAction.Init,
        _ when action.Equals("data_exchange", StringComparison.OrdinalIgnoreCase) => FlowRequestAction.DataExchange,
        _ when action.Equals("BACK", StringComparison.OrdinalIgnoreCase) => FlowRequestAction.Back,
        _ when action.Equals("navigate", StringComparison.OrdinalIgnoreCase) => FlowRequestAction.Navigate,
        _ => FlowRequestAction.Unknown,
    };

    private static string ActionTag(FlowRequestAction action) => action switch
    {
        FlowRequestAction.Ping => "ping",
        FlowRequestAction.Init => "INIT",
        FlowRequestAction.DataExchange => "data_exchange",
        FlowRequestAction.Back => "BACK",
        FlowRequestAction.Navigate => "navigate",
        _ => "unknown",
    };

    private async ValueTask<FlowTokenValidationStatus> CheckTokenAsync(string? token, CancellationToken cancellationToken)
    {
        if (_tokens is null)
        {
            return FlowTokenValidationStatus.BadSignature;
        }

        try
        {
            return (await _tokens.ValidateAsync(token, cancellationToken).ConfigureAwait(false)).Status;
        }
        catch (Exception ex) when (ex is SecretNotFoundException or SecretProviderException or InvalidOperationException)
        {
            FlowTelemetry.SecretUnavailable(_logger, "flow token key", ex.GetType().Name);
            return FlowTokenValidationStatus.BadSignature;
        }
    }

    private static Task WriteErrorAsync(HttpContext context, FlowExchange exchange, int statusCode, string? customerMessage) =>
        WriteEncryptedAsync(context, exchange, statusCode, writer =>
        {
            writer.WriteStartObject();
            if (customerMessage is not null)
            {
                writer.WriteString("error_msg", customerMessage);
            }

            writer.WriteEndObject();
        });

    private static async Task WriteEncryptedAsync(HttpContext context, FlowExchange exchange, int statusCode, Action<Utf8JsonWriter> write)
    {
        var json = new ArrayBufferWriter<byte>(1024);
        string body;
        try
        {
            using (var writer = new Utf8JsonWriter(json))
            {
                write(writer);
            }

            body = exchange.EncryptResponse(json.WrittenSpan);
        }
        finally
        {
            // The response may carry personal data too.
            json.Clear();
        }

        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/plain";
        context.Response.ContentLength = body.Length;
        await context.Response.WriteAsync(body, Encoding.ASCII, context.RequestAborted).ConfigureAwait(false);
    }

    private static void Answer(HttpContext context, int statusCode, string action, string outcome)
    {
        FlowTelemetry.Count(action, outcome);
        context.Response.StatusCode = statusCode;
    }

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
            FlowTelemetry.VerifierRebuilt(_logger, rebuiltWith);
        }

        return verifier;
    }

    private async ValueTask<FlowRequestCipher?> GetCipherAsync(CancellationToken cancellationToken)
    {
        var pem = await GetSecretAsync(_options.PrivateKeySecretName, required: true, cancellationToken).ConfigureAwait(false);
        if (pem is null)
        {
            return null;
        }

        var passphrase = _options.PrivateKeyPassphraseSecretName is { Length: > 0 } passphraseName
            ? await GetSecretAsync(passphraseName, required: false, cancellationToken).ConfigureAwait(false)
            : null;

        var cached = Volatile.Read(ref _key);
        if (cached is not null && cached.Pem.HasSameValueAs(pem) && (cached.Passphrase is null ? passphrase is null : cached.Passphrase.HasSameValueAs(passphrase)))
        {
            return cached.Cipher;
        }

        FlowRequestCipher cipher;
        try
        {
            cipher = FlowRequestCipher.FromPem(pem.Reveal(), passphrase is null ? default : passphrase.Reveal());
        }
        catch (ArgumentException)
        {
            FlowTelemetry.SecretUnavailable(_logger, _options.PrivateKeySecretName, passphrase is null ? "not an RSA private key PEM of 2048 bits or more" : "not an RSA private key this passphrase decrypts");
            return null;
        }

        // The cipher it replaces may serve a request in flight; its key is released when collected.
        Volatile.Write(ref _key, new KeyEntry(pem, passphrase, cipher));
        FlowTelemetry.KeyLoaded(_logger, cipher.KeySize);
        return cipher;
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
            FlowTelemetry.SecretUnavailable(_logger, name, ex.GetType().Name);
            return null;
        }
    }

    private sealed record KeyEntry(SecretValue Pem, SecretValue? Passphrase, FlowRequestCipher Cipher);
}
