namespace SecureWa.Sdk.Templates;

/// <summary>A message template to create with <see cref="TemplatesClient.CreateAsync"/>.</summary>
/// <example>
/// <code>
/// var definition = new TemplateDefinition("order_shipped", "en_US", TemplateCategory.Utility,
///     new TemplateBodyDefinition("Hi {{1}}, order {{2}} has shipped.", "Pablo", "860198-230332"),
///     new TemplateButtonsDefinition(new TemplateUrlButton("Track", "https://example.com/track/{{1}}", "860198")));
/// </code>
/// </example>
/// <param name="name">The name: lowercase letters, digits and underscores, at most 512 characters.</param>
/// <param name="language">The language code, such as <c>en_US</c>.</param>
/// <param name="category">The category: <see cref="TemplateCategory.Marketing"/>, <see cref="TemplateCategory.Utility"/> or <see cref="TemplateCategory.Authentication"/>.</param>
/// <param name="components">The components: exactly one body, at most one header, footer, buttons, carousel and limited-time offer.</param>
public sealed class TemplateDefinition(string name, string language, TemplateCategory category, params IReadOnlyList<TemplateDefinitionComponent> components)
{
    /// <summary>The name.</summary>
    public string Name { get; } = name;

    /// <summary>The language code.</summary>
    public string Language { get; } = language;

    /// <summary>The category.</summary>
    public TemplateCategory Category { get; } = category;

    /// <summary>The components, in order.</summary>
    public IReadOnlyList<TemplateDefinitionComponent> Components { get; } = components ?? [];

    /// <summary>How the variables are written; <see cref="TemplateParameterFormat.Positional"/> by default.</summary>
    public TemplateParameterFormat ParameterFormat { get; init; }

    /// <summary>
    /// How long WhatsApp keeps trying to deliver a message of this template (<c>message_send_ttl_seconds</c>):
    /// 30 to 900 seconds for authentication, 30 to 43,200 (12 hours) for utility and marketing; the default when <see langword="null"/>.
    /// </summary>
    public int? MessageSendTtlSeconds { get; init; }

    /// <summary>A description: name, language and category.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"TemplateDefinition {Name} ({Language}, {Category})";
}
