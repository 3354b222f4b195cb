using System.Text.Json.Nodes;

namespace SecureWa.Sdk.Messages;

/// <summary>
/// An interactive message that opens a WhatsApp Flow (<c>interactive.type</c> = <c>flow</c>). Set exactly
/// one of <see cref="FlowId"/> and <see cref="FlowName"/>. Sent with <c>flow_message_version</c> "3".
/// </summary>
/// <example>
/// <code>
/// new InteractiveFlowMessage("+16505551234", "Book your appointment", "Book now")
/// {
///     FlowId = "1197715005513101",
///     FlowToken = "session-42",
///     Screen = "BOOKING",
///     Data = new JsonObject { ["clinic"] = "north" },
/// }
/// </code>
/// </example>
public sealed class InteractiveFlowMessage : InteractiveMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="to">The recipient (see <see cref="WhatsAppMessage.To"/>).</param>
    /// <param name="body">The body text, 1 to 1024 characters.</param>
    /// <param name="flowCta">The button label (<c>flow_cta</c>), at most 30 characters.</param>
    public InteractiveFlowMessage(string to, string body, string flowCta)
        : base(to, body)
    {
        FlowCta = flowCta;
    }

    /// <summary>The button label (<c>flow_cta</c>).</summary>
    public string FlowCta { get; }

    /// <summary>The flow's id (<c>flow_id</c>); set this or <see cref="FlowName"/>.</summary>
    public string? FlowId { get; init; }

    /// <summary>The flow's name (<c>flow_name</c>); set this or <see cref="FlowId"/>.</summary>
    public string? FlowName { get; init; }

    /// <summary>A token identifying this flow session to your endpoint (<c>flow_token</c>).</summary>
    public string? FlowToken { get; init; }

    /// <summary>The flow action (<c>flow_action</c>); omitted when <see langword="null"/> (the API's default is navigate).</summary>
    public FlowAction? Action { get; init; }

    /// <summary>The first screen for a navigate action (<c>flow_action_payload.screen</c>).</summary>
    public string? Screen { get; init; }

    /// <summary>Input data for the first screen (<c>flow_action_payload.data</c>); a non-empty object; requires <see cref="Screen"/>.</summary>
    public JsonObject? Data { get; init; }

    /// <summary>Sends <c>mode</c> = <c>draft</c>, to test an unpublished flow. Off by default (published).</summary>
    public bool IsDraft { get; init; }

    /// <inheritdoc />
    public override string InteractiveType => "flow";
}
