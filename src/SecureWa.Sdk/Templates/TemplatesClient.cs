using System.Net;
using System.Text.Json;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Paging;
using SecureWa.Sdk.Paging.Internal;
using SecureWa.Sdk.Templates.Internal;

namespace SecureWa.Sdk.Templates;

/// <summary>
/// Lists, reads, creates, edits and deletes message templates of a WhatsApp Business Account. Obtain it from
/// <see cref="WhatsAppClient.Templates"/>. Thread-safe and immutable.
/// </summary>
/// <remarks>
/// Templates are checked against Meta's documented rules before any request (name charset and length, category,
/// component counts and text limits, numbered or named variables each with an example, button kinds and counts), so a
/// definition that Meta would refuse fails fast with a <see cref="WhatsAppValidationException"/> naming the field.
/// Creating is not idempotent: an ambiguous failure is surfaced as <see cref="WhatsAppDeliveryUnknownException"/>,
/// never retried blindly.
/// </remarks>
public class TemplatesClient
{
    /// <summary>The largest page size of <see cref="ListAsync"/>.</summary>
    public const int MaxPageSize = 1000;

    private readonly GraphApiInvoker? _invoker;

    /// <summary>For mocking only.</summary>
    protected TemplatesClient()
    {
    }

    internal TemplatesClient(GraphApiInvoker invoker) => _invoker = invoker;

    private GraphApiInvoker Invoker => _invoker ?? throw new InvalidOperationException("This TemplatesClient was created for mocking; override the members you call.");

    /// <summary>Lists templates with <c>GET /{waba-id}/message_templates</c>, filtered and page by page.</summary>
    /// <param name="options">Filters (name, status, category, language), page size (at most <see cref="MaxPageSize"/>) and start cursor.</param>
    /// <param name="businessAccountId">The WABA id; <see cref="WhatsAppClientOptions.BusinessAccountId"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels every enumeration of the result.</param>
    /// <returns>The templates, read lazily.</returns>
    /// <exception cref="WhatsAppValidationException">A filter, the page size or the WABA id is invalid (thrown by this call, before any request).</exception>
    [WhatsAppPermission(WhatsAppPermissions.TemplatesRead)]
    public virtual WhatsAppPageable<MessageTemplate> ListAsync(TemplateListOptions? options = null, string? businessAccountId = null, CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        GraphApiInvoker.ValidatePageSize(options, MaxPageSize);
        if (options?.Language is { } language)
        {
            TemplateValidator.ValidateLanguage(language);
        }

        if (options?.Name is { Length: > TemplateLimits.NameMax })
        {
            throw new WhatsAppValidationException("name", $"The name filter is longer than {TemplateLimits.NameMax} characters.", TemplateLimits.NameMax);
        }

        var id = invoker.ResolveBusinessAccountId(businessAccountId);
        var query = new GraphQuery()
            .Add("name", options?.Name)
            .Add("status", options?.Status?.ToString())
            .Add("category", options?.Category?.ToString())
            .Add("language", options?.Language);
        return invoker.CreatePageable(id + "/message_templates", query, options, WhatsAppPermissions.TemplatesRead, TemplatesJsonContext.Default.GraphPageTemplateWire, Map, cancellationToken);
    }

    /// <summary>Reads a template with <c>GET /{template-id}</c>.</summary>
    /// <param name="templateId">The template id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The template.</returns>
    /// <exception cref="WhatsAppValidationException">The id is not a numeric Graph id; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer was not the documented JSON.</exception>
    [WhatsAppPermission(WhatsAppPermissions.TemplatesRead)]
    public virtual async Task<MessageTemplate> GetAsync(string templateId, CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        GraphApiInvoker.ValidateNumericId(templateId, "templateId");
        var wire = await invoker.SendJsonAsync(HttpMethod.Get, templateId, WhatsAppOperationKind.Query, WhatsAppPermissions.TemplatesRead, null, TemplatesJsonContext.Default.TemplateWire, cancellationToken).ConfigureAwait(false);
        wire.Id ??= templateId;
        return Map(wire);
    }

    /// <summary>
    /// Creates a template with <c>POST /{waba-id}/message_templates</c> and submits it for review. Not idempotent:
    /// only attempts that provably did not reach Meta are retried.
    /// </summary>
    /// <param name="definition">The template.</param>
    /// <param name="businessAccountId">The WABA id; <see cref="WhatsAppClientOptions.BusinessAccountId"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The new template's id, status and category.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is <see langword="null"/>.</exception>
    /// <exception cref="WhatsAppValidationException">The definition breaks a documented rule, or no WABA id; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error (such as a name already in use).</exception>
    /// <exception cref="WhatsAppDeliveryUnknownException">The outcome is unknown (the template may exist); list it before creating again.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer had no id.</exception>
    [WhatsAppPermission(WhatsAppPermissions.TemplatesManage)]
    public virtual async Task<TemplateCreateResult> CreateAsync(TemplateDefinition definition, string? businessAccountId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var invoker = Invoker;
        TemplateValidator.Validate(definition);
        var id = invoker.ResolveBusinessAccountId(businessAccountId);
        var body = TemplateWriter.Create(definition);
        var response = await invoker.SendJsonAsync(HttpMethod.Post, id + "/message_templates", WhatsAppOperationKind.Create, WhatsAppPermissions.TemplatesManage, body, TemplatesJsonContext.Default.TemplateCreateResponse, cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(response.Id))
        {
            throw new WhatsAppUnexpectedResponseException(HttpStatusCode.OK, "The WhatsApp Cloud API answered the template creation (HTTP 2xx) without an \"id\".");
        }

        return new TemplateCreateResult
        {
            Id = response.Id,
            Status = string.IsNullOrEmpty(response.Status) ? null : new TemplateStatus(response.Status),
            Category = string.IsNullOrEmpty(response.Category) ? null : new TemplateCategory(response.Category),
        };
    }

