namespace SecureWa.Sdk.Messages;

/// <summary>An interactive message with one to three reply buttons (<c>interactive.type</c> = <c>button</c>).</summary>
/// <example>
/// <code>
/// new InteractiveButtonsMessage("+16505551234", "Confirm your appointment on Friday at 10:00?",
///     [new ReplyButton("confirm", "Confirm"), new ReplyButton("reschedule", "Reschedule")])
/// {
///     Footer = "Reply STOP to opt out",
/// }
/// </code>
/// </example>
public sealed class InteractiveButtonsMessage : InteractiveMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="to">The recipient (see <see cref="WhatsAppMessage.To"/>).</param>
    /// <param name="body">The body text, 1 to 1024 characters.</param>
    /// <param name="buttons">One to three buttons with unique ids.</param>
    public InteractiveButtonsMessage(string to, string body, IEnumerable<ReplyButton> buttons)
        : base(to, body)
    {
        Buttons = buttons?.ToArray() ?? [];
    }

    /// <summary>The buttons (<c>interactive.action.buttons</c>).</summary>
    public IReadOnlyList<ReplyButton> Buttons { get; }

    /// <inheritdoc />
    public override string InteractiveType => "button";
}
