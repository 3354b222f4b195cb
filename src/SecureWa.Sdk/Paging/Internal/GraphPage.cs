using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Paging.Internal;

/// <summary>A Graph list answer: <c>{"data":[…],"paging":{"cursors":{"before","after"},"next","previous"}}</c>.</summary>
/// <typeparam name="T">The wire type of an item.</typeparam>
internal sealed class GraphPage<T>
{
    [JsonPropertyName("data")]
    public List<T?>? Data { get; set; }

    [JsonPropertyName("paging")]
    public GraphPaging? Paging { get; set; }
}

/// <summary>The <c>paging</c> object of a Graph list answer.</summary>
internal sealed class GraphPaging
{
    [JsonPropertyName("cursors")]
    public GraphCursors? Cursors { get; set; }

    [JsonPropertyName("next")]
    public string? Next { get; set; }

    [JsonPropertyName("previous")]
    public string? Previous { get; set; }
}

/// <summary>The <c>paging.cursors</c> object.</summary>
internal sealed class GraphCursors
{
    [JsonPropertyName("before")]
    public string? Before { get; set; }

    [JsonPropertyName("after")]
    public string? After { get; set; }
}
