using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Media.Internal;

/// <summary>
/// Wraps the caller's upload stream: never disposes it (the caller owns it), and for an unseekable stream counts
/// the bytes read and throws once the upload limit is passed, before the excess bytes are handed to the transport.
/// Seekable streams pass through (their size was checked before the request, and <see cref="StreamContent"/>
/// can rewind them).
/// </summary>
internal sealed class UploadContentStream : Stream
{
    private readonly Stream _inner;
    private readonly long _limit;
    private readonly string _mimeType;
    private long _read;

    public UploadContentStream(Stream inner, long limit, string mimeType)
    {
        _inner = inner;
        _limit = limit;
        _mimeType = mimeType;
    }

    /// <summary>Whether the limit was passed (the exception may reach the caller wrapped by the HTTP stack).</summary>
    public bool LimitExceeded { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => _inner.CanSeek;

    public override bool CanWrite => false;

    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => _inner.Position = value;
    }

    public WhatsAppValidationException CreateLimitException() => CreateLimitException(_limit, _mimeType);

    public static WhatsAppValidationException CreateLimitException(long limit, string mimeType) =>
        new("content", $"Media of type '{mimeType}' may be at most {limit} bytes; the content is larger. Nothing was stored.", (int)Math.Min(limit, int.MaxValue));

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = _inner.Read(buffer);
        Count(read);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Count(read);
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Count(int read)
    {
        if (_inner.CanSeek)
        {
            return;
        }

        _read += read;
        if (_read > _limit)
        {
            LimitExceeded = true;
            throw CreateLimitException();
        }
    }
}
