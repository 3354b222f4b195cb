namespace SecureWa.Sdk.Webhooks.Internal;

/// <summary>Parses hexadecimal digits into bytes without allocating.</summary>
internal static class HexParser
{
    /// <summary>Parses exactly <c>destination.Length * 2</c> hex digits (either case).</summary>
    /// <param name="hex">The digits.</param>
    /// <param name="destination">Receives the bytes.</param>
    /// <returns><see langword="false"/> when the length is wrong or a character is not a hex digit.</returns>
    public static bool TryParse(ReadOnlySpan<char> hex, Span<byte> destination)
    {
        if (hex.Length != destination.Length * 2)
        {
            return false;
        }

        // The digits come from the request, not from the secret: timing here reveals nothing secret.
        var invalid = 0;
        for (var i = 0; i < destination.Length; i++)
        {
            var high = FromHexChar(hex[2 * i]);
            var low = FromHexChar(hex[(2 * i) + 1]);
            invalid |= (high | low) & 0x100;
            destination[i] = (byte)((high << 4) | (low & 0xF));
        }

        return invalid == 0;
    }

    // Returns 0..15 for a hex digit, 0x100 for anything else.
    private static int FromHexChar(char c)
    {
        if ((uint)(c - '0') <= 9)
        {
            return c - '0';
        }

        var lower = c | 0x20;
        if ((uint)(lower - 'a') <= 5)
        {
            return lower - 'a' + 10;
        }

        return 0x100;
    }
}
