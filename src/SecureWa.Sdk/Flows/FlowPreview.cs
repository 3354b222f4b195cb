namespace SecureWa.Sdk.Flows;

/// <summary>A web preview link of a flow.</summary>
public sealed class FlowPreview
{
    /// <summary>The preview URL; anyone holding it can open the preview until <see cref="ExpiresAt"/>, so treat it as a credential.</summary>
    public Uri? PreviewUrl { get; init; }

    /// <summary>When the link expires, when Meta says.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
}
