using System.Net;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Paging;
using SecureWa.Sdk.Paging.Internal;
using SecureWa.Sdk.Serialization;
using SecureWa.Sdk.WebhookSubscriptions.Internal;

namespace SecureWa.Sdk.WebhookSubscriptions;

/// <summary>
/// Subscribes the app to a WhatsApp Business Account's webhooks, lists and removes subscriptions, and overrides the
/// callback URL per WABA (<c>/{waba-id}/subscribed_apps</c>). Obtain it from <see cref="WhatsAppClient.WebhookSubscriptions"/>.
/// Thread-safe and immutable.
/// </summary>
public class WebhookSubscriptionsClient
{
    /// <summary>The longest callback URL accepted.</summary>
    public const int MaxCallbackUriLength = 2000;

    /// <summary>The longest verify token accepted.</summary>
    public const int MaxVerifyTokenLength = 512;

    private readonly GraphApiInvoker? _invoker;

    /// <summary>For mocking only.</summary>
    protected WebhookSubscriptionsClient()
    {
    }

    internal WebhookSubscriptionsClient(GraphApiInvoker invoker) => _invoker = invoker;

    private GraphApiInvoker Invoker => _invoker ?? throw new InvalidOperationException("This WebhookSubscriptionsClient was created for mocking; override the members you call.");

    /// <summary>
    /// Subscribes the app (the one owning the access token) to the WABA's webhooks with <c>POST /{waba-id}/subscribed_apps</c>,
    /// optionally sending them to another callback URL than the app's (<c>override_callback_uri</c> + <c>verify_token</c>).
    /// Repeating it leaves the same subscription, so transient failures are retried.
    /// </summary>
    /// <param name="callbackOverride">The callback URL and verify token for this WABA, or <see langword="null"/> for the app's default.</param>
    /// <param name="businessAccountId">The WABA id; <see cref="WhatsAppClientOptions.BusinessAccountId"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the API confirmed the subscription.</returns>
    /// <exception cref="WhatsAppValidationException">The callback URL is not absolute https, the verify token is empty or too long, or no WABA id; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error (such as a failed callback verification).</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer did not say <c>"success":true</c>.</exception>
    [WhatsAppPermission(WhatsAppPermissions.WebhooksManage)]
    public virtual async Task SubscribeAsync(WebhookCallbackOverride? callbackOverride = null, string? businessAccountId = null, CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        if (callbackOverride is not null)
        {
            Validate(callbackOverride);
        }

        var id = invoker.ResolveBusinessAccountId(businessAccountId);
        var body = JsonBody.Write(callbackOverride, static (writer, callback) =>
        {
            writer.WriteStartObject();
            if (callback is not null)
            {
                writer.WriteString("override_callback_uri", callback.CallbackUri.AbsoluteUri);
                writer.WriteString("verify_token", callback.VerifyToken.Reveal());
            }

            writer.WriteEndObject();
        });
        var response = await invoker.SendJsonAsync(HttpMethod.Post, id + "/subscribed_apps", WhatsAppOperationKind.Manage, WhatsAppPermissions.WebhooksManage, body, WebhookSubscriptionsJsonContext.Default.SubscribeResponse, cancellationToken).ConfigureAwait(false);
        if (response.Success != true)
        {
            throw new WhatsAppUnexpectedResponseException(HttpStatusCode.OK, "The WhatsApp Cloud API answered the subscription (HTTP 2xx) without \"success\":true.");
        }
    }

    /// <summary>Lists the apps subscribed to the WABA's webhooks with <c>GET /{waba-id}/subscribed_apps</c>.</summary>
    /// <param name="options">Page size and start cursor (the list is usually one short page).</param>
    /// <param name="businessAccountId">The WABA id; <see cref="WhatsAppClientOptions.BusinessAccountId"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels every enumeration of the result.</param>
    /// <returns>The subscriptions, read lazily.</returns>
    /// <exception cref="WhatsAppValidationException">The page size or WABA id is invalid (thrown by this call, before any request).</exception>
    [WhatsAppPermission(WhatsAppPermissions.WebhooksManage)]
    public virtual WhatsAppPageable<WebhookSubscription> ListAsync(WhatsAppListOptions? options = null, string? businessAccountId = null, CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        GraphApiInvoker.ValidatePageSize(options, 1000);
        var id = invoker.ResolveBusinessAccountId(businessAccountId);
        return invoker.CreatePageable(
            id + "/subscribed_apps",
            new GraphQuery(),
            options,
            WhatsAppPermissions.WebhooksManage,
            WebhookSubscriptionsJsonContext.Default.GraphPageSubscribedAppWire,
            static wire => new WebhookSubscription
            {
                AppId = wire.Data?.Id,
                AppName = wire.Data?.Name,
                Link = ToUri(wire.Data?.Link),
                OverrideCallbackUri = ToUri(wire.OverrideCallbackUri),
            },
            cancellationToken);
    }

    /// <summary>Unsubscribes the app from the WABA's webhooks with <c>DELETE /{waba-id}/subscribed_apps</c>.</summary>
    /// <param name="businessAccountId">The WABA id; <see cref="WhatsAppClientOptions.BusinessAccountId"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the API confirmed it.</returns>
    /// <exception cref="WhatsAppValidationException">No valid WABA id; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer did not say <c>"success":true</c>.</exception>
    [WhatsAppPermission(WhatsAppPermissions.WebhooksManage)]
    public virtual async Task UnsubscribeAsync(string? businessAccountId = null, CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        var id = invoker.ResolveBusinessAccountId(businessAccountId);
        await invoker.SendForSuccessAsync(HttpMethod.Delete, id + "/subscribed_apps", WhatsAppOperationKind.Delete, WhatsAppPermissions.WebhooksManage, null, WebhookSubscriptionsJsonContext.Default.GraphSuccessResponse, "the unsubscription", cancellationToken).ConfigureAwait(false);
    }

    private static void Validate(WebhookCallbackOverride callback)
    {
        var uri = callback.CallbackUri;
        if (uri is null || !uri.IsAbsoluteUri || uri.Scheme != Uri.UriSchemeHttps || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new WhatsAppValidationException("override_callback_uri", "The callback URL must be an absolute https URL without user information.");
        }

        if (uri.AbsoluteUri.Length > MaxCallbackUriLength)
        {
            throw new WhatsAppValidationException("override_callback_uri", $"The callback URL is longer than {MaxCallbackUriLength} characters.", MaxCallbackUriLength);
        }

        var token = callback.VerifyToken?.Reveal();
        if (string.IsNullOrEmpty(token))
        {
            throw new WhatsAppValidationException("verify_token", "A verify token is required with a callback override.");
        }

        if (token.Length > MaxVerifyTokenLength)
        {
            throw new WhatsAppValidationException("verify_token", $"The verify token is longer than {MaxVerifyTokenLength} characters.", MaxVerifyTokenLength);
        }
    }

    private static Uri? ToUri(string? value) => !string.IsNullOrEmpty(value) && Uri.TryCreate(value, UriKind.Absolute, out var uri) ? uri : null;
}
