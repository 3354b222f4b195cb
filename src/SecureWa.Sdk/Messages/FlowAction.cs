namespace SecureWa.Sdk.Messages;

/// <summary>The <c>flow_action</c> of an <see cref="InteractiveFlowMessage"/>.</summary>
public enum FlowAction
{
    /// <summary><c>navigate</c>: open the screen named in <see cref="InteractiveFlowMessage.Screen"/>.</summary>
    Navigate = 0,

    /// <summary><c>data_exchange</c>: ask your flow endpoint for the first screen.</summary>
    DataExchange,
}
