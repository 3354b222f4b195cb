using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Media;

/// <summary>
/// Downloaded media did not match its description: the SHA-256 differs from <see cref="MediaInfo.Sha256"/>, or the
/// length differs from <see cref="MediaInfo.FileSize"/>. The bytes must not be used; see
/// <see cref="MediaClient.DownloadAsync(MediaInfo, Stream, CancellationToken)"/> for what is left in the destination.
/// </summary>
public class MediaIntegrityException : WhatsAppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What did not match.</param>
    /// <param name="mediaId">The media id.</param>
    public MediaIntegrityException(string message, string? mediaId)
        : base(message)
    {
        MediaId = mediaId;
    }

    /// <summary>The media id.</summary>
    public string? MediaId { get; }
}
