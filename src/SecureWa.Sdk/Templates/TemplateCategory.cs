namespace SecureWa.Sdk.Templates;

/// <summary>
/// The category of a message template (<c>category</c>). A template can only be created in <see cref="Marketing"/>, <see cref="Utility"/> or <see cref="Authentication"/>; older values such as <c>ACCOUNT_UPDATE</c> can still be read (<c>previous_category</c>). Values the SDK does not know are kept as they came, so new values are never lost.
/// </summary>
public readonly struct TemplateCategory : IEquatable<TemplateCategory>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The value, such as <c>MARKETING</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public TemplateCategory(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary><c>MARKETING</c>: promotions, offers, announcements.</summary>
    public static TemplateCategory Marketing { get; } = new("MARKETING");

    /// <summary><c>UTILITY</c>: updates about a transaction or account the user asked for.</summary>
    public static TemplateCategory Utility { get; } = new("UTILITY");

    /// <summary><c>AUTHENTICATION</c>: one-time passcodes.</summary>
    public static TemplateCategory Authentication { get; } = new("AUTHENTICATION");

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(TemplateCategory left, TemplateCategory right) => left.Equals(right);

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(TemplateCategory left, TemplateCategory right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(TemplateCategory other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TemplateCategory other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    /// <returns>The value, such as <c>MARKETING</c>.</returns>
    public override string ToString() => _value ?? string.Empty;
}
