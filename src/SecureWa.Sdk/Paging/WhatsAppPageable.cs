using System.Net;
using System.Runtime.CompilerServices;
using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Paging;

/// <summary>
/// A Graph list read lazily, page by page, over <c>paging.cursors.after</c>. Enumerate it with <c>await foreach</c> for
/// the items, or call <see cref="AsPages"/> for the pages (and their cursors). Each enumeration starts again from the
/// first page; nothing is requested until enumeration starts.
/// </summary>
/// <remarks>
/// The next page is always requested on the client's own base address and API version, rebuilt from the cursor: a
/// <c>paging.next</c> URL in a response is never followed (it could name another host). A cursor returned twice stops
/// the listing with a <see cref="WhatsAppUnexpectedResponseException"/> rather than loop.
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
/// <example>
/// <code>
/// await foreach (var template in client.Templates.ListAsync(new TemplateListOptions { Status = TemplateStatus.Approved }))
/// {
///     Console.WriteLine(template.Name);
/// }
/// </code>
/// </example>
public class WhatsAppPageable<T> : IAsyncEnumerable<T>
{
    private readonly Func<string?, CancellationToken, Task<WhatsAppPage<T>>>? _fetchPage;
    private readonly string? _start;
    private readonly CancellationToken _callToken;

    /// <summary>For mocking only: override <see cref="AsPages"/>.</summary>
    protected WhatsAppPageable()
    {
    }

    /// <summary>Creates a pageable over a page fetcher.</summary>
    /// <param name="fetchPage">Fetches the page after a cursor (<see langword="null"/>: the first page).</param>
    /// <param name="start">The cursor to start after.</param>
    /// <param name="callToken">The token given to the list call; it cancels every enumeration, together with the enumeration's own.</param>
    internal WhatsAppPageable(Func<string?, CancellationToken, Task<WhatsAppPage<T>>> fetchPage, string? start, CancellationToken callToken)
    {
        _fetchPage = fetchPage;
        _start = string.IsNullOrEmpty(start) ? null : start;
        _callToken = callToken;
    }

    /// <summary>Reads the list page by page.</summary>
    /// <param name="cancellationToken">Cancels the listing (also passed by <c>WithCancellation</c>); the list call's own token cancels it too.</param>
    /// <returns>The pages, the last one with a <see langword="null"/> <see cref="WhatsAppPage{T}.ContinuationToken"/>.</returns>
    /// <exception cref="WhatsAppApiException">The Graph API answered a page with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">A page was not the documented JSON, or a cursor repeated.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public virtual async IAsyncEnumerable<WhatsAppPage<T>> AsPages([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var fetch = _fetchPage ?? throw new InvalidOperationException("This WhatsAppPageable was created for mocking; override AsPages.");
        using var linked = _callToken.CanBeCanceled && cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(_callToken, cancellationToken)
            : null;
        cancellationToken = linked?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : _callToken);
        var after = _start;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (after is not null)
        {
            seen.Add(after);
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await fetch(after, cancellationToken).ConfigureAwait(false);
            yield return page;
            var next = page.ContinuationToken;
            if (next is null)
            {
                yield break;
            }

            if (!seen.Add(next))
            {
                throw new WhatsAppUnexpectedResponseException(HttpStatusCode.OK, "The Graph API returned a paging cursor it had already returned; the listing was stopped rather than loop.");
            }

            after = next;
        }
    }

    /// <summary>Enumerates the items of every page, requesting pages as they are needed.</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The enumerator.</returns>
    public virtual async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages(cancellationToken).ConfigureAwait(false))
        {
            foreach (var item in page.Items)
            {
                yield return item;
            }
        }
    }
}
