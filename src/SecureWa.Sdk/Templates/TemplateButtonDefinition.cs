namespace SecureWa.Sdk.Templates;

/// <summary>
/// A button of a template being created: <see cref="TemplateQuickReplyButton"/>, <see cref="TemplateUrlButton"/>,
/// <see cref="TemplatePhoneNumberButton"/>, <see cref="TemplateCopyCodeButton"/>, <see cref="TemplateFlowButton"/>,
/// <see cref="TemplateOtpButton"/>, <see cref="TemplateCatalogButton"/> or <see cref="TemplateMultiProductButton"/>.
/// </summary>
public abstract class TemplateButtonDefinition
{
    /// <summary>Only the SDK's button types derive from this class.</summary>
    /// <param name="text">The label (at most 25 characters), or <see langword="null"/> where the button has none.</param>
    private protected TemplateButtonDefinition(string? text)
    {
        Text = text;
    }

    /// <summary>The wire type, such as <c>QUICK_REPLY</c>.</summary>
    public abstract string Type { get; }

    /// <summary>The label (at most 25 characters).</summary>
    public string? Text { get; }

    /// <summary>A description: the wire type.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Type;
}
