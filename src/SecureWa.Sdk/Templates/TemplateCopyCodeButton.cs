namespace SecureWa.Sdk.Templates;

/// <summary>A copy-code (coupon) button (<c>COPY_CODE</c>) of a marketing template; the code is given when the template is sent.</summary>
/// <param name="example">An example code (at most 15 characters).</param>
public sealed class TemplateCopyCodeButton(string example) : TemplateButtonDefinition(null)
{
    /// <inheritdoc />
    public override string Type => "COPY_CODE";

    /// <summary>The example code.</summary>
    public string Example { get; } = example;
}
