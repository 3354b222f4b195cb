namespace SecureWa.Sdk.Media;

/// <summary>What to upload with <see cref="MediaClient.UploadAsync(Stream, MediaUploadOptions, CancellationToken)"/>, besides the content.</summary>
public sealed class MediaUploadOptions
{
    /// <summary>Creates the options.</summary>
    /// <param name="mimeType">The MIME type of the content, such as <c>image/png</c>; see <see cref="MediaUploadLimits"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="mimeType"/> is <see langword="null"/>.</exception>
    public MediaUploadOptions(string mimeType)
    {
        ArgumentNullException.ThrowIfNull(mimeType);
        MimeType = mimeType;
    }

    /// <summary>The MIME type of the content; decides the size limit (<see cref="MediaUploadLimits"/>).</summary>
    public string MimeType { get; }

    /// <summary>
    /// The file name sent with the content (shown to recipients for documents). A plain name without
    /// directories or control characters, at most 240 characters; <c>file</c> when not set.
    /// </summary>
    public string? FileName { get; init; }

    /// <summary>The business phone number id to upload for; <see cref="WhatsAppClientOptions.PhoneNumberId"/> when not set.</summary>
    public string? PhoneNumberId { get; init; }

    /// <summary>For <c>image/webp</c>: the sticker is animated, so the 500 KB limit applies instead of the 100 KB static limit.</summary>
    public bool IsAnimatedSticker { get; init; }
}
