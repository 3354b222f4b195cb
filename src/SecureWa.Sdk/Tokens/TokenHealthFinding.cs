namespace SecureWa.Sdk.Tokens;

/// <summary>One typed finding of a token health check. Holds no secret and no phone number.</summary>
public sealed class TokenHealthFinding
{
    /// <summary>Creates a finding.</summary>
    /// <param name="kind">What was found.</param>
    /// <param name="status">How bad it is.</param>
    /// <param name="description">A human-readable description (no secret).</param>
    /// <param name="observedValue">The observed value, in <paramref name="unit"/>.</param>
    /// <param name="threshold">The threshold it was compared with, in <paramref name="unit"/>.</param>
    /// <param name="unit">The unit of the values, such as <c>days</c> or <c>scopes</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="description"/> or <paramref name="unit"/> is <see langword="null"/>.</exception>
    public TokenHealthFinding(TokenHealthFindingKind kind, TokenHealthStatus status, string description, double observedValue, double threshold, string unit)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(unit);
        Kind = kind;
        Status = status;
        Description = description;
        ObservedValue = observedValue;
        Threshold = threshold;
        Unit = unit;
    }

    /// <summary>What was found.</summary>
    public TokenHealthFindingKind Kind { get; }

    /// <summary>How bad it is: <see cref="TokenHealthStatus.Degraded"/> or <see cref="TokenHealthStatus.Unhealthy"/>.</summary>
    public TokenHealthStatus Status { get; }

    /// <summary>A human-readable description (no secret, no phone number).</summary>
    public string Description { get; }

    /// <summary>The observed value (days left, days in use, number of excess scopes…), in <see cref="Unit"/>.</summary>
    public double ObservedValue { get; }

    /// <summary>The threshold the observed value was compared with, in <see cref="Unit"/>.</summary>
    public double Threshold { get; }

    /// <summary>The unit of <see cref="ObservedValue"/> and <see cref="Threshold"/>.</summary>
    public string Unit { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} ({Status}): {Description}";
}
