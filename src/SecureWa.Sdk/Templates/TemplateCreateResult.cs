namespace SecureWa.Sdk.Templates;

/// <summary>The answer to a template creation: <c>{"id","status","category"}</c>.</summary>
public sealed class TemplateCreateResult
{
    /// <summary>The new template's id (its <c>hsm_id</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The review status, usually <see cref="TemplateStatus.Pending"/> (or <see cref="TemplateStatus.Approved"/> right away).</summary>
    public TemplateStatus? Status { get; init; }

    /// <summary>The category Meta assigned, which may differ from the one asked for.</summary>
    public TemplateCategory? Category { get; init; }

    /// <summary>A description: id, status and category.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"TemplateCreateResult {Id} {Status} {Category}";
}
