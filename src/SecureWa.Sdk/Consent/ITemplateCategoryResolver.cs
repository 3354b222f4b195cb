namespace SecureWa.Sdk.Consent;

/// <summary>
/// Supplies a template's category (<see cref="Messages.TemplateCategory"/>) when the message does not carry one, e.g.
/// from the Templates API. The consent policy caches answers for <see cref="ConsentOptions.TemplateCategoryCacheDuration"/>.
/// </summary>
public interface ITemplateCategoryResolver
{
    /// <summary>The category of the template, or <see langword="null"/> when unknown (then treated as marketing).</summary>
    /// <param name="templateName">The template name.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The category, or <see langword="null"/>.</returns>
    ValueTask<string?> GetCategoryAsync(string templateName, CancellationToken cancellationToken = default);
}
