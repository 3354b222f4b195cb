namespace SecureWa.Sdk.Templates;

/// <summary>The buttons of a template (<c>{"type":"BUTTONS","buttons":[…]}</c>): at most 10 in all.</summary>
/// <param name="buttons">The buttons, in display order.</param>
public sealed class TemplateButtonsDefinition(params IReadOnlyList<TemplateButtonDefinition> buttons) : TemplateDefinitionComponent
{
    /// <inheritdoc />
    public override string Type => "BUTTONS";

    /// <summary>The buttons, in display order.</summary>
    public IReadOnlyList<TemplateButtonDefinition> Buttons { get; } = buttons ?? [];
}
