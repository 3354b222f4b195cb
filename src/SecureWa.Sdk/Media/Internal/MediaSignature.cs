namespace SecureWa.Sdk.Media.Internal;

/// <summary>
/// Recognizes a file's format from its first bytes ("magic numbers") and tells whether a declared MIME type can hold
/// it. Content whose signature names another format (PDF bytes as <c>image/png</c>, an executable as a document) is
/// refused; content without a recognized signature is left to Meta's own checks.
/// </summary>
internal static class MediaSignature
{
    public const int PrefixLength = 16;

    /// <summary>The recognized format of <paramref name="prefix"/>, or <see langword="null"/>.</summary>
    public static string? Detect(ReadOnlySpan<byte> prefix)
    {
        if (prefix.StartsWith("%PDF-"u8))
        {
            return "pdf";
        }

        if (prefix.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "png";
        }

        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "jpeg";
        }

        if (prefix.Length >= 12 && prefix.StartsWith("RIFF"u8) && prefix[8..12].SequenceEqual("WEBP"u8))
        {
            return "webp";
        }

        if (prefix.StartsWith("GIF8"u8))
        {
            return "gif";
        }

        if (prefix.StartsWith("OggS"u8))
        {
            return "ogg";
        }

        if (prefix.StartsWith("#!AMR"u8))
        {
            return "amr";
        }

        if (prefix.StartsWith("ID3"u8))
        {
            return "mpeg";
        }

        if (prefix.Length >= 8 && prefix[4..8].SequenceEqual("ftyp"u8))
        {
            return "isobmff";
        }

        if (prefix.StartsWith("PK\u0003\u0004"u8))
        {
            return "zip";
        }

        if (prefix.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]))
        {
            return "ole2";
        }

        if (prefix.StartsWith("MZ"u8) || prefix.StartsWith((ReadOnlySpan<byte>)[0x7F, (byte)'E', (byte)'L', (byte)'F']) || prefix.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE]))
        {
            return "executable";
        }

        return null;
    }

    /// <summary>Whether a file recognized as <paramref name="format"/> may be uploaded as <paramref name="mimeType"/> (normalized).</summary>
    public static bool Fits(string mimeType, string format) => mimeType switch
    {
        "image/jpeg" => format == "jpeg",
        "image/png" => format == "png",
        "image/webp" => format == "webp",
        "audio/ogg" => format == "ogg",
        "audio/amr" => format == "amr",
        "audio/mpeg" => format == "mpeg",
        "audio/aac" => false,
        "audio/mp4" or "video/mp4" or "video/3gpp" or "video/3gp" => format == "isobmff",
        "application/pdf" => format == "pdf",
        "application/msword" or "application/vnd.ms-excel" or "application/vnd.ms-powerpoint" => format == "ole2",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            or "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            or "application/vnd.openxmlformats-officedocument.presentationml.presentation" => format == "zip",
        _ => false,
    };
}
