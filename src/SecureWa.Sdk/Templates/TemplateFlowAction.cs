namespace SecureWa.Sdk.Templates;

/// <summary>What a flow button does when tapped (<c>flow_action</c>).</summary>
public enum TemplateFlowAction
{
    /// <summary><c>navigate</c>: opens the screen named by <see cref="TemplateFlowButton.NavigateScreen"/>.</summary>
    Navigate = 0,

    /// <summary><c>data_exchange</c>: asks the flow's endpoint for the first screen.</summary>
    DataExchange,
}
