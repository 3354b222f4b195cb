namespace SecureWa.Sdk.Flows;

/// <summary>A flow as the Flows API describes it (<c>GET /{flow-id}</c> or one item of <c>GET /{waba-id}/flows</c>).</summary>
public sealed class WhatsAppFlow
{
    /// <summary>The flow id.</summary>
    public required string Id { get; init; }

    /// <summary>The flow's name.</summary>
    public string? Name { get; init; }

    /// <summary>The status; <see cref="FlowStatus.Unknown"/> for a value this SDK does not know (see <see cref="RawStatus"/>).</summary>
    public FlowStatus Status { get; init; }

    /// <summary>The status exactly as sent, such as <c>DRAFT</c>.</summary>
    public string? RawStatus { get; init; }

    /// <summary>The categories (see <see cref="FlowCategories"/>).</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>The problems Meta found in the flow JSON; empty when none (or when the field was not returned).</summary>
    public IReadOnlyList<FlowValidationError> ValidationErrors { get; init; } = [];

    /// <summary>The flow JSON version, such as <c>6.0</c>, when returned.</summary>
    public string? JsonVersion { get; init; }

    /// <summary>The data API version of the endpoint, such as <c>3.0</c>, when returned.</summary>
    public string? DataApiVersion { get; init; }

    /// <summary>The data exchange endpoint (<c>data_channel_uri</c> / <c>endpoint_uri</c>), when returned.</summary>
    public Uri? EndpointUri { get; init; }

    /// <summary>The preview link, when returned.</summary>
    public FlowPreview? Preview { get; init; }
}
