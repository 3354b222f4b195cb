namespace SecureWa.Sdk.Media;

/// <summary>
/// The MIME types and sizes the Cloud API accepts for uploaded media, checked by
/// <see cref="MediaClient.UploadAsync(Stream, MediaUploadOptions, CancellationToken)"/> before any request.
/// </summary>
/// <remarks>
/// Meta documents the limits as "5 MB", "16 MB", "100 MB", "100 KB" and "500 KB" without defining the unit. The SDK
/// reads them as binary units (1 MB = 1,048,576 bytes, 1 KB = 1,024 bytes), the more lenient reading, so it never
/// refuses a file the API would take; the API remains the final judge of anything in between.
/// </remarks>
public static class MediaUploadLimits
{
    /// <summary>1 KB as the SDK counts it: 1,024 bytes.</summary>
    public const long Kilobyte = 1024;

    /// <summary>1 MB as the SDK counts it: 1,048,576 bytes.</summary>
    public const long Megabyte = 1024 * 1024;

    /// <summary>Images (<c>image/jpeg</c>, <c>image/png</c>): 5 MB.</summary>
    public const long ImageMaxBytes = 5 * Megabyte;

    /// <summary>Audio (<c>audio/aac</c>, <c>audio/mp4</c>, <c>audio/mpeg</c>, <c>audio/amr</c>, <c>audio/ogg</c> with the Opus codec): 16 MB.</summary>
    public const long AudioMaxBytes = 16 * Megabyte;

    /// <summary>Video (<c>video/mp4</c>, <c>video/3gpp</c>; H.264 video and AAC audio only): 16 MB.</summary>
    public const long VideoMaxBytes = 16 * Megabyte;

    /// <summary>Documents (<c>text/plain</c>, <c>application/pdf</c>, Word, Excel and PowerPoint formats): 100 MB.</summary>
    public const long DocumentMaxBytes = 100 * Megabyte;

    /// <summary>Static stickers (<c>image/webp</c>): 100 KB.</summary>
    public const long StaticStickerMaxBytes = 100 * Kilobyte;

    /// <summary>Animated stickers (<c>image/webp</c>, with <see cref="MediaUploadOptions.IsAnimatedSticker"/>): 500 KB.</summary>
    public const long AnimatedStickerMaxBytes = 500 * Kilobyte;

    /// <summary>
    /// Returns the largest upload the Cloud API accepts for a MIME type, or <see langword="null"/> when it does not accept the type.
    /// Parameters (<c>; codecs=opus</c>) and letter case are ignored.
    /// </summary>
    /// <param name="mimeType">The MIME type, such as <c>image/png</c>.</param>
    /// <param name="animatedSticker">For <c>image/webp</c>: whether the sticker is animated (500 KB) or static (100 KB).</param>
    /// <returns>The limit in bytes, or <see langword="null"/> for a type the API does not accept.</returns>
    public static long? GetMaxBytes(string? mimeType, bool animatedSticker = false)
    {
        return Normalize(mimeType) switch
        {
            "image/jpeg" or "image/png" => ImageMaxBytes,
            "image/webp" => animatedSticker ? AnimatedStickerMaxBytes : StaticStickerMaxBytes,
            "audio/aac" or "audio/mp4" or "audio/mpeg" or "audio/amr" or "audio/ogg" => AudioMaxBytes,
            "video/mp4" or "video/3gpp" or "video/3gp" => VideoMaxBytes,
            "text/plain"
                or "application/pdf"
                or "application/msword"
                or "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                or "application/vnd.ms-excel"
                or "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                or "application/vnd.ms-powerpoint"
                or "application/vnd.openxmlformats-officedocument.presentationml.presentation" => DocumentMaxBytes,
            _ => null,
        };
    }

    /// <summary>The MIME type without parameters, trimmed and in lower case (<c>Audio/OGG; codecs=opus</c> → <c>audio/ogg</c>).</summary>
    internal static string Normalize(string? mimeType)
    {
        if (mimeType is null)
        {
            return string.Empty;
        }

        var semicolon = mimeType.IndexOf(';', StringComparison.Ordinal);
        var type = semicolon >= 0 ? mimeType[..semicolon] : mimeType;
        return type.Trim().ToLowerInvariant();
    }
}
