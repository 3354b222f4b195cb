namespace SecureWa.Sdk.Templates;

/// <summary>
/// A template body (<c>{"type":"BODY","text":…,"example":…}</c>): at most 1,024 characters, with variables numbered
/// <c>{{1}}</c>…<c>{{n}}</c> (or named, for <see cref="TemplateParameterFormat.Named"/>), each with an example. For an
/// authentication template use <see cref="Authentication"/>: Meta writes the text.
/// </summary>
public sealed class TemplateBodyDefinition : TemplateDefinitionComponent
{
    /// <summary>A body with positional variables (or none).</summary>
    /// <param name="text">The text, such as <c>Hi {{1}}, your order {{2}} has shipped.</c>.</param>
    /// <param name="examples">One example per variable, in order (<c>example.body_text</c>).</param>
    public TemplateBodyDefinition(string text, params IReadOnlyList<string> examples)
    {
        Text = text;
        Examples = examples ?? [];
        NamedExamples = [];
    }

    /// <summary>A body with named variables.</summary>
    /// <param name="text">The text, such as <c>Hi {{first_name}}!</c>.</param>
    /// <param name="namedExamples">One example per variable (<c>example.body_text_named_params</c>).</param>
    public TemplateBodyDefinition(string text, IReadOnlyList<TemplateNamedExample> namedExamples)
    {
        Text = text;
        Examples = [];
        NamedExamples = namedExamples ?? [];
    }

    private TemplateBodyDefinition()
    {
        Examples = [];
        NamedExamples = [];
    }

    /// <inheritdoc />
    public override string Type => "BODY";

    /// <summary>The text; <see langword="null"/> for an authentication body.</summary>
    public string? Text { get; private init; }

    /// <summary>The examples of positional variables, in order.</summary>
    public IReadOnlyList<string> Examples { get; }

    /// <summary>The examples of named variables.</summary>
    public IReadOnlyList<TemplateNamedExample> NamedExamples { get; }

    /// <summary>For an authentication body: whether to add "For your security, do not share this code." (<c>add_security_recommendation</c>).</summary>
    public bool? AddSecurityRecommendation { get; private init; }

    /// <summary>The body of an authentication template: Meta's fixed text, with or without the security recommendation.</summary>
    /// <param name="addSecurityRecommendation">Whether to add the security recommendation.</param>
    /// <returns>The body.</returns>
    public static TemplateBodyDefinition Authentication(bool addSecurityRecommendation = true) => new() { AddSecurityRecommendation = addSecurityRecommendation };
}
