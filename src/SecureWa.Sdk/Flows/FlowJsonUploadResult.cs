namespace SecureWa.Sdk.Flows;

/// <summary>The answer to a flow JSON upload (<c>POST /{flow-id}/assets</c>).</summary>
public sealed class FlowJsonUploadResult
{
    /// <summary>Whether Meta stored the asset. It may be stored with validation errors, in which case the flow cannot be published.</summary>
    public bool Success { get; init; }

    /// <summary>The problems Meta found; empty when the JSON is valid.</summary>
    public IReadOnlyList<FlowValidationError> ValidationErrors { get; init; } = [];
}
