using System.Security.Cryptography;

namespace SecureWa.Sdk.Media.Internal;

/// <summary>Reads the SHA-256 the API gives for media: 64 hex digits (any case), or base64 of the 32 bytes.</summary>
internal static class MediaHash
{
    public static bool TryParse(string? text, out byte[] hash)
    {
        hash = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.Length == SHA256.HashSizeInBytes * 2)
        {
            try
            {
                hash = Convert.FromHexString(trimmed);
                return true;
            }
            catch (FormatException)
            {
                // Not hex; try base64 below.
            }
        }

        var buffer = new byte[SHA256.HashSizeInBytes + 3];
        if (Convert.TryFromBase64String(trimmed, buffer, out var written) && written == SHA256.HashSizeInBytes)
        {
            hash = buffer[..SHA256.HashSizeInBytes];
            return true;
        }

        return false;
    }
}
