namespace SecureWa.Sdk.Templates;

/// <summary>
/// The quality score of a message template (<c>quality_score.score</c>, <c>new_quality_score</c> of quality webhooks). Values the SDK does not know are kept as they came, so new values are never lost.
/// </summary>
public readonly struct TemplateQualityScore : IEquatable<TemplateQualityScore>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The value, such as <c>GREEN</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public TemplateQualityScore(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary><c>GREEN</c>: high quality.</summary>
    public static TemplateQualityScore Green { get; } = new("GREEN");

    /// <summary><c>YELLOW</c>: medium quality.</summary>
    public static TemplateQualityScore Yellow { get; } = new("YELLOW");

    /// <summary><c>RED</c>: low quality.</summary>
    public static TemplateQualityScore Red { get; } = new("RED");

    /// <summary><c>UNKNOWN</c>: not yet rated.</summary>
    public static TemplateQualityScore Unknown { get; } = new("UNKNOWN");

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(TemplateQualityScore left, TemplateQualityScore right) => left.Equals(right);

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(TemplateQualityScore left, TemplateQualityScore right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(TemplateQualityScore other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TemplateQualityScore other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    /// <returns>The value, such as <c>GREEN</c>.</returns>
    public override string ToString() => _value ?? string.Empty;
}
