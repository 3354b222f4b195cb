namespace SecureWa.Sdk.Flows;

/// <summary>What <see cref="FlowsClient.UpdateMetadataAsync"/> changes (<c>POST /{flow-id}</c>); unset members stay as they are.</summary>
public sealed class FlowMetadataUpdate
{
    /// <summary>A new name.</summary>
    public string? Name { get; init; }

    /// <summary>New categories (replacing the old ones); at least one when set.</summary>
    public IReadOnlyList<string>? Categories { get; init; }

    /// <summary>A new data exchange endpoint; must be an absolute https URL.</summary>
    public Uri? EndpointUri { get; init; }
}
