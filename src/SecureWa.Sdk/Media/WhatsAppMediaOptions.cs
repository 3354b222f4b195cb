using SecureWa.Sdk.Media.Internal;

namespace SecureWa.Sdk.Media;

/// <summary>Media upload and download settings.</summary>
public sealed class WhatsAppMediaOptions
{
    /// <summary>The default <see cref="MaxDownloadBytes"/>: 100 MiB, the largest media the Cloud API accepts (documents).</summary>
    public const long DefaultMaxDownloadBytes = 100 * 1024 * 1024;

    /// <summary>
    /// Hosts a media URL may point to for the SDK to fetch it with the access token. Empty (the default) means
    /// Meta's media host, <c>lookaside.fbsbx.com</c>; any entry replaces that default, so list it too if you add
    /// another host. An entry is either an exact host name (<c>lookaside.fbsbx.com</c>, an IP address, <c>[::1]</c>)
    /// or a dot-prefixed suffix (<c>.fbsbx.com</c> matches <c>a.fbsbx.com</c> but neither <c>fbsbx.com</c> nor
    /// <c>evilfbsbx.com</c>). No schemes, ports, paths or <c>*</c> wildcards; internationalized names in their
    /// <c>xn--</c> form. URLs must be https; plain http is accepted only for a loopback host listed exactly
    /// (a local stand-in such as WireMock in tests).
    /// </summary>
    public IList<string> AllowedDownloadHosts { get; set; } = new List<string>();

    /// <summary>
    /// The largest download accepted, in bytes; also never more than <see cref="MediaInfo.FileSize"/> when that is
    /// known. Default <see cref="DefaultMaxDownloadBytes"/> (100 MiB).
    /// </summary>
    public long MaxDownloadBytes { get; set; } = DefaultMaxDownloadBytes;

    internal void Validate(ICollection<string> failures)
    {
        if (MaxDownloadBytes <= 0)
        {
            failures.Add("Media.MaxDownloadBytes must be positive.");
        }

        if (AllowedDownloadHosts is null)
        {
            failures.Add("Media.AllowedDownloadHosts must not be null (leave it empty for Meta's default media host).");
            return;
        }

        var index = 0;
        foreach (var entry in AllowedDownloadHosts)
        {
            if (MediaDownloadHostPolicy.ValidateEntry(entry) is { } problem)
            {
                failures.Add($"Media.AllowedDownloadHosts[{index}] {problem}");
            }

            index++;
        }
    }
}
