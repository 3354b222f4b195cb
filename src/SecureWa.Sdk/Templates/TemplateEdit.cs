namespace SecureWa.Sdk.Templates;

/// <summary>
/// The changes of a template edit (<see cref="TemplatesClient.EditAsync"/>): a new category and/or new components (they
/// replace all the old ones). Only approved, rejected or paused templates can be edited, within Meta's edit limits.
/// </summary>
public sealed class TemplateEdit
{
    /// <summary>The new category, or <see langword="null"/> to keep it.</summary>
    public TemplateCategory? Category { get; init; }

    /// <summary>The new components (all of them), or <see langword="null"/> to keep them.</summary>
    public IReadOnlyList<TemplateDefinitionComponent>? Components { get; init; }

    /// <summary>How the new components' variables are written.</summary>
    public TemplateParameterFormat ParameterFormat { get; init; }

    /// <summary>The new message time-to-live in seconds, or <see langword="null"/> to keep it.</summary>
    public int? MessageSendTtlSeconds { get; init; }
}
