using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.DependencyInjection;
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
public partial class WhatsAppClient : IDisposable
{
    private readonly HttpClient? _httpClient;
    private readonly bool _ownsHttpClient;

    /// <summary>For mocking only: a client whose members are overridden.</summary>
    protected WhatsAppClient()
    {
        Messages = null!;
        Media = null!;
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
        (Messages, Media) = CreateSubClients(httpClient, options, loggerFactory);
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/> whose pipeline the caller (DI) composed.</summary>
    internal WhatsAppClient(HttpClient httpClient, WhatsAppClientOptions options, ILoggerFactory loggerFactory)
    {
        _httpClient = httpClient;
        _ownsHttpClient = false;
        (Messages, Media) = CreateSubClients(httpClient, options, loggerFactory);
    }

    /// <summary>Sends messages and read receipts.</summary>
    public virtual MessagesClient Messages { get; }

    /// <summary>Uploads, describes, downloads and deletes media.</summary>
    public virtual MediaClient Media { get; }

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

    private static (MessagesClient Messages, MediaClient Media) CreateSubClients(HttpClient httpClient, WhatsAppClientOptions options, ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger("SecureWa.Sdk");

        // Which Graph host, version and number this client talks to, once per client: a typo'd host or a missing
        // number shows in the first lines of the log. The phone number id is the business's, not personal data.
        LogClientCreated(logger, options.BaseAddress?.GetLeftPart(UriPartial.Authority) ?? "(none)", options.ApiVersion, string.IsNullOrEmpty(options.PhoneNumberId) ? "(not set: pass phoneNumberId per call)" : options.PhoneNumberId);
        var invoker = new GraphApiInvoker(httpClient, options, logger);
        return (new MessagesClient(invoker), new MediaClient(invoker));
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "WhatsApp client uses {Host}, Graph API {ApiVersion}, business phone number id {PhoneNumberId}")]
    private static partial void LogClientCreated(ILogger logger, string host, string apiVersion, string phoneNumberId);
}
