using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Media.Internal;

namespace SecureWa.Sdk.Media;

/// <summary>
/// Uploads, describes, downloads and deletes media. Obtain it from <see cref="WhatsAppClient.Media"/>.
/// Thread-safe and immutable; the download host allow-list and size cap are read from
/// <see cref="WhatsAppClientOptions.Media"/> when the client is built.
/// </summary>
public partial class MediaClient
{
    private const int CopyBufferSize = 81920;
    private const int MaxFileNameLength = 240;

    private readonly GraphApiInvoker? _invoker;
    private readonly MediaDownloadHostPolicy _hostPolicy = MediaDownloadHostPolicy.Create(null);
    private readonly long _maxDownloadBytes = WhatsAppMediaOptions.DefaultMaxDownloadBytes;

    /// <summary>For mocking only.</summary>
    protected MediaClient()
    {
    }

    internal MediaClient(GraphApiInvoker invoker)
    {
        _invoker = invoker;
        if (invoker.Options.Media is { } media)
        {
            _hostPolicy = MediaDownloadHostPolicy.Create(media.AllowedDownloadHosts);
            if (media.MaxDownloadBytes > 0)
            {
                _maxDownloadBytes = media.MaxDownloadBytes;
            }
        }
    }

    private GraphApiInvoker Invoker => _invoker ?? throw new InvalidOperationException("This MediaClient was created for mocking; override the members you call.");

