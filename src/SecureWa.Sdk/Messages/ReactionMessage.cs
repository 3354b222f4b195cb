namespace SecureWa.Sdk.Messages;

/// <summary>A reaction to a message (<c>"type":"reaction"</c>); an empty emoji removes an earlier reaction.</summary>
public sealed class ReactionMessage : WhatsAppMessage
{
    /// <summary>Creates the message.</summary>
    /// <param name="to">The recipient (see <see cref="WhatsAppMessage.To"/>).</param>
    /// <param name="messageId">The id (<c>wamid…</c>) of the message reacted to.</param>
    /// <param name="emoji">The emoji; an empty string removes the reaction.</param>
    public ReactionMessage(string to, string messageId, string emoji)
        : base(to)
    {
        MessageId = messageId;
        Emoji = emoji ?? string.Empty;
    }

    /// <summary>The id of the message reacted to.</summary>
    public string MessageId { get; }

    /// <summary>The emoji; empty when the reaction is removed.</summary>
    public string Emoji { get; }

    /// <inheritdoc />
    public override string MessageType => "reaction";

    /// <summary>Creates a message that removes this business's reaction to a message.</summary>
    /// <param name="to">The recipient.</param>
    /// <param name="messageId">The id of the message whose reaction is removed.</param>
    /// <returns>A reaction with an empty emoji.</returns>
    public static ReactionMessage Remove(string to, string messageId) => new(to, messageId, string.Empty);
}
