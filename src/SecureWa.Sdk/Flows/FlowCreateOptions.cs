namespace SecureWa.Sdk.Flows;

/// <summary>What <see cref="FlowsClient.CreateAsync"/> sends to <c>POST /{waba-id}/flows</c>.</summary>
public sealed class FlowCreateOptions
{
    /// <summary>Creates options for a flow named <paramref name="name"/>.</summary>
    /// <param name="name">The flow's name (required, at most <see cref="FlowsClient.MaxNameLength"/> characters).</param>
    /// <param name="categories">At least one category (see <see cref="FlowCategories"/>).</param>
    public FlowCreateOptions(string name, params IReadOnlyList<string> categories)
    {
        Name = name;
        Categories = categories;
    }

    /// <summary>The flow's name.</summary>
    public string Name { get; }

    /// <summary>The categories; at least one.</summary>
    public IReadOnlyList<string> Categories { get; }

    /// <summary>An existing flow to copy (<c>clone_flow_id</c>); the way to change a published flow.</summary>
    public string? CloneFlowId { get; init; }

    /// <summary>The data exchange endpoint (<c>endpoint_uri</c>); must be an absolute https URL.</summary>
    public Uri? EndpointUri { get; init; }
}
