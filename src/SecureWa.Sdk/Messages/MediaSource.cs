namespace SecureWa.Sdk.Messages;

/// <summary>
/// Where a media object comes from: the id of media uploaded to the Cloud API (recommended) or an
/// https link WhatsApp downloads. Serialized as <c>{"id":…}</c> or <c>{"link":…}</c>.
/// </summary>
public sealed class MediaSource
{
    private MediaSource(string? id, Uri? link)
    {
        Id = id;
        Link = link;
    }

    /// <summary>The uploaded media id, when the source is an id.</summary>
    public string? Id { get; }

    /// <summary>The link, when the source is a link. Must be absolute https without user info.</summary>
    public Uri? Link { get; }

    /// <summary>Media uploaded to the Cloud API (see <see cref="Media.MediaClient"/>).</summary>
    /// <param name="id">The media id.</param>
    /// <returns>The source.</returns>
    public static MediaSource FromId(string id) => new(id, null);

    /// <summary>Media WhatsApp downloads from an https link.</summary>
    /// <param name="link">An absolute https URI without user info; checked when the message is sent.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="link"/> is <see langword="null"/>.</exception>
    public static MediaSource FromLink(Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new(null, link);
    }

    /// <summary>Media WhatsApp downloads from an https link.</summary>
    /// <param name="link">An absolute https URL without user info; checked when the message is sent.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="link"/> is <see langword="null"/>.</exception>
    /// <exception cref="UriFormatException"><paramref name="link"/> is not a URI at all.</exception>
    public static MediaSource FromLink(string link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new(null, new Uri(link, UriKind.RelativeOrAbsolute));
    }

    /// <summary>Describes the source without the link's query string (which may carry a signature).</summary>
    /// <returns><c>id</c> or <c>link https://host/…</c>.</returns>
    public override string ToString()
        => Id is not null ? "id" : Link is { IsAbsoluteUri: true } link ? $"link {link.Scheme}://{link.Host}/…" : "link";
}
