using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.Http.Internal;
using SecureWa.Sdk.Media;
using SecureWa.Sdk.TestSupport;

namespace SecureWa.Sdk.Tests.Media;

/// <summary>A request as the in-test handler saw it.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, WhatsAppOperationKind? Operation, string? ContentType, byte[]? Body);

/// <summary>An in-memory <see cref="HttpMessageHandler"/> that records requests and answers with a callback.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, HttpResponseMessage> _respond;

    public RecordingHandler(Func<HttpRequestMessage, HttpResponseMessage> respond, bool readBody = true)
    {
        _respond = respond;
        ReadBody = readBody;
    }

    public bool ReadBody { get; }

    public List<RecordedRequest> Requests { get; } = [];

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Bytes(byte[] bytes, bool announceLength = true)
    {
        HttpContent content = announceLength ? new ByteArrayContent(bytes) : new StreamContent(new UnseekableStream(new MemoryStream(bytes)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        byte[]? body = null;
        if (request.Content is not null && ReadBody)
        {
            body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
        }

        WhatsAppOperationKind? operation = request.Options.TryGetValue(WhatsAppRequestOptions.Operation, out var kind) ? kind : null;
        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, operation, request.Content?.Headers.ContentType?.ToString(), body));
        var response = _respond(request);
        response.RequestMessage = request;
        return response;
    }
}

/// <summary>A seekable stream of <c>length</c> zero bytes that allocates nothing, for testing large limits.</summary>
internal sealed class ZeroStream(long length) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position { get => _position; set => _position = value; }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - _position);
        Array.Clear(buffer, offset, n);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        _position = origin switch { SeekOrigin.Begin => offset, SeekOrigin.Current => _position + offset, _ => length + offset };
        return _position;
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>One part of a multipart/form-data body.</summary>
internal sealed record FormPart(string Name, string? FileName, string? ContentType, byte[] Content);

internal static class MediaTestSupport
{
    public const string PhoneNumberId = "106540352242922";

    public const string MediaHost = "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1037543291543636&ext=1&hash=ATx";

    public static MediaClient CreateClient(RecordingHandler handler, Action<WhatsAppClientOptions>? configure = null)
    {
        var options = new WhatsAppClientOptions { PhoneNumberId = PhoneNumberId };
        configure?.Invoke(options);
        var invoker = new GraphApiInvoker(new HttpClient(handler), options, NullLogger.Instance);
        return new MediaClient(invoker);
    }

    public static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static MediaInfo Info(byte[] content, string url = MediaHost, string? sha256 = null, long? fileSize = -1) => new()
    {
        Id = "1037543291543636",
        Url = new Uri(url),
        MimeType = "image/jpeg",
        Sha256 = sha256 ?? Sha256Hex(content),
        FileSize = fileSize == -1 ? content.Length : fileSize,
    };

    /// <summary>Splits a multipart/form-data body into its parts (enough for the SDK's own, well-formed bodies).</summary>
    public static List<FormPart> ParseMultipart(string contentType, byte[] body)
    {
        var boundary = MediaTypeHeaderValue.Parse(contentType).Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var parts = new List<FormPart>();
        var index = IndexOf(body, delimiter, 0);
        while (index >= 0)
        {
            var start = index + delimiter.Length;
            if (body.Length >= start + 2 && body[start] == '-' && body[start + 1] == '-')
            {
                break;
            }

            start += 2; // CRLF after the delimiter
            var next = IndexOf(body, delimiter, start);
            var headerEnd = IndexOf(body, "\r\n\r\n"u8.ToArray(), start);
            var headers = Encoding.UTF8.GetString(body, start, headerEnd - start).Split("\r\n");
            var contentStart = headerEnd + 4;
            var content = body[contentStart..(next - 2)]; // CRLF before the next delimiter
            string? name = null, fileName = null, type = null;
            foreach (var header in headers)
            {
                var colon = header.IndexOf(':', StringComparison.Ordinal);
                var key = header[..colon].Trim();
                var value = header[(colon + 1)..].Trim();
                if (key.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase))
                {
                    var disposition = ContentDispositionHeaderValue.Parse(value);
                    name = disposition.Name?.Trim('"');
                    fileName = disposition.FileName?.Trim('"');
                }
                else if (key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    type = value;
                }
            }

            parts.Add(new FormPart(name!, fileName, type, content));
            index = next;
        }

        return parts;
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int from)
    {
        var found = haystack.AsSpan(from).IndexOf(needle);
        return found < 0 ? -1 : found + from;
    }
}
