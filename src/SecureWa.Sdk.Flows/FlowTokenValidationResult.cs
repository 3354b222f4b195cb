namespace SecureWa.Sdk.Flows;

/// <summary>The result of validating a flow token.</summary>
public readonly record struct FlowTokenValidationResult
{
    /// <summary>The outcome.</summary>
    public FlowTokenValidationStatus Status { get; init; }

    /// <summary>Whether the token is valid.</summary>
    public bool IsValid => Status == FlowTokenValidationStatus.Valid;

    /// <summary>The application data bound into the token (only when the signature verified).</summary>
    public string? Subject { get; init; }

    /// <summary>When the token expires (only when the signature verified).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
