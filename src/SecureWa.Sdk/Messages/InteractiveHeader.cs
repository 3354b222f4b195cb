namespace SecureWa.Sdk.Messages;

/// <summary>
/// The optional header of an interactive message: text (at most 60 characters) or media. List messages
/// accept only a text header.
/// </summary>
public sealed class InteractiveHeader
{
    private InteractiveHeader(InteractiveHeaderType type, string? text, MediaSource? media, string? filename)
    {
        Type = type;
        Text = text;
        Media = media;
        Filename = filename;
    }

    /// <summary>The header type (<c>type</c>).</summary>
    public InteractiveHeaderType Type { get; }

    /// <summary>The text of a text header, at most 60 characters.</summary>
    public string? Text { get; }

    /// <summary>The media of an image, video or document header.</summary>
    public MediaSource? Media { get; }

    /// <summary>The file name of a document header.</summary>
    public string? Filename { get; }

    /// <summary>A text header.</summary>
    /// <param name="text">The text, at most 60 characters.</param>
    /// <returns>The header.</returns>
    public static InteractiveHeader FromText(string text) => new(InteractiveHeaderType.Text, text, null, null);

    /// <summary>An image header.</summary>
    /// <param name="media">The image.</param>
    /// <returns>The header.</returns>
    public static InteractiveHeader FromImage(MediaSource media) => new(InteractiveHeaderType.Image, null, media, null);

    /// <summary>A video header.</summary>
    /// <param name="media">The video.</param>
    /// <returns>The header.</returns>
    public static InteractiveHeader FromVideo(MediaSource media) => new(InteractiveHeaderType.Video, null, media, null);

    /// <summary>A document header.</summary>
    /// <param name="media">The document.</param>
    /// <param name="filename">The file name shown to the recipient.</param>
    /// <returns>The header.</returns>
    public static InteractiveHeader FromDocument(MediaSource media, string? filename = null) => new(InteractiveHeaderType.Document, null, media, filename);
}
