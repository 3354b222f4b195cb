using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.Audit;
using SecureWa.Sdk.DependencyInjection;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Governance.Internal;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Media;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk;

/// <summary>
/// The entry point to the WhatsApp Cloud API. Thread-safe; create one per application (or resolve it from
/// DI after <c>services.AddSecureWa(...)</c>) and share it.
/// </summary>
/// <example>
/// <code>
/// var options = new WhatsAppClientOptions { PhoneNumberId = "106540352242922" };
/// using var client = new WhatsAppClient(options, new EnvironmentSecretProvider());
/// var result = await client.Messages.SendAsync(new TextMessage("+16505551234", "Your order has shipped."));
/// </code>
/// </example>
public class WhatsAppClient : IDisposable
{
    private readonly HttpClient? _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly GraphApiInvoker? _invoker;

    /// <summary>For mocking only: a client whose members are overridden.</summary>
    protected WhatsAppClient()
    {
        Messages = null!;
        Media = null!;
        Audit = null!;
    }

    /// <summary>
    /// Creates a client with the SDK's own secure pipeline (TLS policy, authentication, rate limiting, resilience).
    /// </summary>
    /// <param name="options">The options; validated here.</param>
    /// <param name="secretProvider">Where the access token (and app secret) come from.</param>
    /// <param name="loggerFactory">Where logs go; none by default.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> by default.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public WhatsAppClient(WhatsAppClientOptions options, ISecretProvider secretProvider, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(options, secretProvider, loggerFactory, timeProvider, primaryHandler: null)
    {
    }

    /// <summary>
    /// The public constructor's pipeline over <paramref name="primaryHandler"/> in place of the TLS primary handler when
    /// it is not <see langword="null"/> (benchmarks and tests: a handler that answers without the network).
    /// </summary>
    internal WhatsAppClient(WhatsAppClientOptions options, ISecretProvider secretProvider, ILoggerFactory? loggerFactory, TimeProvider? timeProvider, HttpMessageHandler? primaryHandler)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(secretProvider);
        WhatsAppClientOptionsValidator.ThrowIfInvalid(options);
        loggerFactory ??= NullLoggerFactory.Instance;
        timeProvider ??= TimeProvider.System;
        var handler = primaryHandler is null
            ? WhatsAppHttpPipeline.CreateHandlerChain(options, secretProvider, loggerFactory, timeProvider)
            : WhatsAppHttpPipeline.CreateHandlerChain(options, secretProvider, loggerFactory, timeProvider, primaryHandler);
        var httpClient = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _httpClient = httpClient;
        _ownsHttpClient = true;
        _invoker = new GraphApiInvoker(httpClient, options, loggerFactory.CreateLogger("SecureWa.Sdk"));
        (Messages, Media, Audit) = CreateSubClients(_invoker);
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/> whose pipeline the caller (DI) composed.</summary>
    internal WhatsAppClient(HttpClient httpClient, WhatsAppClientOptions options, ILoggerFactory loggerFactory, OperationPipeline? governance = null)
    {
        _httpClient = httpClient;
        _ownsHttpClient = false;
        _invoker = new GraphApiInvoker(httpClient, options, loggerFactory.CreateLogger("SecureWa.Sdk"), governance);
        (Messages, Media, Audit) = CreateSubClients(_invoker);
    }

    /// <summary>A view over the same pipeline acting for <paramref name="invoker"/>'s bound operator; it owns nothing.</summary>
    private WhatsAppClient(GraphApiInvoker invoker)
    {
        _invoker = invoker;
        _ownsHttpClient = false;
        (Messages, Media, Audit) = CreateSubClients(invoker);
    }

    /// <summary>
    /// A view of this client acting for <paramref name="operator"/>: every operation through it is authorized, checked and
    /// audited for that operator (when governance is configured). Cheap (the view and its sub-clients, no I/O), thread-safe,
    /// and sharing this client's HTTP pipeline; disposing the view disposes nothing.
    /// </summary>
    /// <param name="operator">Who acts.</param>
    /// <returns>The operator-scoped view.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="operator"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">This client was created for mocking.</exception>
    public virtual WhatsAppClient ForOperator(WhatsAppOperator @operator)
    {
        ArgumentNullException.ThrowIfNull(@operator);
        var invoker = _invoker ?? throw new InvalidOperationException("This WhatsAppClient was created for mocking; override its members.");
        return new WhatsAppClient(invoker.WithOperator(@operator));
    }

    /// <summary>Sends messages and read receipts.</summary>
    public virtual MessagesClient Messages { get; }

    /// <summary>Uploads, describes, downloads and deletes media.</summary>
    public virtual MediaClient Media { get; }

    /// <summary>Reads, verifies, exports, erases and purges the audit trail (authorized and audited); needs <c>services.AddSecureWaAudit(...)</c>.</summary>
    public virtual AuditClient Audit { get; }

    /// <summary>Disposes the HTTP pipeline when this client created it.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the HTTP pipeline when this client created it.</summary>
    /// <param name="disposing"><see langword="true"/> from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && _ownsHttpClient)
        {
            _httpClient?.Dispose();
        }
    }

    private static (MessagesClient Messages, MediaClient Media, AuditClient Audit) CreateSubClients(GraphApiInvoker invoker) =>
        (new MessagesClient(invoker), new MediaClient(invoker), new AuditClient(invoker));
}
