namespace SecureWa.Sdk.Flows;

/// <summary>One problem Meta found in a flow's JSON (from an upload or <c>validation_errors</c>).</summary>
public sealed class FlowValidationError
{
    /// <summary>The error code, such as <c>INVALID_PROPERTY</c>.</summary>
    public string? Error { get; init; }

    /// <summary>The error class, such as <c>JSON_SCHEMA_ERROR</c>.</summary>
    public string? ErrorType { get; init; }

    /// <summary>Meta's description of the problem.</summary>
    public string? Message { get; init; }

    /// <summary>The first line of the offending JSON.</summary>
    public int? LineStart { get; init; }

    /// <summary>The last line of the offending JSON.</summary>
    public int? LineEnd { get; init; }

    /// <summary>The first column of the offending JSON.</summary>
    public int? ColumnStart { get; init; }

    /// <summary>The last column of the offending JSON.</summary>
    public int? ColumnEnd { get; init; }
}
