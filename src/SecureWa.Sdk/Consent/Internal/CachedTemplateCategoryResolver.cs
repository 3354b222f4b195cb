using System.Collections.Concurrent;

namespace SecureWa.Sdk.Consent.Internal;

/// <summary>Caches an app-supplied <see cref="ITemplateCategoryResolver"/> (known answers only; bounded).</summary>
internal sealed class CachedTemplateCategoryResolver(ITemplateCategoryResolver inner, TimeSpan duration, TimeProvider timeProvider)
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (string Category, long ExpiresAt)> _cache = new(StringComparer.Ordinal);

    public async ValueTask<string?> GetCategoryAsync(string templateName, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().UtcTicks;
        if (_cache.TryGetValue(templateName, out var cached) && cached.ExpiresAt > now)
        {
            return cached.Category;
        }

        var category = await inner.GetCategoryAsync(templateName, cancellationToken).ConfigureAwait(false);
        if (category is not null)
        {
            if (_cache.Count >= MaxEntries)
            {
                _cache.Clear();
            }

            _cache[templateName] = (category, now + duration.Ticks);
        }

        return category;
    }
}
