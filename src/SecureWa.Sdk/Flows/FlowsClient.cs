using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Flows.Internal;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Http.Internal;

namespace SecureWa.Sdk.Flows;

/// <summary>
/// Manages WhatsApp Flows (the Flows API) and the business public key flow endpoints are encrypted with. Obtain it from
/// <see cref="WhatsAppClient.Flows"/>. Thread-safe and immutable.
/// </summary>
/// <remarks>
/// Account-level calls (<see cref="CreateAsync"/>, <see cref="ListAsync"/>) use the WhatsApp Business Account id given as
/// an argument or <see cref="WhatsAppClientOptions.BusinessAccountId"/>. Serving a flow's data exchange endpoint is in the
/// <c>SecureWa.Sdk.Flows</c> package (<c>MapWhatsAppFlowEndpoint</c>).
/// </remarks>
public class FlowsClient
{
    /// <summary>The longest flow name accepted before any request.</summary>
    public const int MaxNameLength = 200;

    /// <summary>The largest flow JSON accepted before any request (10 MiB).</summary>
    public const int MaxFlowJsonBytes = 10 * 1024 * 1024;

    private readonly GraphApiInvoker? _invoker;

    /// <summary>For mocking only.</summary>
    protected FlowsClient()
    {
    }

    internal FlowsClient(GraphApiInvoker invoker)
    {
        _invoker = invoker;
    }

    private GraphApiInvoker Invoker => _invoker ?? throw new InvalidOperationException("This FlowsClient was created for mocking; override the members you call.");

    /// <summary>Creates a flow (in <see cref="FlowStatus.Draft"/>) with <c>POST /{waba-id}/flows</c> and returns its id.</summary>
    /// <param name="options">Name, categories, optional flow to clone and endpoint.</param>
    /// <param name="businessAccountId">The WABA id; <see cref="WhatsAppClientOptions.BusinessAccountId"/> when not set.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new flow's id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="WhatsAppValidationException">The name, a category, the endpoint, the clone id or the WABA id is invalid; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppDeliveryUnknownException">The request may have reached Meta but no answer came; list the flows before creating it again.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer had no id.</exception>
    [WhatsAppPermission(WhatsAppPermissions.FlowsManage)]
    public virtual async Task<string> CreateAsync(FlowCreateOptions options, string? businessAccountId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var invoker = Invoker;
        var waba = ResolveBusinessAccountId(businessAccountId);
        ValidateName(options.Name, required: true);
        ValidateCategories(options.Categories, required: true);
        if (options.CloneFlowId is not null)
        {
            GraphApiInvoker.ValidateGraphId(options.CloneFlowId, "cloneFlowId");
        }

        ValidateEndpoint(options.EndpointUri);

        // openapi createFlow: multipart/form-data with name, categories (a JSON array as a string), clone_flow_id, endpoint_uri.
        using var form = new MultipartFormDataContent();
        form.Add(PlainText(options.Name), "name");
        form.Add(PlainText(SerializeCategories(options.Categories!)), "categories");
        if (options.CloneFlowId is { } clone)
        {
            form.Add(PlainText(clone), "clone_flow_id");
        }

        if (options.EndpointUri is { } endpoint)
        {
            form.Add(PlainText(endpoint.AbsoluteUri), "endpoint_uri");
        }

        using var request = invoker.CreateRequest(HttpMethod.Post, waba + "/flows", WhatsAppOperationKind.Create, WhatsAppPermissions.FlowsManage);
        request.Content = form;
        var response = await invoker.SendAsync(request, FlowsJsonContext.Default.FlowCreateResponse, cancellationToken).ConfigureAwait(false);
        return string.IsNullOrEmpty(response.Id)
            ? throw new WhatsAppUnexpectedResponseException(HttpStatusCode.OK, "The WhatsApp Cloud API answered the flow creation without an id.")
            : response.Id;
    }

