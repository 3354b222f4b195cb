namespace SecureWa.Sdk.Messages;

/// <summary>
/// What the Cloud API did with a sent message (<c>messages[0].message_status</c>). Values the SDK does not
/// know are kept as they came, so new statuses are never lost.
/// </summary>
public readonly struct MessageStatus : IEquatable<MessageStatus>
{
    private readonly string? _value;

    /// <summary>Creates a status from its wire value.</summary>
    /// <param name="value">The value, such as <c>accepted</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public MessageStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary><c>accepted</c>: the message was accepted for delivery.</summary>
    public static MessageStatus Accepted { get; } = new("accepted");

    /// <summary><c>held_for_quality_assessment</c>: a marketing message held while Meta assesses its quality.</summary>
    public static MessageStatus HeldForQualityAssessment { get; } = new("held_for_quality_assessment");

    /// <summary><c>paused</c>: the template is paused for low quality; the message was not sent.</summary>
    public static MessageStatus Paused { get; } = new("paused");

    /// <summary>Compares two statuses.</summary>
    /// <param name="left">The first status.</param>
    /// <param name="right">The second status.</param>
    /// <returns>Whether they are equal (ordinal, case-insensitive).</returns>
    public static bool operator ==(MessageStatus left, MessageStatus right) => left.Equals(right);

    /// <summary>Compares two statuses.</summary>
    /// <param name="left">The first status.</param>
    /// <param name="right">The second status.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(MessageStatus left, MessageStatus right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(MessageStatus other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MessageStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    /// <returns>The value, such as <c>accepted</c>.</returns>
    public override string ToString() => _value ?? string.Empty;
}
