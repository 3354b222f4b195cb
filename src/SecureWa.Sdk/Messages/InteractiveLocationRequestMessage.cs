namespace SecureWa.Sdk.Messages;

/// <summary>
/// A location request (<c>interactive.type</c> = <c>location_request_message</c>): body text and a "Send location"
/// button (<c>action.name</c> = <c>send_location</c>); the user's answer arrives as a location message webhook.
/// No header and no footer.
/// </summary>
/// <example>
/// <code>
/// new InteractiveLocationRequestMessage("+16505551234", "Where should we pick you up?")
/// </code>
/// </example>
public sealed class InteractiveLocationRequestMessage : InteractiveMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="to">The recipient (see <see cref="WhatsAppMessage.To"/>).</param>
    /// <param name="body">The body text, 1 to 1024 characters.</param>
    public InteractiveLocationRequestMessage(string to, string body)
        : base(to, body)
    {
    }

    /// <inheritdoc />
    public override string InteractiveType => "location_request_message";
}
