namespace SecureWa.Sdk.Messages;

/// <summary>A reply button of an <see cref="InteractiveButtonsMessage"/>.</summary>
public sealed class ReplyButton
{
    /// <summary>Creates a button.</summary>
    /// <param name="id">Returned in the webhook when tapped; at most 256 characters, unique in the message.</param>
    /// <param name="title">The label, at most 20 characters.</param>
    public ReplyButton(string id, string title)
    {
        Id = id;
        Title = title;
    }

    /// <summary>The id returned in the webhook (<c>reply.id</c>).</summary>
    public string Id { get; }

    /// <summary>The label (<c>reply.title</c>).</summary>
    public string Title { get; }
}