    /// <summary>
    /// Uploads media with <c>POST /{phone-number-id}/media</c> (multipart: <c>messaging_product</c>, <c>type</c>,
    /// <c>file</c>) and returns its media id. See <see cref="UploadAsync(Stream, MediaUploadOptions, CancellationToken)"/>.
    /// </summary>
    /// <param name="content">The content, read from its current position to its end; streamed, not buffered. Not disposed.</param>
    /// <param name="mimeType">The MIME type, such as <c>image/png</c>; see <see cref="MediaUploadLimits"/>. <c>image/webp</c> is checked as a static sticker (100 KB); use the other overload for animated ones.</param>
    /// <param name="fileName">The file name sent with the content; <c>file</c> when not set.</param>
    /// <param name="phoneNumberId">The business phone number id; <see cref="WhatsAppClientOptions.PhoneNumberId"/> when not set.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The media id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> or <paramref name="mimeType"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="content"/> is not readable.</exception>
    /// <exception cref="WhatsAppValidationException">The MIME type is not accepted, the content is empty or over the limit, the file name or phone number id is invalid.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer had no media id.</exception>
    [WhatsAppPermission(WhatsAppPermissions.MediaUpload)]
    public virtual Task<string> UploadAsync(Stream content, string mimeType, string? fileName = null, string? phoneNumberId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mimeType);
        return UploadAsync(content, new MediaUploadOptions(mimeType) { FileName = fileName, PhoneNumberId = phoneNumberId }, cancellationToken);
    }

    /// <summary>
    /// Uploads media with <c>POST /{phone-number-id}/media</c> (multipart: <c>messaging_product=whatsapp</c>,
    /// <c>type</c> = the MIME type, <c>file</c> = the content) and returns its media id.
    /// </summary>
    /// <remarks>
    /// The MIME type and size are checked against the Cloud API limits (<see cref="MediaUploadLimits"/>) before any
    /// request. The size of a seekable stream is known up front (<c>Length - Position</c>); an unseekable stream is
    /// counted while it is sent and the upload is aborted, with a <see cref="WhatsAppValidationException"/>, as soon as
    /// it passes the limit, so no excess byte is sent and no media is stored. The content is streamed, never buffered
    /// whole. An unseekable stream cannot be replayed, so a failed attempt cannot be retried by the resilience pipeline;
    /// pass a seekable stream (a <see cref="FileStream"/>) if retries matter.
    /// </remarks>
    /// <param name="content">The content, read from its current position to its end. Not disposed.</param>
    /// <param name="options">The MIME type, file name, phone number id and sticker kind.</param>
    /// <param name="cancellationToken">Cancels the upload.</param>
    /// <returns>The media id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="content"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="content"/> is not readable.</exception>
    /// <exception cref="WhatsAppValidationException">The MIME type is not accepted, the content is empty or over the limit, the file name or phone number id is invalid.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer had no media id.</exception>
    [WhatsAppPermission(WhatsAppPermissions.MediaUpload)]
    public virtual async Task<string> UploadAsync(Stream content, MediaUploadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        if (!content.CanRead)
        {
            throw new ArgumentException("The content stream must be readable.", nameof(content));
        }

        var invoker = Invoker;
        var mimeType = MediaUploadLimits.Normalize(options.MimeType);
        var limit = MediaUploadLimits.GetMaxBytes(mimeType, options.IsAnimatedSticker)
            ?? throw new WhatsAppValidationException("type", $"The MIME type '{Shorten(mimeType)}' is not one the Cloud API accepts for media (see MediaUploadLimits).");
        var fileName = ValidateFileName(options.FileName);
        PhoneNumberIdRule.Check(options.PhoneNumberId, invoker.Options);
        var phoneNumberId = invoker.ResolvePhoneNumberId(options.PhoneNumberId);
        if (content.CanSeek)
        {
            var remaining = content.Length - content.Position;
            if (remaining > limit)
            {
                throw UploadContentStream.CreateLimitException(limit, mimeType);
            }

            if (remaining <= 0)
            {
                throw new WhatsAppValidationException("content", "The content is empty; there is nothing to upload.");
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        content = await CheckSignatureAsync(content, mimeType, cancellationToken).ConfigureAwait(false);
        var body = new UploadContentStream(content, limit, mimeType);
        using var multipart = new MultipartFormDataContent();
        multipart.Add(PlainText("whatsapp"), "messaging_product");
        multipart.Add(PlainText(mimeType), "type");
        var file = new StreamContent(body, CopyBufferSize);
        file.Headers.ContentType = new MediaTypeHeaderValue(mimeType);
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = "\"" + fileName + "\"" };
        multipart.Add(file);

        using var request = invoker.CreateRequest(HttpMethod.Post, phoneNumberId + "/media", WhatsAppOperationKind.UploadMedia, WhatsAppPermissions.MediaUpload, phoneNumberId);
        request.Content = multipart;
        MediaUploadResponse response;
        try
        {
            response = await invoker.SendAsync(request, MediaJsonContext.Default.MediaUploadResponse, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (body.LimitExceeded && ex is not WhatsAppValidationException)
        {
            // The HTTP stack may wrap the counting stream's exception; surface the validation failure itself.
            throw body.CreateLimitException();
        }

        if (string.IsNullOrEmpty(response.Id))
        {
            throw new WhatsAppUnexpectedResponseException(HttpStatusCode.OK, "The WhatsApp Cloud API answered the upload without a media id.");
        }

        return response.Id;
    }

    /// <summary>Reads a media object's URL, MIME type, SHA-256 and size with <c>GET /{media-id}</c>.</summary>
    /// <param name="mediaId">The media id (from an upload or an inbound message).</param>
    /// <param name="phoneNumberId">When set, sent as <c>phone_number_id</c>: the API then answers only if the media belongs to that business number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The media description; its URL lives about five minutes.</returns>
    /// <exception cref="WhatsAppValidationException">An id is empty or not a plain Graph id.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer was not the documented JSON.</exception>
    [WhatsAppPermission(WhatsAppPermissions.MediaDownload)]
    public virtual async Task<MediaInfo> GetInfoAsync(string mediaId, string? phoneNumberId = null, CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        var path = MediaPath(mediaId, phoneNumberId);
        using var request = invoker.CreateRequest(HttpMethod.Get, path, WhatsAppOperationKind.Query, WhatsAppPermissions.MediaDownload, phoneNumberId);
        var wire = await invoker.SendAsync(request, MediaJsonContext.Default.MediaInfoResponse, cancellationToken).ConfigureAwait(false);
        Uri? url = null;
        if (!string.IsNullOrEmpty(wire.Url) && Uri.TryCreate(wire.Url, UriKind.Absolute, out var parsed))
        {
            url = parsed;
        }

        return new MediaInfo
        {
            Id = string.IsNullOrEmpty(wire.Id) ? mediaId : wire.Id,
            Url = url,
            MimeType = wire.MimeType,
            Sha256 = wire.Sha256,
            FileSize = wire.FileSize,
        };
    }

    /// <summary>Deletes a media object with <c>DELETE /{media-id}</c>.</summary>
    /// <param name="mediaId">The media id.</param>
    /// <param name="phoneNumberId">When set, sent as <c>phone_number_id</c>: the API then deletes only if the media belongs to that business number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the API confirmed the deletion.</returns>
    /// <exception cref="WhatsAppValidationException">An id is empty or not a plain Graph id.</exception>
    /// <exception cref="WhatsAppApiException">The Graph API answered with an error.</exception>
    /// <exception cref="WhatsAppUnexpectedResponseException">The answer did not confirm the deletion.</exception>
    [WhatsAppPermission(WhatsAppPermissions.MediaDelete)]
    public virtual async Task DeleteAsync(string mediaId, string? phoneNumberId = null, CancellationToken cancellationToken = default)
    {
        var invoker = Invoker;
        var path = MediaPath(mediaId, phoneNumberId);
        using var request = invoker.CreateRequest(HttpMethod.Delete, path, WhatsAppOperationKind.Delete, WhatsAppPermissions.MediaDelete, phoneNumberId);
        var wire = await invoker.SendAsync(request, MediaJsonContext.Default.MediaDeleteResponse, cancellationToken).ConfigureAwait(false);
        if (wire.Success != true)
        {
            throw new WhatsAppUnexpectedResponseException(HttpStatusCode.OK, "The WhatsApp Cloud API did not confirm the deletion (\"success\" was not true).");
        }
    }

    /// <summary>
    /// Reads the media's description (<see cref="GetInfoAsync"/>), then downloads it into <paramref name="destination"/>
    /// and verifies it, as <see cref="DownloadAsync(MediaInfo, Stream, CancellationToken)"/> does.
    /// </summary>
    /// <param name="mediaId">The media id.</param>
    /// <param name="destination">Where the bytes go. Not disposed.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The media description the download was verified against (its MIME type names the content).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="destination"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not writable.</exception>
    /// <exception cref="WhatsAppValidationException">The id is invalid, or the API gave no usable SHA-256.</exception>
    /// <exception cref="MediaDownloadRefusedException">The media URL is not https or not on the allow-list; no request was made to it.</exception>
    /// <exception cref="MediaDownloadTooLargeException">The media is larger than <see cref="WhatsAppMediaOptions.MaxDownloadBytes"/>.</exception>
    /// <exception cref="MediaIntegrityException">The bytes did not match the SHA-256 or size.</exception>
    /// <exception cref="WhatsAppApiException">The API or the media host answered with an error.</exception>
    [WhatsAppPermission(WhatsAppPermissions.MediaDownload)]
    public virtual async Task<MediaInfo> DownloadAsync(string mediaId, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        EnsureWritable(destination);
        var info = await GetInfoAsync(mediaId, null, cancellationToken).ConfigureAwait(false);
        await DownloadAsync(info, destination, cancellationToken).ConfigureAwait(false);
        return info;
    }

    /// <summary>
    /// Downloads media from <see cref="MediaInfo.Url"/> into <paramref name="destination"/>, streaming, and verifies
    /// its SHA-256 (and its size, when <see cref="MediaInfo.FileSize"/> is known).
    /// </summary>
    /// <remarks>
    /// <para>The URL is fetched with the access token only when it is https and its host is on
    /// <see cref="WhatsAppMediaOptions.AllowedDownloadHosts"/> (Meta's <c>lookaside.fbsbx.com</c> by default), without
    /// user information; anything else is refused before any request. Redirects are not followed.</para>
    /// <para>The download stops at <see cref="WhatsAppMediaOptions.MaxDownloadBytes"/> and at
    /// <see cref="MediaInfo.FileSize"/>. The hash is computed while streaming and checked at the end; on any failure
    /// (mismatch, size, cancellation, transport error) a seekable destination is truncated back to the length it had
    /// at its starting position, and an unseekable one holds unverified bytes that must be discarded. For a file that
    /// only ever appears complete, use <see cref="DownloadToFileAsync(MediaInfo, string, bool, CancellationToken)"/>.</para>
    /// </remarks>
    /// <param name="info">The media description from <see cref="GetInfoAsync"/> (or a webhook), with URL and SHA-256.</param>
    /// <param name="destination">Where the bytes go. Not disposed.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is not writable.</exception>
    /// <exception cref="WhatsAppValidationException"><see cref="MediaInfo.Sha256"/> is missing or not a SHA-256 (hex or base64).</exception>
    /// <exception cref="MediaDownloadRefusedException">The URL is missing, not https, or not on the allow-list; no request was made to it.</exception>
    /// <exception cref="MediaDownloadTooLargeException">The media is larger than <see cref="WhatsAppMediaOptions.MaxDownloadBytes"/>.</exception>
    /// <exception cref="MediaIntegrityException">The bytes did not match the SHA-256 or size.</exception>
    /// <exception cref="WhatsAppApiException">The media host answered with an error.</exception>
    [WhatsAppPermission(WhatsAppPermissions.MediaDownload)]
    public virtual async Task<long> DownloadAsync(MediaInfo info, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(destination);
        EnsureWritable(destination);
        var invoker = Invoker;
        var (url, expectedHash) = CheckDownload(invoker, info);
        long start = -1;
        if (destination.CanSeek)
        {
            start = destination.Position;
        }

        try
        {
            return await DownloadCoreAsync(invoker, info, url, expectedHash, destination, cancellationToken).ConfigureAwait(false);
        }
        catch when (start >= 0)
        {
            TryTruncate(destination, start);
            throw;
        }
    }

    /// <summary>
    /// Reads the media's description (<see cref="GetInfoAsync"/>), then downloads it to a file as
    /// <see cref="DownloadToFileAsync(MediaInfo, string, bool, CancellationToken)"/> does.
    /// </summary>
    /// <param name="mediaId">The media id.</param>
    /// <param name="path">The file to create.</param>
    /// <param name="overwrite">Whether an existing file at <paramref name="path"/> may be replaced.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The media description the file was verified against.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file exists and <paramref name="overwrite"/> is <see langword="false"/>, or it could not be written.</exception>
    /// <exception cref="WhatsAppValidationException">The id is invalid, or the API gave no usable SHA-256.</exception>
    /// <exception cref="MediaDownloadRefusedException">The media URL is not https or not on the allow-list; no request was made to it.</exception>
    /// <exception cref="MediaDownloadTooLargeException">The media is larger than <see cref="WhatsAppMediaOptions.MaxDownloadBytes"/>.</exception>
    /// <exception cref="MediaIntegrityException">The bytes did not match the SHA-256 or size; no file was created.</exception>
    /// <exception cref="WhatsAppApiException">The API or the media host answered with an error.</exception>
    [WhatsAppPermission(WhatsAppPermissions.MediaDownload)]
    public virtual async Task<MediaInfo> DownloadToFileAsync(string mediaId, string path, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        _ = CheckTarget(path, overwrite);
        var info = await GetInfoAsync(mediaId, null, cancellationToken).ConfigureAwait(false);
        await DownloadToFileAsync(info, path, overwrite, cancellationToken).ConfigureAwait(false);
        return info;
    }

    /// <summary>
    /// Downloads and verifies media (as <see cref="DownloadAsync(MediaInfo, Stream, CancellationToken)"/>) into a
    /// temporary file next to <paramref name="path"/>, and renames it to <paramref name="path"/> only once the SHA-256
    /// and size matched. On any failure the temporary file is deleted, so <paramref name="path"/> never holds
    /// unverified bytes. On Unix the file is created readable and writable by its owner only (0600).
    /// </summary>
    /// <param name="info">The media description, with URL and SHA-256.</param>
    /// <param name="path">The file to create.</param>
    /// <param name="overwrite">Whether an existing file at <paramref name="path"/> may be replaced.</param>
    /// <param name="cancellationToken">Cancels the download.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="info"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    /// <exception cref="IOException">The file exists and <paramref name="overwrite"/> is <see langword="false"/>, or it could not be written.</exception>
    /// <exception cref="WhatsAppValidationException"><see cref="MediaInfo.Sha256"/> is missing or not a SHA-256.</exception>
    /// <exception cref="MediaDownloadRefusedException">The URL is missing, not https, or not on the allow-list; no request was made to it.</exception>
    /// <exception cref="MediaDownloadTooLargeException">The media is larger than <see cref="WhatsAppMediaOptions.MaxDownloadBytes"/>.</exception>
    /// <exception cref="MediaIntegrityException">The bytes did not match the SHA-256 or size; no file was created.</exception>
    /// <exception cref="WhatsAppApiException">The media host answered with an error.</exception>
    [WhatsAppPermission(WhatsAppPermissions.MediaDownload)]
    public virtual async Task<long> DownloadToFileAsync(MediaInfo info, string path, bool overwrite = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(info);
        var fullPath = CheckTarget(path, overwrite);
        var invoker = Invoker;
        var (url, expectedHash) = CheckDownload(invoker, info);
        var directory = Path.GetDirectoryName(fullPath) ?? throw new ArgumentException("The path has no directory.", nameof(path));
        var tempPath = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N")[..12] + ".download");
        var fileOptions = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            long written;
            var file = new FileStream(tempPath, fileOptions);
            await using (file.ConfigureAwait(false))
            {
                written = await DownloadCoreAsync(invoker, info, url, expectedHash, file, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            File.Move(tempPath, fullPath, overwrite);
            return written;
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }
    }

    private static string MediaPath(string mediaId, string? phoneNumberId)
    {
        GraphApiInvoker.ValidateGraphId(mediaId, "mediaId");

        if (phoneNumberId is null)
        {
            return mediaId;
        }

        GraphApiInvoker.ValidateGraphId(phoneNumberId, "phoneNumberId");
        return mediaId + "?phone_number_id=" + phoneNumberId;
    }

    private (Uri Url, byte[] ExpectedHash) CheckDownload(GraphApiInvoker invoker, MediaInfo info)
    {
        if (!MediaHash.TryParse(info.Sha256, out var expectedHash))
        {
            throw new WhatsAppValidationException("info.Sha256", "The media description has no SHA-256 (64 hex digits or base64 of 32 bytes), so a download could not be verified.");
        }

        var url = info.Url;
        var refusal = url is null ? "The media description has no URL." : _hostPolicy.GetRefusal(url);
        if (refusal is not null)
        {
            LogDownloadRefused(invoker.Logger, refusal);
            throw new MediaDownloadRefusedException(refusal + " No request was made.", url is { IsAbsoluteUri: true } ? url.Host : null);
        }

        if (info.FileSize is { } size)
        {
            if (size < 0)
            {
                throw new WhatsAppValidationException("info.FileSize", "The media size must not be negative.");
            }

            if (size > _maxDownloadBytes)
            {
                throw new MediaDownloadTooLargeException($"The media is {size} bytes, more than WhatsAppMediaOptions.MaxDownloadBytes ({_maxDownloadBytes} bytes). No request was made.", _maxDownloadBytes);
            }
        }

        return (url!, expectedHash);
    }

    private async Task<long> DownloadCoreAsync(GraphApiInvoker invoker, MediaInfo info, Uri url, byte[] expectedHash, Stream destination, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Options.Set(WhatsAppRequestOptions.Operation, WhatsAppOperationKind.DownloadMedia);
        using var response = await invoker.SendCheckedAsync(request, cancellationToken).ConfigureAwait(false);
        var announced = response.Content.Headers.ContentLength;
        if (announced > _maxDownloadBytes)
        {
            throw TooLarge();
        }

        if (info.FileSize is { } expectedSize && announced is { } length && length != expectedSize)
        {
            throw new MediaIntegrityException($"The media host announced {length} bytes, but the media description says {expectedSize}.", info.Id);
        }

        var limit = Math.Min(info.FileSize ?? long.MaxValue, _maxDownloadBytes);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
        long total = 0;
        try
        {
            var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (source.ConfigureAwait(false))
            {
                while (true)
                {
                    var read = await source.ReadAsync(buffer.AsMemory(0, CopyBufferSize), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    total += read;
                    if (total > limit)
                    {
                        throw info.FileSize is { } size
                            ? new MediaIntegrityException($"The media host sent more than the {size} bytes the media description says.", info.Id)
                            : TooLarge();
                    }

                    hash.AppendData(buffer, 0, read);
                    await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (info.FileSize is { } fileSize && total != fileSize)
        {
            throw new MediaIntegrityException($"The media host sent {total} bytes, but the media description says {fileSize}.", info.Id);
        }

        Span<byte> actual = stackalloc byte[SHA256.HashSizeInBytes];
        hash.GetHashAndReset(actual);
        if (!CryptographicOperations.FixedTimeEquals(actual, expectedHash))
        {
            throw new MediaIntegrityException("The downloaded media does not match its SHA-256; the bytes must not be used.", info.Id);
        }

        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
        return total;

        MediaDownloadTooLargeException TooLarge() =>
            new($"The media is larger than WhatsAppMediaOptions.MaxDownloadBytes ({_maxDownloadBytes} bytes); the download was stopped.", _maxDownloadBytes);
    }

    private static string CheckTarget(string path, bool overwrite)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (!overwrite && File.Exists(fullPath))
        {
            throw new IOException("The destination file already exists; pass overwrite: true to replace it.");
        }

        return fullPath;
    }

    private static void EnsureWritable(Stream destination)
    {
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream must be writable.", nameof(destination));
        }
    }

    private static void TryTruncate(Stream destination, long start)
    {
        try
        {
            destination.SetLength(start);
            destination.Position = start;
        }
        catch (Exception ex) when (ex is NotSupportedException or IOException or ObjectDisposedException)
        {
            // The stream cannot be truncated; the documented contract is that it then holds unverified bytes.
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: the temporary name is hidden and never the caller's path.
        }
    }

    /// <summary>
    /// Reads the first bytes and refuses content whose signature names another format than <paramref name="mimeType"/>;
    /// returns a stream that still yields every byte (the seekable one rewound, or the prefix and the rest).
    /// </summary>
    private static async ValueTask<Stream> CheckSignatureAsync(Stream content, string mimeType, CancellationToken cancellationToken)
    {
        var prefix = new byte[MediaSignature.PrefixLength];
        var read = 0;
        while (read < prefix.Length)
        {
            var n = await content.ReadAsync(prefix.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }

            read += n;
        }

        if (MediaSignature.Detect(prefix.AsSpan(0, read)) is { } format && !MediaSignature.Fits(mimeType, format))
        {
            throw new WhatsAppValidationException("content", $"The content is not {Shorten(mimeType)}: its first bytes are those of another format ({format}). Declare the type the content really has.");
        }

        if (content.CanSeek)
        {
            content.Seek(-read, SeekOrigin.Current);
            return content;
        }

        return new PrefixedStream(prefix, read, content);
    }

    private static string ValidateFileName(string? fileName)
    {
        if (fileName is null)
        {
            return "file";
        }

        if (fileName.Length == 0 || fileName.Length > MaxFileNameLength)
        {
            throw new WhatsAppValidationException("fileName", $"The file name must have 1 to {MaxFileNameLength} characters.", MaxFileNameLength);
        }

        foreach (var c in fileName)
        {
            if (char.IsControl(c) || c is '"' or '\\' or '/')
            {
                throw new WhatsAppValidationException("fileName", "The file name must be a plain name without directories, quotes or control characters.");
            }

            // Bidi overrides and isolates (invoice\u202Efdp.exe shows as invoiceexe.pdf), zero-width and other
            // invisible format characters, line and paragraph separators.
            if (char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator)
            {
                throw new WhatsAppValidationException("fileName", "The file name must not contain bidirectional, invisible or line-separator characters.");
            }
        }

        if (fileName is "." or "..")
        {
            throw new WhatsAppValidationException("fileName", "The file name must be a plain name, not '.' or '..'.");
        }

        return fileName;
    }

    private static StringContent PlainText(string value)
    {
        var content = new StringContent(value);
        content.Headers.ContentType = null;
        return content;
    }

    private static string Shorten(string value) => value.Length <= 100 ? value : value[..100] + "…";

    [LoggerMessage(EventId = 700, Level = LogLevel.Warning, Message = "Media download refused before any request: {Reason}")]
    private static partial void LogDownloadRefused(ILogger logger, string reason);
}
