namespace SecureWa.Sdk.Flows.Internal;

/// <summary>Unpadded base64url (RFC 4648 §5); <c>System.Buffers.Text.Base64Url</c> exists only from .NET 9.</summary>
internal static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> data) =>
        Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination, out int written)
    {
        written = 0;
        if (text.Length == 0 || text.Length % 4 == 1 || text.Length > 4096)
        {
            return false;
        }

        var padded = (text.Length + 3) / 4 * 4;
        Span<char> buffer = padded <= 1024 ? stackalloc char[padded] : new char[padded];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '+' or '/' or '=')
            {
                return false;
            }

            buffer[i] = c switch { '-' => '+', '_' => '/', _ => c };
        }

        buffer[text.Length..].Fill('=');
        return Convert.TryFromBase64Chars(buffer, destination, out written);
    }
}
