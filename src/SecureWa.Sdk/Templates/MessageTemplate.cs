using System.Text.Json;

namespace SecureWa.Sdk.Templates;

/// <summary>A message template as <c>GET /{template-id}</c> and <c>GET /{waba-id}/message_templates</c> return it.</summary>
public sealed class MessageTemplate
{
    /// <summary>The template id.</summary>
    public required string Id { get; init; }

    /// <summary>The name.</summary>
    public string? Name { get; init; }

    /// <summary>The language code.</summary>
    public string? Language { get; init; }

    /// <summary>The review status.</summary>
    public TemplateStatus? Status { get; init; }

    /// <summary>The category.</summary>
    public TemplateCategory? Category { get; init; }

    /// <summary>The category before Meta changed it (<c>previous_category</c>), when it did.</summary>
    public TemplateCategory? PreviousCategory { get; init; }

    /// <summary>How the variables are written (<c>parameter_format</c>), when the API says.</summary>
    public string? ParameterFormat { get; init; }

    /// <summary>Why the template was rejected (<c>rejected_reason</c>), such as <c>INVALID_FORMAT</c>; <c>NONE</c> otherwise.</summary>
    public string? RejectedReason { get; init; }

    /// <summary>The quality score (<c>quality_score.score</c>), when the API says.</summary>
    public TemplateQualityScore? QualityScore { get; init; }

    /// <summary>The components exactly as the API returned them (<c>components</c>), one JSON object each.</summary>
    public IReadOnlyList<JsonElement> Components { get; init; } = [];

    /// <summary>The body text (the <c>BODY</c> component's <c>text</c>), when there is one.</summary>
    public string? BodyText { get; init; }

    /// <summary>A description: id, name, language, status and category.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"MessageTemplate {Id} {Name} ({Language}) {Status} {Category}";
}
