using System.Diagnostics;

namespace SecureWa.Sdk.Governance;

/// <summary>
/// One SDK operation as the governance policies see it: the permission it needs, who acts, for whom, and what it
/// carried. Created by the SDK per call when governance is on; not thread-safe beyond one call.
/// </summary>
/// <remarks>
/// <see cref="Recipient"/> is personal data (a normalized E.164 number or a group id): policies pseudonymize or mask it,
/// and <see cref="ToString"/> never shows it.
/// </remarks>
public sealed class WhatsAppOperationContext
{
    private Dictionary<string, object?>? _items;

    internal WhatsAppOperationContext(string permission, WhatsAppOperator? @operator, DateTimeOffset startedAt)
    {
        Permission = permission;
        Operator = @operator;
        StartedAt = startedAt;
        TraceId = Activity.Current?.TraceId.ToHexString();
    }

    /// <summary>The <see cref="WhatsAppPermissions"/> name of the operation.</summary>
    public string Permission { get; }

    /// <summary>Who acts, or <see langword="null"/> when no operator is known (a plain back-end service).</summary>
    public WhatsAppOperator? Operator { get; }

    /// <summary>When the operation started (UTC, from the client's <see cref="TimeProvider"/>).</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>The W3C trace id of the ambient activity, when there is one.</summary>
    public string? TraceId { get; }

    /// <summary>The business phone number id the call acts for, when it has one.</summary>
    public string? PhoneNumberId { get; internal set; }

    /// <summary>The recipient of a send (normalized E.164 number, or a group id). Personal data.</summary>
    public string? Recipient { get; internal set; }

    /// <summary>The wire message type of a send (<c>text</c>, <c>template</c>, <c>interactive/button</c>…).</summary>
    public string? MessageType { get; internal set; }

    /// <summary>The template name of a template send or a template management call.</summary>
    public string? TemplateName { get; internal set; }

    /// <summary>The template category (<c>MARKETING</c>, <c>UTILITY</c>, <c>AUTHENTICATION</c>) when the message or the caller declared it.</summary>
    public string? TemplateCategory { get; set; }

    /// <summary>The id of the target object of a non-send operation (media id, template id, flow id), when it has one.</summary>
    public string? TargetId { get; internal set; }

    /// <summary>The message id the Cloud API returned, once the send was accepted.</summary>
    public string? MessageId { get; set; }

    /// <summary>The operation's payload (the message of a send), for the opt-in encrypted content mode of the audit trail. Personal data.</summary>
    internal object? Payload { get; set; }

    /// <summary>State policies share within this operation (keys: the policy's own type name, for example).</summary>
    public IDictionary<string, object?> Items => _items ??= new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Whether <see cref="Items"/> has been used (without allocating it).</summary>
    public bool HasItems => _items is { Count: > 0 };

    /// <inheritdoc />
    public override string ToString() => Operator is null ? Permission : Permission + " by " + Operator;
}
