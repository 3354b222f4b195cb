namespace SecureWa.Sdk.Messages;

/// <summary>
/// An interactive list (<c>interactive.type</c> = <c>list</c>): a button opening up to 10 sections with at
/// most 10 rows in total. The header, if any, must be text.
/// </summary>
public sealed class InteractiveListMessage : InteractiveMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="to">The recipient (see <see cref="WhatsAppMessage.To"/>).</param>
    /// <param name="body">The body text, 1 to 1024 characters.</param>
    /// <param name="buttonText">The label of the button opening the list, at most 20 characters.</param>
    /// <param name="sections">One to ten sections, with at most ten rows in total.</param>
    public InteractiveListMessage(string to, string body, string buttonText, IEnumerable<ListSection> sections)
        : base(to, body)
    {
        ButtonText = buttonText;
        Sections = sections?.ToArray() ?? [];
    }

    /// <summary>The label of the button (<c>interactive.action.button</c>).</summary>
    public string ButtonText { get; }

    /// <summary>The sections (<c>interactive.action.sections</c>).</summary>
    public IReadOnlyList<ListSection> Sections { get; }

    /// <inheritdoc />
    public override string InteractiveType => "list";
}
