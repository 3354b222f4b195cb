using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.Alerts;
using SecureWa.Sdk.Audit;
using SecureWa.Sdk.DependencyInjection;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Governance.Internal;
using SecureWa.Sdk.Flows;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.BlockedUsers;
using SecureWa.Sdk.BusinessProfiles;
using SecureWa.Sdk.Media;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.PhoneNumbers;
using SecureWa.Sdk.QrCodes;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Tokens;
using SecureWa.Sdk.Templates;
using SecureWa.Sdk.WebhookSubscriptions;

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
public partial class WhatsAppClient : IDisposable
{
    private readonly HttpClient? _httpClient;
    private readonly bool _ownsHttpClient;
    private readonly GraphApiInvoker? _invoker;
    private readonly ISecretProvider? _secretProvider;

    /// <summary>For mocking only: a client whose members are overridden.</summary>
    protected WhatsAppClient()
    {
        Messages = null!;
        Media = null!;
        Tokens = null!;
        Templates = null!;
        PhoneNumbers = null!;
        BusinessProfile = null!;
        BlockedUsers = null!;
        WebhookSubscriptions = null!;
        QrCodes = null!;
        Flows = null!;
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
        _invoker = new GraphApiInvoker(httpClient, options, CreateLogger(loggerFactory, options), new OperationPipeline([], null, timeProvider, NullLogger.Instance));
        _secretProvider = secretProvider;
        InitializeSubClients(_invoker, secretProvider);
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/> whose pipeline the caller composed (tests); its <see cref="Tokens"/> has no token to inspect.</summary>
    internal WhatsAppClient(HttpClient httpClient, WhatsAppClientOptions options, ILoggerFactory loggerFactory, OperationPipeline? governance = null)
        : this(httpClient, options, new InMemorySecretProvider(), loggerFactory, governance, securityEvents: null)
    {
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/> whose pipeline the caller (DI) composed.</summary>
    internal WhatsAppClient(HttpClient httpClient, WhatsAppClientOptions options, ISecretProvider secretProvider, ILoggerFactory loggerFactory, OperationPipeline? governance, ISecurityEventRecorder? securityEvents)
    {
        _httpClient = httpClient;
        _ownsHttpClient = false;
        _invoker = new GraphApiInvoker(httpClient, options, CreateLogger(loggerFactory, options), governance) { SecurityEvents = securityEvents };
        _secretProvider = secretProvider;
        InitializeSubClients(_invoker, secretProvider);
    }

    /// <summary>A view over the same pipeline acting for <paramref name="invoker"/>'s bound operator; it owns nothing.</summary>
    private WhatsAppClient(GraphApiInvoker invoker, ISecretProvider secretProvider)
    {
        _invoker = invoker;
        _secretProvider = secretProvider;
        _ownsHttpClient = false;
        InitializeSubClients(invoker, secretProvider);
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
        return new WhatsAppClient(invoker.WithOperator(@operator), _secretProvider!);
    }

    /// <summary>Sends messages and read receipts.</summary>
    public virtual MessagesClient Messages { get; private set; }

    /// <summary>Uploads, describes, downloads and deletes media.</summary>
    public virtual MediaClient Media { get; private set; }

    /// <summary>Inspects the access token (Graph <c>debug_token</c>).</summary>
    public virtual TokensClient Tokens { get; private set; }

    /// <summary>Lists, reads, creates, edits and deletes message templates (needs <see cref="WhatsAppClientOptions.BusinessAccountId"/> or a per-call WABA id).</summary>
    public virtual TemplatesClient Templates { get; private set; }

    /// <summary>Lists and reads phone numbers; registers, verifies and sets the two-step PIN.</summary>
    public virtual PhoneNumbersClient PhoneNumbers { get; private set; }

    /// <summary>Reads and updates the business profile.</summary>
    public virtual BusinessProfileClient BusinessProfile { get; private set; }

    /// <summary>Blocks, unblocks and lists blocked users.</summary>
    public virtual BlockedUsersClient BlockedUsers { get; private set; }

    /// <summary>Subscribes the app to a WABA's webhooks, with an optional callback override.</summary>
    public virtual WebhookSubscriptionsClient WebhookSubscriptions { get; private set; }

    /// <summary>Creates, lists, reads, updates and deletes message QR codes.</summary>
    public virtual QrCodesClient QrCodes { get; private set; }

    /// <summary>Manages WhatsApp Flows and the business public key their endpoint is encrypted with.</summary>
    public virtual FlowsClient Flows { get; private set; }

    /// <summary>Reads, verifies, exports, erases and purges the audit trail (authorized and audited); needs <c>services.AddSecureWaAudit(...)</c>.</summary>
    public virtual AuditClient Audit { get; private set; }

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

    /// <summary>
    /// The SDK's logger, after logging once per client which Graph host, version and number it talks to: a typo'd host
    /// or a missing number shows in the first lines of the log. The phone number id is the business's, not personal data.
    /// </summary>
    private static ILogger CreateLogger(ILoggerFactory loggerFactory, WhatsAppClientOptions options)
    {
        var logger = loggerFactory.CreateLogger("SecureWa.Sdk");
        LogClientCreated(logger, options.BaseAddress?.GetLeftPart(UriPartial.Authority) ?? "(none)", options.ApiVersion, string.IsNullOrEmpty(options.PhoneNumberId) ? "(not set: pass phoneNumberId per call)" : options.PhoneNumberId);
        return logger;
    }

    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(Messages), nameof(Media), nameof(Tokens), nameof(Templates), nameof(PhoneNumbers), nameof(BusinessProfile), nameof(BlockedUsers), nameof(WebhookSubscriptions), nameof(QrCodes), nameof(Flows), nameof(Audit))]
    private void InitializeSubClients(GraphApiInvoker invoker, ISecretProvider secretProvider)
    {
        Messages = new MessagesClient(invoker);
        Media = new MediaClient(invoker);
        Tokens = new TokensClient(invoker, secretProvider);
        Templates = new TemplatesClient(invoker);
        PhoneNumbers = new PhoneNumbersClient(invoker);
        BusinessProfile = new BusinessProfileClient(invoker);
        BlockedUsers = new BlockedUsersClient(invoker);
        WebhookSubscriptions = new WebhookSubscriptionsClient(invoker);
        QrCodes = new QrCodesClient(invoker);
        Flows = new FlowsClient(invoker);
        Audit = new AuditClient(invoker);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "WhatsApp client uses {Host}, Graph API {ApiVersion}, business phone number id {PhoneNumberId}")]
    private static partial void LogClientCreated(ILogger logger, string host, string apiVersion, string phoneNumberId);
}
