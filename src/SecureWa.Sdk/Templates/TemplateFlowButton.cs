namespace SecureWa.Sdk.Templates;

/// <summary>A button that opens a WhatsApp Flow (<c>FLOW</c>), named by exactly one of flow id, flow name or flow JSON.</summary>
/// <param name="text">The label (at most 25 characters).</param>
public sealed class TemplateFlowButton(string text) : TemplateButtonDefinition(text)
{
    /// <inheritdoc />
    public override string Type => "FLOW";

    /// <summary>The published flow's id (<c>flow_id</c>).</summary>
    public string? FlowId { get; init; }

    /// <summary>The flow's name (<c>flow_name</c>).</summary>
    public string? FlowName { get; init; }

    /// <summary>The flow's JSON, to create the flow with the template (<c>flow_json</c>).</summary>
    public string? FlowJson { get; init; }

    /// <summary>What the button does; <see cref="TemplateFlowAction.Navigate"/> by default.</summary>
    public TemplateFlowAction FlowAction { get; init; }

    /// <summary>The first screen for <see cref="TemplateFlowAction.Navigate"/> (<c>navigate_screen</c>).</summary>
    public string? NavigateScreen { get; init; }
}
