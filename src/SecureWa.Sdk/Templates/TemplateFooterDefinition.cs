namespace SecureWa.Sdk.Templates;

/// <summary>A template footer (<c>{"type":"FOOTER","text":…}</c>): at most 60 characters, no variables; for authentication templates, the code expiry.</summary>
public sealed class TemplateFooterDefinition : TemplateDefinitionComponent
{
    /// <summary>A text footer.</summary>
    /// <param name="text">The text (at most 60 characters, no variables).</param>
    public TemplateFooterDefinition(string text)
    {
        Text = text;
    }

    private TemplateFooterDefinition()
    {
    }

    /// <inheritdoc />
    public override string Type => "FOOTER";

    /// <summary>The text; <see langword="null"/> for an authentication footer.</summary>
    public string? Text { get; private init; }

    /// <summary>For an authentication footer: the code's validity in minutes, 1 to 90 (<c>code_expiration_minutes</c>).</summary>
    public int? CodeExpirationMinutes { get; private init; }

    /// <summary>The footer of an authentication template: "This code expires in N minutes."</summary>
    /// <param name="codeExpirationMinutes">The code's validity in minutes (1 to 90).</param>
    /// <returns>The footer.</returns>
    public static TemplateFooterDefinition Authentication(int codeExpirationMinutes) => new() { CodeExpirationMinutes = codeExpirationMinutes };
}
