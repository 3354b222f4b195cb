namespace SecureWa.Sdk.Templates;

/// <summary>A website button (<c>URL</c>): an http(s) URL of at most 2,000 characters, optionally ending with one variable <c>{{1}}</c>.</summary>
/// <param name="text">The label (at most 25 characters).</param>
/// <param name="url">The URL, such as <c>https://example.com/track/{{1}}</c>.</param>
/// <param name="example">The example of the URL's variable (required when it has one): a full example URL or the value.</param>
public sealed class TemplateUrlButton(string text, string url, string? example = null) : TemplateButtonDefinition(text)
{
    /// <inheritdoc />
    public override string Type => "URL";

    /// <summary>The URL.</summary>
    public string Url { get; } = url;

    /// <summary>The example of the URL's variable.</summary>
    public string? Example { get; } = example;
}
