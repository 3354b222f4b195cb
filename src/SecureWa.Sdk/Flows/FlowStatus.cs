namespace SecureWa.Sdk.Flows;

/// <summary>The life-cycle status of a flow, as the Flows API reports it.</summary>
public enum FlowStatus
{
    /// <summary>A status this SDK version does not know (kept rather than dropped); see <see cref="WhatsAppFlow.RawStatus"/>.</summary>
    Unknown = 0,

    /// <summary>Under development: can only be sent in draft mode for testing; can be edited and deleted.</summary>
    Draft,

    /// <summary>Published: can be sent to customers; immutable, cannot be deleted (only deprecated).</summary>
    Published,

    /// <summary>Deprecated: can no longer be sent or opened.</summary>
    Deprecated,

    /// <summary>Blocked by Meta's endpoint health monitoring: cannot be sent or opened until the endpoint is fixed.</summary>
    Blocked,

    /// <summary>Throttled by Meta's endpoint health monitoring: only a few messages per hour may be sent.</summary>
    Throttled,
}
