namespace SecureWa.Sdk.Templates;

/// <summary>A template header (<c>{"type":"HEADER","format":…}</c>): text, media or location. Build it with the factory methods.</summary>
public sealed class TemplateHeaderDefinition : TemplateDefinitionComponent
{
    private TemplateHeaderDefinition(TemplateHeaderFormat format)
    {
        Format = format;
    }

    /// <inheritdoc />
    public override string Type => "HEADER";

    /// <summary>The header kind.</summary>
    public TemplateHeaderFormat Format { get; }

    /// <summary>The text of a <see cref="TemplateHeaderFormat.Text"/> header (at most 60 characters, at most one variable).</summary>
    public string? Text { get; private init; }

    /// <summary>The example of a positional variable of the text (<c>example.header_text</c>).</summary>
    public string? Example { get; private init; }

    /// <summary>The example of a named variable of the text (<c>example.header_text_named_params</c>).</summary>
    public TemplateNamedExample? NamedExample { get; private init; }

    /// <summary>The uploaded media handle exampling a media header (<c>example.header_handle</c>), from the Resumable Upload API.</summary>
    public string? MediaHandle { get; private init; }

    /// <summary>A text header.</summary>
    /// <param name="text">The text, such as <c>Our {{1}} is on!</c>.</param>
    /// <param name="example">The example of its variable, when it has one.</param>
    /// <returns>The header.</returns>
    public static TemplateHeaderDefinition FromText(string text, string? example = null) =>
        new(TemplateHeaderFormat.Text) { Text = text, Example = example };

    /// <summary>A text header with a named variable (for <see cref="TemplateParameterFormat.Named"/> templates).</summary>
    /// <param name="text">The text, such as <c>Our {{sale_name}} is on!</c>.</param>
    /// <param name="example">The example of its variable.</param>
    /// <returns>The header.</returns>
    public static TemplateHeaderDefinition FromText(string text, TemplateNamedExample example) =>
        new(TemplateHeaderFormat.Text) { Text = text, NamedExample = example };

    /// <summary>An image header.</summary>
    /// <param name="mediaHandle">The uploaded example's handle.</param>
    /// <returns>The header.</returns>
    public static TemplateHeaderDefinition Image(string mediaHandle) => new(TemplateHeaderFormat.Image) { MediaHandle = mediaHandle };

    /// <summary>A video header.</summary>
    /// <param name="mediaHandle">The uploaded example's handle.</param>
    /// <returns>The header.</returns>
    public static TemplateHeaderDefinition Video(string mediaHandle) => new(TemplateHeaderFormat.Video) { MediaHandle = mediaHandle };

    /// <summary>A document header.</summary>
    /// <param name="mediaHandle">The uploaded example's handle.</param>
    /// <returns>The header.</returns>
    public static TemplateHeaderDefinition Document(string mediaHandle) => new(TemplateHeaderFormat.Document) { MediaHandle = mediaHandle };

    /// <summary>A location header (the location is given when the template is sent).</summary>
    /// <returns>The header.</returns>
    public static TemplateHeaderDefinition Location() => new(TemplateHeaderFormat.Location);
}
