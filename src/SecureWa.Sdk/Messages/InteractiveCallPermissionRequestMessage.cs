namespace SecureWa.Sdk.Messages;

/// <summary>
/// Asks the user for permission to call them with the Calling API (<c>interactive.type</c> =
/// <c>call_permission_request</c>, <c>action.name</c> = <c>call_permission_request</c>). No header; body required,
/// footer optional. The user's answer arrives as an interactive webhook.
/// </summary>
/// <example>
/// <code>
/// new InteractiveCallPermissionRequestMessage("+16505551234", "May we call you about your claim?")
/// </code>
/// </example>
public sealed class InteractiveCallPermissionRequestMessage : InteractiveMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="to">The recipient (see <see cref="WhatsAppMessage.To"/>).</param>
    /// <param name="body">The body text, 1 to 1024 characters.</param>
    public InteractiveCallPermissionRequestMessage(string to, string body)
        : base(to, body)
    {
    }

    /// <inheritdoc />
    public override string InteractiveType => "call_permission_request";
}
