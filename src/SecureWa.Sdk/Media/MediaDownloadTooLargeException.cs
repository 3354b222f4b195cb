using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Media;

/// <summary>
/// Media is larger than <see cref="WhatsAppMediaOptions.MaxDownloadBytes"/>. Thrown before the request when the
/// size is known in advance, otherwise as soon as the download passes the limit (the rest is not read).
/// </summary>
public class MediaDownloadTooLargeException : WhatsAppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message, naming the limit.</param>
    /// <param name="limit">The limit in bytes.</param>
    public MediaDownloadTooLargeException(string message, long limit)
        : base(message)
    {
        Limit = limit;
    }

    /// <summary>The limit in bytes that was exceeded.</summary>
    public long Limit { get; }
}
