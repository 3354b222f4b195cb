using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Serialization.Metadata;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Paging;
using SecureWa.Sdk.Paging.Internal;
using SecureWa.Sdk.Serialization;

namespace SecureWa.Sdk.Http.Internal;

/// <summary>The management APIs' helpers: the WABA id, JSON writes, <c>{"success":true}</c> answers and cursor paging.</summary>
internal sealed partial class GraphApiInvoker
{
    /// <summary>The longest numeric Graph id accepted (as <see cref="WhatsAppClientOptions.PhoneNumberId"/>).</summary>
    internal const int MaxNumericIdLength = 32;

    /// <summary>Resolves the WhatsApp Business Account id for a call: the argument, else the configured default.</summary>
    /// <exception cref="WhatsAppValidationException">Neither is set, or the id is not numeric.</exception>
    public string ResolveBusinessAccountId(string? businessAccountId)
    {
        var id = businessAccountId ?? Options.BusinessAccountId;
        if (string.IsNullOrEmpty(id))
        {
            throw new WhatsAppValidationException("businessAccountId", "No WhatsApp Business Account id was given and WhatsAppClientOptions.BusinessAccountId is not set.");
        }

        ValidateNumericId(id, "businessAccountId");
        return id;
    }

    /// <summary>Checks that an id is a numeric Graph id (1 to 32 ASCII digits), as phone number and WABA ids are.</summary>
    /// <exception cref="WhatsAppValidationException">The id is empty, too long or not all digits.</exception>
    public static void ValidateNumericId(string? id, string field)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw new WhatsAppValidationException(field, $"'{field}' is required.");
        }

        if (id.Length > MaxNumericIdLength)
        {
            throw new WhatsAppValidationException(field, $"'{field}' is longer than {MaxNumericIdLength} digits.", MaxNumericIdLength);
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiDigit(c))
            {
                throw new WhatsAppValidationException(field, $"'{field}' must be a numeric Graph id (digits only).");
            }
        }
    }

    /// <summary>Checks a page size against 1..<paramref name="max"/>.</summary>
    /// <exception cref="WhatsAppValidationException">The page size is out of range.</exception>
    public static void ValidatePageSize(WhatsAppListOptions? options, int max)
    {
        if (options?.PageSize is { } size && (size < 1 || size > max))
        {
            throw new WhatsAppValidationException("limit", $"The page size must be between 1 and {max}.", max);
        }
    }

    /// <summary>Sends a request with an optional JSON body and reads the answer as <typeparamref name="T"/>.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pathAndQuery">The path (and query) under the version root. Never a secret: URLs get logged by proxies.</param>
    /// <param name="operation">The resilience kind.</param>
    /// <param name="permission">The permission of the public operation.</param>
    /// <param name="body">The JSON body, or <see langword="null"/>. Cleared once the call ends (it may hold a PIN).</param>
    /// <param name="responseType">The answer's type info.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<T> SendJsonAsync<T>(HttpMethod method, string pathAndQuery, WhatsAppOperationKind operation, string permission, byte[]? body, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        try
        {
            using var request = CreateRequest(method, pathAndQuery, operation, permission);
            if (body is not null)
            {
                request.Content = JsonBody.ToContent(body);
            }

            return await SendAsync(request, responseType, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (body is not null)
            {
                CryptographicOperations.ZeroMemory(body);
            }
        }
    }

    /// <summary>Sends a write and requires <c>{"success":true}</c>.</summary>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer did not say <c>"success":true</c>.</exception>
    public async Task<GraphSuccessResponse> SendForSuccessAsync(HttpMethod method, string pathAndQuery, WhatsAppOperationKind operation, string permission, byte[]? body, JsonTypeInfo<GraphSuccessResponse> responseType, string what, CancellationToken cancellationToken)
    {
        var response = await SendJsonAsync(method, pathAndQuery, operation, permission, body, responseType, cancellationToken).ConfigureAwait(false);
        if (response.Success != true)
        {
            throw new WhatsAppUnexpectedResponseException(HttpStatusCode.OK, $"The WhatsApp Cloud API answered {what} (HTTP 2xx) without \"success\":true.");
        }

        return response;
    }

    /// <summary>
    /// A lazy, cursor-paged GET of <paramref name="path"/>: each page is requested on this client's base address with
    /// <paramref name="query"/>, <c>limit</c> and <c>after</c>; a <c>paging.next</c> URL is never requested.
    /// </summary>
    public WhatsAppPageable<T> CreatePageable<TWire, T>(string path, GraphQuery query, WhatsAppListOptions? options, string permission, JsonTypeInfo<GraphPage<TWire>> pageType, Func<TWire, T> map, CancellationToken callToken)
        where TWire : class
    {
        var pageSize = options?.PageSize;
        return new WhatsAppPageable<T>(
            async (cursor, cancellationToken) =>
            {
                var pageQuery = query.Clone().Add("limit", pageSize).Add("after", cursor);
                using var request = CreateRequest(HttpMethod.Get, path + pageQuery, WhatsAppOperationKind.Query, permission);
                var wire = await SendAsync(request, pageType, cancellationToken).ConfigureAwait(false);
                var items = new List<T>(wire.Data?.Count ?? 0);
                foreach (var item in wire.Data ?? [])
                {
                    if (item is not null)
                    {
                        items.Add(map(item));
                    }
                }

                return new WhatsAppPage<T>(items, PagingCursor.NextCursor(wire.Paging, items.Count));
            },
            options?.After,
            callToken);
    }
}
