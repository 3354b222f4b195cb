namespace SecureWa.Sdk.Messages;

/// <summary>The base of the media messages: image, audio, video, document and sticker.</summary>
public abstract class MediaMessage : WhatsAppMessage
{
    private protected MediaMessage(string to, MediaSource media)
        : base(to)
    {
        Media = media;
    }

    /// <summary>The media, by uploaded id or https link.</summary>
    public MediaSource Media { get; }
}
