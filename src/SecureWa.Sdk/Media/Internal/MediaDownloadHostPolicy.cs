namespace SecureWa.Sdk.Media.Internal;

/// <summary>
/// Decides whether a media URL may be fetched with the access token. Exact hosts and dot-prefixed suffixes only;
/// never substring matching. Immutable, so thread-safe.
/// </summary>
internal sealed class MediaDownloadHostPolicy
{
    /// <summary>Meta's media host, used when no host is configured.</summary>
    public static readonly IReadOnlyList<string> DefaultHosts = ["lookaside.fbsbx.com"];

    private readonly HashSet<string> _exactHosts;
    private readonly string[] _suffixes;

    private MediaDownloadHostPolicy(HashSet<string> exactHosts, string[] suffixes)
    {
        _exactHosts = exactHosts;
        _suffixes = suffixes;
    }

    /// <summary>Builds the policy from configured entries (empty → <see cref="DefaultHosts"/>). Invalid entries are skipped; options validation reports them.</summary>
    public static MediaDownloadHostPolicy Create(IEnumerable<string>? configured)
    {
        var entries = configured?.ToList() ?? [];
        if (entries.Count == 0)
        {
            entries.AddRange(DefaultHosts);
        }

        var exact = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var suffixes = new List<string>();
        foreach (var raw in entries)
        {
            if (ValidateEntry(raw) is not null)
            {
                continue;
            }

            var entry = raw.Trim();
            if (entry[0] == '.')
            {
                suffixes.Add(entry.ToLowerInvariant());
            }
            else
            {
                exact.Add(NormalizeExact(entry));
            }
        }

        return new MediaDownloadHostPolicy(exact, [.. suffixes]);
    }

    /// <summary>Checks one configured entry; returns what is wrong with it, or <see langword="null"/> when it is valid.</summary>
    public static string? ValidateEntry(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return "must not be empty.";
        }

        var entry = raw.Trim();
        if (entry.Contains('*', StringComparison.Ordinal))
        {
            return "must not contain '*'; write a suffix as '.example.com' (matches sub-domains of example.com).";
        }

        if (entry.Contains("://", StringComparison.Ordinal) || entry.IndexOfAny(['/', '\\', '@', '?', '#']) >= 0)
        {
            return "must be a host name only, without scheme, user information, path or query.";
        }

        foreach (var c in entry)
        {
            if (c > 0x7F || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return "must be ASCII without spaces (write internationalized names in their 'xn--' form).";
            }
        }

        if (entry[0] == '.')
        {
            var suffix = entry[1..];
            if (Uri.CheckHostName(suffix) != UriHostNameType.Dns || !suffix.Contains('.', StringComparison.Ordinal) || suffix.EndsWith('.'))
            {
                return "is a suffix that is not a domain with at least two labels (such as '.fbsbx.com').";
            }

            return null;
        }

        return Uri.CheckHostName(entry) switch
        {
            UriHostNameType.Dns when !entry.EndsWith('.') => null,
            UriHostNameType.IPv4 => null,
            UriHostNameType.IPv6 when entry.StartsWith('[') => null,
            UriHostNameType.IPv6 => "is an IPv6 address; write it in brackets, such as '[::1]'.",
            _ => "is not a host name or IP address (no ports).",
        };
    }

    /// <summary>Returns why <paramref name="uri"/> may not be fetched with the token, or <see langword="null"/> when it may.</summary>
    public string? GetRefusal(Uri uri)
    {
        if (!uri.IsAbsoluteUri)
        {
            return "The media URL is not an absolute URI.";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "The media URL carries user information, which the SDK never follows.";
        }

        var host = HostOf(uri);
        var isHttps = string.Equals(uri.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase);
        var isHttp = string.Equals(uri.Scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase);
        if (!isHttps && !isHttp)
        {
            return $"The media URL for host '{host}' uses the scheme '{uri.Scheme}'; only https is fetched.";
        }

        if (isHttp)
        {
            return uri.IsLoopback && _exactHosts.Contains(host)
                ? null
                : $"The media URL for host '{host}' is plain http; only https is fetched (http only for a loopback host listed exactly in WhatsAppMediaOptions.AllowedDownloadHosts).";
        }

        if (_exactHosts.Contains(host))
        {
            return null;
        }

        if (uri.HostNameType == UriHostNameType.Dns)
        {
            foreach (var suffix in _suffixes)
            {
                // ".fbsbx.com" matches "a.fbsbx.com" (the leading dot is a label boundary), not "evilfbsbx.com" or "fbsbx.com".
                if (host.Length > suffix.Length && host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
            }
        }

        return $"The media URL's host '{host}' is not in WhatsAppMediaOptions.AllowedDownloadHosts; the access token is only sent to allowed hosts.";
    }

    private static string HostOf(Uri uri) => uri.HostNameType == UriHostNameType.Dns ? uri.IdnHost : uri.Host;

    private static string NormalizeExact(string entry)
    {
        // Compare in the same form HostOf produces: IDN/punycode for names, canonical text for IP addresses.
        return Uri.TryCreate("https://" + entry + "/", UriKind.Absolute, out var parsed) ? HostOf(parsed) : entry.ToLowerInvariant();
    }
}
