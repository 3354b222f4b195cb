namespace SecureWa.Sdk.Messages;

/// <summary>An interactive call-to-action URL button (<c>interactive.type</c> = <c>cta_url</c>).</summary>
public sealed class InteractiveCtaUrlMessage : InteractiveMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="to">The recipient (see <see cref="WhatsAppMessage.To"/>).</param>
    /// <param name="body">The body text, 1 to 1024 characters.</param>
    /// <param name="displayText">The button label, at most 20 characters.</param>
    /// <param name="url">The https URL opened when the button is tapped.</param>
    public InteractiveCtaUrlMessage(string to, string body, string displayText, Uri url)
        : base(to, body)
    {
        DisplayText = displayText;
        Url = url;
    }

    /// <summary>The button label (<c>action.parameters.display_text</c>).</summary>
    public string DisplayText { get; }

    /// <summary>The URL (<c>action.parameters.url</c>); absolute https without user info.</summary>
    public Uri Url { get; }

    /// <inheritdoc />
    public override string InteractiveType => "cta_url";
}
