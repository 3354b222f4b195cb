namespace SecureWa.Sdk.Templates;

/// <summary>
/// The review status of a message template (<c>status</c>, and <c>event</c> of <c>message_template_status_update</c> webhooks). Values the SDK does not know are kept as they came, so new values are never lost.
/// </summary>
public readonly struct TemplateStatus : IEquatable<TemplateStatus>
{
    private readonly string? _value;

    /// <summary>Creates a value from its wire form.</summary>
    /// <param name="value">The value, such as <c>APPROVED</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public TemplateStatus(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary><c>APPROVED</c>: approved; it can be sent.</summary>
    public static TemplateStatus Approved { get; } = new("APPROVED");

    /// <summary><c>PENDING</c>: under review.</summary>
    public static TemplateStatus Pending { get; } = new("PENDING");

    /// <summary><c>REJECTED</c>: rejected in review; see the rejected reason.</summary>
    public static TemplateStatus Rejected { get; } = new("REJECTED");

    /// <summary><c>PAUSED</c>: paused for low quality; sends fail until it is unpaused.</summary>
    public static TemplateStatus Paused { get; } = new("PAUSED");

    /// <summary><c>DISABLED</c>: disabled for repeated low quality.</summary>
    public static TemplateStatus Disabled { get; } = new("DISABLED");

    /// <summary><c>IN_APPEAL</c>: an appeal of the rejection is under review.</summary>
    public static TemplateStatus InAppeal { get; } = new("IN_APPEAL");

    /// <summary><c>PENDING_DELETION</c>: deleted; the name cannot be reused for 30 days.</summary>
    public static TemplateStatus PendingDeletion { get; } = new("PENDING_DELETION");

    /// <summary><c>DELETED</c>: deleted.</summary>
    public static TemplateStatus Deleted { get; } = new("DELETED");

    /// <summary><c>FLAGGED</c>: flagged for low quality; it will be disabled unless quality improves.</summary>
    public static TemplateStatus Flagged { get; } = new("FLAGGED");

    /// <summary><c>REINSTATED</c>: reinstated after a pause or appeal.</summary>
    public static TemplateStatus Reinstated { get; } = new("REINSTATED");

    /// <summary><c>LIMIT_EXCEEDED</c>: the account reached its template limit.</summary>
    public static TemplateStatus LimitExceeded { get; } = new("LIMIT_EXCEEDED");

    /// <summary><c>ARCHIVED</c>: archived.</summary>
    public static TemplateStatus Archived { get; } = new("ARCHIVED");

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool operator ==(TemplateStatus left, TemplateStatus right) => left.Equals(right);

    /// <summary>Compares two values (ordinal, case-insensitive).</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(TemplateStatus left, TemplateStatus right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(TemplateStatus other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TemplateStatus other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    /// <summary>The wire value.</summary>
    /// <returns>The value, such as <c>APPROVED</c>.</returns>
    public override string ToString() => _value ?? string.Empty;
}
