using System.ComponentModel.DataAnnotations;

namespace SecureWa.Sdk.Webhooks;

/// <summary>Limits applied by <see cref="WebhookParser"/>.</summary>
public sealed class WebhookParserOptions
{
    /// <summary>The default <see cref="MaxBodySize"/>: 1 MiB.</summary>
    public const int DefaultMaxBodySize = 1024 * 1024;

    /// <summary>The default <see cref="MaxDepth"/>: 32.</summary>
    public const int DefaultMaxDepth = 32;

    /// <summary>The largest body accepted, in bytes. Meta's notifications are a few kilobytes; the default is 1 MiB.</summary>
    [Range(1, int.MaxValue)]
    public int MaxBodySize { get; set; } = DefaultMaxBodySize;

    /// <summary>The deepest JSON nesting accepted. Meta's payloads nest about 8 levels; the default is 32.</summary>
    [Range(1, 256)]
    public int MaxDepth { get; set; } = DefaultMaxDepth;
}