    /// <summary>
    /// Edits a template with <c>POST /{template-id}</c>: a new category and/or new components (which replace the old ones).
    /// Repeating an edit leaves the same template, so transient failures are retried.
    /// </summary>
    /// <param name="templateId">The template id.</param>
    /// <param name="edit">The changes.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the API confirmed the edit.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="edit"/> is <see langword="null"/>.</exception>
    /// <exception cref="WhatsAppValidationException">The id is invalid, or the edit changes nothing or breaks a documented rule; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error (such as the edit limit reached).</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer did not say <c>"success":true</c>.</exception>
    [WhatsAppPermission(WhatsAppPermissions.TemplatesManage)]
    public virtual async Task EditAsync(string templateId, TemplateEdit edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var invoker = Invoker;
        GraphApiInvoker.ValidateNumericId(templateId, "templateId");
        TemplateValidator.Validate(edit);
        var body = TemplateWriter.Edit(edit);
        await invoker.SendForSuccessAsync(HttpMethod.Post, templateId, WhatsAppOperationKind.Manage, WhatsAppPermissions.TemplatesManage, body, TemplatesJsonContext.Default.GraphSuccessResponse, "the template edit", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes a template with <c>DELETE /{waba-id}/message_templates?name=…</c>: every language of the name, or, with
    /// <paramref name="templateId"/> (<c>hsm_id</c>), only that one. A deleted name cannot be reused for 30 days.
    /// </summary>
    /// <param name="name">The template name.</param>
    /// <param name="templateId">The id of the one template (language) to delete, or <see langword="null"/> for all of the name.</param>
    /// <param name="businessAccountId">The WABA id; <see cref="WhatsAppClientOptions.BusinessAccountId"/> when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the API confirmed the deletion.</returns>
    /// <exception cref="WhatsAppValidationException">The name or an id is invalid; nothing was sent.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer did not say <c>"success":true</c>.</exception>
    [WhatsAppPermission(WhatsAppPermissions.TemplatesManage)]
    public virtual async Task DeleteAsync(string name, string? templateId = null, string? businessAccountId = null, CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        TemplateValidator.ValidateName(name, "name");
        if (templateId is not null)
        {
            GraphApiInvoker.ValidateNumericId(templateId, "hsm_id");
        }

        var id = invoker.ResolveBusinessAccountId(businessAccountId);
        var query = new GraphQuery().Add("name", name).Add("hsm_id", templateId);
        await invoker.SendForSuccessAsync(HttpMethod.Delete, id + "/message_templates" + query, WhatsAppOperationKind.Delete, WhatsAppPermissions.TemplatesManage, null, TemplatesJsonContext.Default.GraphSuccessResponse, "the template deletion", cancellationToken).ConfigureAwait(false);
    }

    private static MessageTemplate Map(TemplateWire wire)
    {
        string? bodyText = null;
        var components = wire.Components ?? [];
        foreach (var component in components)
        {
            if (component.ValueKind == JsonValueKind.Object
                && component.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                && string.Equals(type.GetString(), "BODY", StringComparison.OrdinalIgnoreCase)
                && component.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
            {
                bodyText = text.GetString();
                break;
            }
        }

        return new MessageTemplate
        {
            Id = wire.Id ?? string.Empty,
            Name = wire.Name,
            Language = wire.Language,
            Status = string.IsNullOrEmpty(wire.Status) ? null : new TemplateStatus(wire.Status),
            Category = string.IsNullOrEmpty(wire.Category) ? null : new TemplateCategory(wire.Category),
            PreviousCategory = string.IsNullOrEmpty(wire.PreviousCategory) ? null : new TemplateCategory(wire.PreviousCategory),
            ParameterFormat = wire.ParameterFormat,
            RejectedReason = wire.RejectedReason,
            QualityScore = string.IsNullOrEmpty(wire.QualityScore?.Score) ? null : new TemplateQualityScore(wire.QualityScore.Score),
            Components = components.Where(static c => c.ValueKind == JsonValueKind.Object).ToArray(),
            BodyText = bodyText,
        };
    }
}