    /// <summary>
    /// Lists the flows of a WhatsApp Business Account with <c>GET /{waba-id}/flows</c>, following the Graph paging cursors
    /// (<c>paging.cursors.after</c>) page by page as the caller enumerates.
    /// </summary>
    /// <param name="businessAccountId">The WABA id; <see cref="WhatsAppClientOptions.BusinessAccountId"/> when not set.</param>
    /// <param name="pageSize">The page size (<c>limit</c>), 1 to 1000; Meta's default when not set.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The flows, fetched lazily.</returns>
    /// <exception cref="WhatsAppValidationException">The WABA id or page size is invalid (thrown on the first <c>MoveNextAsync</c>).</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">A page was not the documented JSON.</exception>
    [WhatsAppPermission(WhatsAppPermissions.FlowsRead)]
    public virtual async IAsyncEnumerable<WhatsAppFlow> ListAsync(string? businessAccountId = null, int? pageSize = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        var waba = ResolveBusinessAccountId(businessAccountId);
        if (pageSize is < 1 or > 1000)
        {
            throw new WhatsAppValidationException("pageSize", "The page size must be between 1 and 1000.", 1000);
        }

        string? after = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            var query = new StringBuilder(waba).Append("/flows");
            var separator = '?';
            if (pageSize is { } size)
            {
                query.Append(separator).Append("limit=").Append(size.ToString(System.Globalization.CultureInfo.InvariantCulture));
                separator = '&';
            }

            if (after is not null)
            {
                query.Append(separator).Append("after=").Append(Uri.EscapeDataString(after));
            }

            FlowListResponse page;
            using (var request = invoker.CreateRequest(HttpMethod.Get, query.ToString(), WhatsAppOperationKind.Query, WhatsAppPermissions.FlowsRead))
            {
                page = await invoker.SendAsync(request, FlowsJsonContext.Default.FlowListResponse, cancellationToken).ConfigureAwait(false);
            }

            if (page.Data is { } data)
            {
                foreach (var item in data)
                {
                    if (!string.IsNullOrEmpty(item.Id))
                    {
                        yield return FlowMapper.ToFlow(item, item.Id);
                    }
                }
            }

            // Graph omits "next" on the last page; a cursor seen before would loop forever.
            var nextCursor = page.Paging?.Cursors?.After;
            if (string.IsNullOrEmpty(page.Paging?.Next) || string.IsNullOrEmpty(nextCursor) || !seen.Add(nextCursor) || page.Data is not { Count: > 0 })
            {
                yield break;
            }

            after = nextCursor;
        }
    }

    /// <summary>Reads a flow with <c>GET /{flow-id}</c> (id, name, categories, status, validation errors, versions, endpoint, preview).</summary>
    /// <param name="flowId">The flow id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The flow.</returns>
    /// <exception cref="WhatsAppValidationException">The flow id is not a plain Graph id; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer was not the documented JSON.</exception>
    [WhatsAppPermission(WhatsAppPermissions.FlowsRead)]
    public virtual async Task<WhatsAppFlow> GetAsync(string flowId, CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        GraphApiInvoker.ValidateGraphId(flowId, "flowId");
        using var request = invoker.CreateRequest(
            HttpMethod.Get,
            flowId + "?fields=id,name,categories,preview,status,validation_errors,json_version,data_api_version,data_channel_uri",
            WhatsAppOperationKind.Query,
            WhatsAppPermissions.FlowsRead);
        var dto = await invoker.SendAsync(request, FlowsJsonContext.Default.FlowDto, cancellationToken).ConfigureAwait(false);
        return FlowMapper.ToFlow(dto, flowId);
    }

    /// <summary>Reads only the validation errors of a flow's JSON (<c>GET /{flow-id}?fields=validation_errors</c>).</summary>
    /// <param name="flowId">The flow id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The problems Meta found; empty when none.</returns>
    /// <exception cref="WhatsAppValidationException">The flow id is not a plain Graph id; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer was not the documented JSON.</exception>
    [WhatsAppPermission(WhatsAppPermissions.FlowsRead)]
    public virtual async Task<IReadOnlyList<FlowValidationError>> GetValidationErrorsAsync(string flowId, CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        GraphApiInvoker.ValidateGraphId(flowId, "flowId");
        using var request = invoker.CreateRequest(HttpMethod.Get, flowId + "?fields=validation_errors", WhatsAppOperationKind.Query, WhatsAppPermissions.FlowsRead);
        var dto = await invoker.SendAsync(request, FlowsJsonContext.Default.FlowDto, cancellationToken).ConfigureAwait(false);
        return FlowMapper.ToErrors(dto.ValidationErrors);
    }

    /// <summary>Reads a flow's web preview link (<c>GET /{flow-id}?fields=preview.invalidate(…)</c>).</summary>
    /// <param name="flowId">The flow id.</param>
    /// <param name="invalidate">Whether to revoke the current link and issue a new one.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The preview link and its expiry.</returns>
    /// <exception cref="WhatsAppValidationException">The flow id is not a plain Graph id; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer had no preview.</exception>
    [WhatsAppPermission(WhatsAppPermissions.FlowsRead)]
    public virtual async Task<FlowPreview> GetPreviewAsync(string flowId, bool invalidate = false, CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        GraphApiInvoker.ValidateGraphId(flowId, "flowId");
        var path = flowId + "?fields=" + Uri.EscapeDataString(invalidate ? "preview.invalidate(true)" : "preview.invalidate(false)");
        using var request = invoker.CreateRequest(HttpMethod.Get, path, WhatsAppOperationKind.Query, WhatsAppPermissions.FlowsRead);
        var dto = await invoker.SendAsync(request, FlowsJsonContext.Default.FlowDto, cancellationToken).ConfigureAwait(false);
        return dto.Preview is { } preview
            ? FlowMapper.ToPreview(preview)
            : throw new WhatsAppUnexpectedResponseException(HttpStatusCode.OK, "The WhatsApp Cloud API answered without a flow preview.");
    }

    /// <summary>Changes a flow's name, categories or endpoint with <c>POST /{flow-id}</c>.</summary>
    /// <param name="flowId">The flow id.</param>
    /// <param name="update">What to change; at least one member set.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Meta confirmed the change.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="update"/> is <see langword="null"/>.</exception>
    /// <exception cref="WhatsAppValidationException">Nothing to change, or a value is invalid; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">Meta did not confirm the change.</exception>
    [WhatsAppPermission(WhatsAppPermissions.FlowsManage)]
    public virtual async Task UpdateMetadataAsync(string flowId, FlowMetadataUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        var invoker = Invoker;
        GraphApiInvoker.ValidateGraphId(flowId, "flowId");
        if (update.Name is null && update.Categories is null && update.EndpointUri is null)
        {
            throw new WhatsAppValidationException("update", "Set at least one of Name, Categories or EndpointUri.");
        }

        if (update.Name is not null)
        {
            ValidateName(update.Name, required: true);
        }

        ValidateCategories(update.Categories, required: false);
        ValidateEndpoint(update.EndpointUri);

        // openapi updateFlowMetadata: multipart/form-data with name, categories (JSON array string), endpoint_uri.
        using var form = new MultipartFormDataContent();
        if (update.Name is { } name)
        {
            form.Add(PlainText(name), "name");
        }

        if (update.Categories is { } categories)
        {
            form.Add(PlainText(SerializeCategories(categories)), "categories");
        }

        if (update.EndpointUri is { } endpoint)
        {
            form.Add(PlainText(endpoint.AbsoluteUri), "endpoint_uri");
        }

        using var request = invoker.CreateRequest(HttpMethod.Post, flowId, WhatsAppOperationKind.Manage, WhatsAppPermissions.FlowsManage);
        request.Content = form;
        await SendSuccessAsync(invoker, request, "update", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Uploads a flow's JSON with <c>POST /{flow-id}/assets</c> (multipart: <c>file</c> = flow.json, <c>name=flow.json</c>,
    /// <c>asset_type=FLOW_JSON</c>) and returns Meta's validation result.
    /// </summary>
    /// <param name="flowId">The flow id (a draft).</param>
    /// <param name="flowJson">The flow JSON (UTF-8), well-formed, at most <see cref="MaxFlowJsonBytes"/> bytes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether Meta stored it and the validation errors it found.</returns>
    /// <exception cref="WhatsAppValidationException">The flow id is invalid, or the JSON is empty, too large or not well-formed; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer was not the documented JSON.</exception>
    [WhatsAppPermission(WhatsAppPermissions.FlowsManage)]
    public virtual async Task<FlowJsonUploadResult> UploadFlowJsonAsync(string flowId, ReadOnlyMemory<byte> flowJson, CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        GraphApiInvoker.ValidateGraphId(flowId, "flowId");
        ValidateFlowJson(flowJson.Span);

        using var form = new MultipartFormDataContent();
        var file = new ReadOnlyMemoryContent(flowJson);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = "\"flow.json\"" };
        form.Add(file);
        form.Add(PlainText("flow.json"), "name");
        form.Add(PlainText("FLOW_JSON"), "asset_type");

        using var request = invoker.CreateRequest(HttpMethod.Post, flowId + "/assets", WhatsAppOperationKind.Manage, WhatsAppPermissions.FlowsManage);
        request.Content = form;
        var response = await invoker.SendAsync(request, FlowsJsonContext.Default.FlowSuccessResponse, cancellationToken).ConfigureAwait(false);
        return new FlowJsonUploadResult { Success = response.Success == true, ValidationErrors = FlowMapper.ToErrors(response.ValidationErrors) };
    }

    /// <summary>Uploads a flow's JSON given as a string; see <see cref="UploadFlowJsonAsync(string, ReadOnlyMemory{byte}, CancellationToken)"/>.</summary>
    /// <param name="flowId">The flow id (a draft).</param>
    /// <param name="flowJson">The flow JSON.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>Whether Meta stored it and the validation errors it found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="flowJson"/> is <see langword="null"/>.</exception>
    /// <exception cref="WhatsAppValidationException">The flow id is invalid, or the JSON is empty, too large or not well-formed; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer was not the documented JSON.</exception>
    [WhatsAppPermission(WhatsAppPermissions.FlowsManage)]
    public virtual Task<FlowJsonUploadResult> UploadFlowJsonAsync(string flowId, string flowJson, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(flowJson);
        return UploadFlowJsonAsync(flowId, Encoding.UTF8.GetBytes(flowJson), cancellationToken);
    }

    /// <summary>Publishes a flow with <c>POST /{flow-id}/publish</c>. Not reversible: the flow and its assets become immutable.</summary>
    /// <param name="flowId">The flow id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Meta confirmed it.</returns>
    /// <exception cref="WhatsAppValidationException">The flow id is not a plain Graph id; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error (for example validation errors remain).</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">Meta did not confirm it.</exception>
    [WhatsAppPermission(WhatsAppPermissions.FlowsManage)]
    public virtual Task PublishAsync(string flowId, CancellationToken cancellationToken = default) =>
        PostActionAsync(flowId, "/publish", "publication", cancellationToken);

    /// <summary>Deprecates a published flow with <c>POST /{flow-id}/deprecate</c>, so it can no longer be sent or opened. Not reversible.</summary>
    /// <param name="flowId">The flow id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Meta confirmed it.</returns>
    /// <exception cref="WhatsAppValidationException">The flow id is not a plain Graph id; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">Meta did not confirm it.</exception>
    [WhatsAppPermission(WhatsAppPermissions.FlowsManage)]
    public virtual Task DeprecateAsync(string flowId, CancellationToken cancellationToken = default) =>
        PostActionAsync(flowId, "/deprecate", "deprecation", cancellationToken);

    /// <summary>Deletes a flow with <c>DELETE /{flow-id}</c>. Only a <see cref="FlowStatus.Draft"/> flow can be deleted (Meta refuses others).</summary>
    /// <param name="flowId">The flow id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Meta confirmed the deletion.</returns>
    /// <exception cref="WhatsAppValidationException">The flow id is not a plain Graph id; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error (a published flow, for instance).</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">Meta did not confirm the deletion.</exception>
    [WhatsAppPermission(WhatsAppPermissions.FlowsManage)]
    public virtual async Task DeleteAsync(string flowId, CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        GraphApiInvoker.ValidateGraphId(flowId, "flowId");
        using var request = invoker.CreateRequest(HttpMethod.Delete, flowId, WhatsAppOperationKind.Delete, WhatsAppPermissions.FlowsManage);
        await SendSuccessAsync(invoker, request, "deletion", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Registers the business public key flow requests are encrypted with (<c>POST /{phone-number-id}/whatsapp_business_encryption</c>,
    /// <c>business_public_key</c>). It replaces the previous key of the number.
    /// </summary>
    /// <param name="publicKeyPem">The RSA public key in PEM (<c>-----BEGIN PUBLIC KEY-----</c>), 2048 bits or more.</param>
    /// <param name="phoneNumberId">The business phone number id; <see cref="WhatsAppClientOptions.PhoneNumberId"/> when not set.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when Meta confirmed it.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="publicKeyPem"/> is <see langword="null"/>.</exception>
    /// <exception cref="WhatsAppValidationException">The key is not an RSA public key PEM of at least 2048 bits (a private key is refused), or the phone number id is invalid; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">Meta did not confirm it.</exception>
    [WhatsAppPermission(WhatsAppPermissions.FlowsManage)]
    public virtual async Task SetBusinessPublicKeyAsync(string publicKeyPem, string? phoneNumberId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(publicKeyPem);
        var invoker = Invoker;
        var id = invoker.ResolvePhoneNumberId(phoneNumberId);
        var pem = ValidatePublicKey(publicKeyPem);

        // openapi setBusinessEncryptionPublicKey: multipart/form-data, field business_public_key.
        using var form = new MultipartFormDataContent { { PlainText(pem), "business_public_key" } };
        using var request = invoker.CreateRequest(HttpMethod.Post, id + "/whatsapp_business_encryption", WhatsAppOperationKind.Manage, WhatsAppPermissions.FlowsManage);
        request.Content = form;
        await SendSuccessAsync(invoker, request, "public key upload", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the business public key registered for a number and its signature status (<c>GET /{phone-number-id}/whatsapp_business_encryption</c>).</summary>
    /// <param name="phoneNumberId">The business phone number id; <see cref="WhatsAppClientOptions.PhoneNumberId"/> when not set.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The key (or none) and its status.</returns>
    /// <exception cref="WhatsAppValidationException">The phone number id is invalid; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer was not the documented JSON.</exception>
    [WhatsAppPermission(WhatsAppPermissions.FlowsRead)]
    public virtual async Task<BusinessEncryptionKey> GetBusinessPublicKeyAsync(string? phoneNumberId = null, CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        var id = invoker.ResolvePhoneNumberId(phoneNumberId);
        using var request = invoker.CreateRequest(HttpMethod.Get, id + "/whatsapp_business_encryption", WhatsAppOperationKind.Query, WhatsAppPermissions.FlowsRead);
        var response = await invoker.SendAsync(request, FlowsJsonContext.Default.BusinessEncryptionResponse, cancellationToken).ConfigureAwait(false);
        var key = response.Data is { Count: > 0 } data ? data[0].BusinessPublicKey : response.BusinessPublicKey;
        var status = response.Data is { Count: > 0 } d ? d[0].SignatureStatus : response.SignatureStatus;
        return new BusinessEncryptionKey { PublicKey = string.IsNullOrWhiteSpace(key) ? null : key, SignatureStatus = status };
    }

    private async Task PostActionAsync(string flowId, string suffix, string what, CancellationToken cancellationToken)
    {
        var invoker = Invoker;
        GraphApiInvoker.ValidateGraphId(flowId, "flowId");
        var permission = WhatsAppPermissions.FlowsManage;
        using var request = invoker.CreateRequest(HttpMethod.Post, flowId + suffix, WhatsAppOperationKind.Manage, permission);
        await SendSuccessAsync(invoker, request, what, cancellationToken).ConfigureAwait(false);
    }

    private static async Task SendSuccessAsync(GraphApiInvoker invoker, HttpRequestMessage request, string what, CancellationToken cancellationToken)
    {
        var response = await invoker.SendAsync(request, FlowsJsonContext.Default.FlowSuccessResponse, cancellationToken).ConfigureAwait(false);
        if (response.Success != true)
        {
            throw new WhatsAppUnexpectedResponseException(HttpStatusCode.OK, $"The WhatsApp Cloud API did not confirm the flow {what} (\"success\" was not true).");
        }
    }

    private string ResolveBusinessAccountId(string? businessAccountId)
    {
        var id = businessAccountId ?? Invoker.Options.BusinessAccountId;
        if (string.IsNullOrEmpty(id))
        {
            throw new WhatsAppValidationException("businessAccountId", "No WhatsApp Business Account id was given and WhatsAppClientOptions.BusinessAccountId is not set.");
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiDigit(c))
            {
                throw new WhatsAppValidationException("businessAccountId", "The WhatsApp Business Account id must be numeric.");
            }
        }

        if (id.Length > 32)
        {
            throw new WhatsAppValidationException("businessAccountId", "The WhatsApp Business Account id is longer than 32 digits.", 32);
        }

        return id;
    }

    private static void ValidateName(string? name, bool required)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            if (required)
            {
                throw new WhatsAppValidationException("name", "The flow name is required.");
            }

            return;
        }

        if (name.Length > MaxNameLength)
        {
            throw new WhatsAppValidationException("name", $"The flow name is longer than {MaxNameLength} characters.", MaxNameLength);
        }
    }

    private static void ValidateCategories(IReadOnlyList<string>? categories, bool required)
    {
        if (categories is null)
        {
            if (required)
            {
                throw new WhatsAppValidationException("categories", "At least one flow category is required.");
            }

            return;
        }

        if (categories.Count == 0)
        {
            throw new WhatsAppValidationException("categories", "At least one flow category is required.");
        }

        foreach (var category in categories)
        {
            if (string.IsNullOrEmpty(category) || category.Length > 64 || !category.All(static c => char.IsAsciiLetterUpper(c) || c == '_'))
            {
                throw new WhatsAppValidationException("categories", "A flow category must be an upper-case name such as SIGN_UP (see FlowCategories).", 64);
            }
        }
    }

    private static void ValidateEndpoint(Uri? endpoint)
    {
        if (endpoint is null)
        {
            return;
        }

        if (!endpoint.IsAbsoluteUri || endpoint.Scheme != Uri.UriSchemeHttps || !string.IsNullOrEmpty(endpoint.UserInfo))
        {
            throw new WhatsAppValidationException("endpointUri", "The flow endpoint must be an absolute https URL without user information.");
        }
    }

    private static void ValidateFlowJson(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty)
        {
            throw new WhatsAppValidationException("flowJson", "The flow JSON is empty.");
        }

        if (json.Length > MaxFlowJsonBytes)
        {
            throw new WhatsAppValidationException("flowJson", $"The flow JSON is larger than {MaxFlowJsonBytes} bytes.", MaxFlowJsonBytes);
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
        try
        {
            while (reader.Read())
            {
            }
        }
        catch (JsonException ex)
        {
            throw new WhatsAppValidationException("flowJson", $"The flow JSON is not well-formed (line {ex.LineNumber}, byte {ex.BytePositionInLine}).");
        }
    }

    private static string ValidatePublicKey(string pem)
    {
        var trimmed = pem.Trim();
        if (trimmed.Contains("PRIVATE KEY", StringComparison.OrdinalIgnoreCase))
        {
            // Never send (or echo) a private key.
            throw new WhatsAppValidationException("publicKeyPem", "This is a private key; register only the public key (-----BEGIN PUBLIC KEY-----).");
        }

        using var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(trimmed);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            throw new WhatsAppValidationException("publicKeyPem", "The business public key must be an RSA public key in PEM (-----BEGIN PUBLIC KEY-----).");
        }

        if (rsa.KeySize < 2048)
        {
            throw new WhatsAppValidationException("publicKeyPem", "The business public key must be at least 2048 bits.", 2048);
        }

        return trimmed;
    }

    private static string SerializeCategories(IReadOnlyList<string> categories) =>
        JsonSerializer.Serialize(categories.ToArray(), FlowsJsonContext.Default.StringArray);

    private static StringContent PlainText(string value)
    {
        var content = new StringContent(value);
        content.Headers.ContentType = null;
        return content;
    }
}
