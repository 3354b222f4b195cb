namespace SecureWa.Sdk.Messages;

/// <summary>The <c>type</c> of a <see cref="TemplateComponent"/>.</summary>
public enum TemplateComponentType
{
    /// <summary><c>header</c>.</summary>
    Header = 0,

    /// <summary><c>body</c>.</summary>
    Body,

    /// <summary><c>button</c>.</summary>
    Button,
}
