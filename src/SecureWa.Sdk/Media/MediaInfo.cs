namespace SecureWa.Sdk.Media;

/// <summary>
/// What <c>GET /{media-id}</c> says about a media object. The <see cref="Url"/> lives about five minutes and is
/// fetched with the access token, so it is deliberately left out of <see cref="object.ToString"/>.
/// </summary>
public sealed class MediaInfo
{
    /// <summary>The media id.</summary>
    public required string Id { get; init; }

    /// <summary>The short-lived download URL; <see langword="null"/> when the API sent none or sent one that is not an absolute URI.</summary>
    public Uri? Url { get; init; }

    /// <summary>The MIME type, such as <c>image/jpeg</c>.</summary>
    public string? MimeType { get; init; }

    /// <summary>The SHA-256 of the content as the API gives it (hex; base64 of the 32 bytes is accepted too). Downloads are verified against it.</summary>
    public string? Sha256 { get; init; }

    /// <summary>The size in bytes (the API sends it as a string), or <see langword="null"/> when unknown.</summary>
    public long? FileSize { get; init; }

    /// <summary>The id, MIME type and size; never the URL.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"MediaInfo {{ Id = {Id}, MimeType = {MimeType}, FileSize = {FileSize} }}";
}
