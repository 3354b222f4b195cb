namespace SecureWa.Sdk.Flows;

/// <summary>The <c>action</c> of a flow data exchange request.</summary>
public enum FlowRequestAction
{
    /// <summary>An action this SDK version does not know; see <see cref="WhatsAppFlowRequest.RawAction"/>.</summary>
    Unknown = 0,

    /// <summary><c>ping</c>: Meta's health check. The endpoint answers it itself; handlers never see it.</summary>
    Ping,

    /// <summary><c>INIT</c>: the flow was opened (sent with <c>flow_action=data_exchange</c>); answer with the first screen.</summary>
    Init,

    /// <summary><c>data_exchange</c>: a screen submitted data; answer with the next screen, an error message, or close the flow.</summary>
    DataExchange,

    /// <summary><c>BACK</c>: the customer went back to a screen with <c>refresh_on_back</c>; answer with its data.</summary>
    Back,

    /// <summary><c>navigate</c>: sent with an error notification when a navigate flow's screen is not in its routing model.</summary>
    Navigate,
}
