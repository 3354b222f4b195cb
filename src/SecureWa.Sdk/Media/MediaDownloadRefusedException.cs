using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Media;

/// <summary>
/// A media URL was refused before any request, so the access token was not sent: it is not https (plain http is
/// accepted only for a loopback host named in <see cref="WhatsAppMediaOptions.AllowedDownloadHosts"/>), carries
/// user information, or its host is not on the allow-list.
/// </summary>
public class MediaDownloadRefusedException : WhatsAppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the URL was refused; names the host, never the whole URL.</param>
    /// <param name="host">The host of the refused URL, when it has one.</param>
    public MediaDownloadRefusedException(string message, string? host)
        : base(message)
    {
        Host = host;
    }

    /// <summary>The host of the refused URL, when it has one.</summary>
    public string? Host { get; }
}
