using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace SecureWa.Sdk.Audit.Internal;

/// <summary>
/// The canonical encoding of a record's content (every field but its id, sequence and links, each length-prefixed in a
/// fixed order) and its link: HMAC-SHA256(key, encoding ‖ previous link). The sequence is not in the MAC, so a record
/// moved to another place still verifies on its own and is reported as reordered rather than edited.
/// </summary>
internal static class AuditCanonical
{
    private static ReadOnlySpan<byte> Magic => "SWA-AUDIT-1"u8;

    public static byte[] ComputeLink(ReadOnlySpan<byte> key, AuditRecord record, ReadOnlySpan<byte> previousLink)
    {
        var link = new byte[HMACSHA256.HashSizeInBytes];
        ComputeLink(key, record, previousLink, link);
        return link;
    }

    public static void ComputeLink(ReadOnlySpan<byte> key, AuditRecord record, ReadOnlySpan<byte> previousLink, Span<byte> destination)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxLength(record) + previousLink.Length);
        try
        {
            var length = Encode(record, buffer);
            previousLink.CopyTo(buffer.AsSpan(length));
            length += previousLink.Length;
            HMACSHA256.HashData(key, buffer.AsSpan(0, length), destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    public static bool Verify(ReadOnlySpan<byte> key, AuditRecord record)
    {
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        ComputeLink(key, record, record.PreviousLink, expected);
        return CryptographicOperations.FixedTimeEquals(expected, record.Link);
    }

    private static int MaxLength(AuditRecord r) =>
        Magic.Length + 8 + 4 + 4 + 4 + (4 * 18)
        + Utf8Max(r.Chain) + Utf8Max(r.OperationId) + Utf8Max(r.OperatorId) + Utf8Max(r.SessionId) + Utf8Max(r.ClientIp)
        + Utf8Max(r.Operation) + Utf8Max(r.SubjectPseudonym) + Utf8Max(r.SubjectMasked) + Utf8Max(r.Outcome) + Utf8Max(r.MessageId)
        + Utf8Max(r.TargetId) + Utf8Max(r.TemplateName) + Utf8Max(r.TemplateCategory) + Utf8Max(r.TraceId) + Utf8Max(r.Detail)
        + Utf8Max(r.KeyId) + (r.EncryptedContent?.Length ?? 0) + 8;

    private static int Utf8Max(string? value) => value is null ? 0 : Encoding.UTF8.GetMaxByteCount(value.Length);

    private static int Encode(AuditRecord r, Span<byte> buffer)
    {
        var offset = 0;
        Magic.CopyTo(buffer);
        offset += Magic.Length;
        BinaryPrimitives.WriteInt64BigEndian(buffer[offset..], r.Timestamp.UtcTicks);
        offset += 8;
        BinaryPrimitives.WriteInt32BigEndian(buffer[offset..], (int)r.RecordClass);
        offset += 4;
        BinaryPrimitives.WriteInt32BigEndian(buffer[offset..], (int)r.Phase);
        offset += 4;
        BinaryPrimitives.WriteInt32BigEndian(buffer[offset..], r.GraphErrorCode.HasValue ? 1 : 0);
        offset += 4;
        BinaryPrimitives.WriteInt32BigEndian(buffer[offset..], r.GraphErrorCode ?? 0);
        offset += 4;
        offset += Write(buffer[offset..], r.Chain);
        offset += Write(buffer[offset..], r.OperationId);
        offset += Write(buffer[offset..], r.OperatorId);
        offset += Write(buffer[offset..], r.SessionId);
        offset += Write(buffer[offset..], r.ClientIp);
        offset += Write(buffer[offset..], r.Operation);
        offset += Write(buffer[offset..], r.SubjectPseudonym);
        offset += Write(buffer[offset..], r.SubjectMasked);
        offset += Write(buffer[offset..], r.Outcome);
        offset += Write(buffer[offset..], r.MessageId);
        offset += Write(buffer[offset..], r.TargetId);
        offset += Write(buffer[offset..], r.TemplateName);
        offset += Write(buffer[offset..], r.TemplateCategory);
        offset += Write(buffer[offset..], r.TraceId);
        offset += Write(buffer[offset..], r.Detail);
        offset += Write(buffer[offset..], r.KeyId);
        if (r.EncryptedContent is { } content)
        {
            BinaryPrimitives.WriteInt32BigEndian(buffer[offset..], content.Length);
            offset += 4;
            content.CopyTo(buffer[offset..]);
            offset += content.Length;
        }
        else
        {
            BinaryPrimitives.WriteInt32BigEndian(buffer[offset..], -1);
            offset += 4;
        }

        return offset;
    }

    private static int Write(Span<byte> buffer, string? value)
    {
        if (value is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(buffer, -1);
            return 4;
        }

        var written = Encoding.UTF8.GetBytes(value, buffer[4..]);
        BinaryPrimitives.WriteInt32BigEndian(buffer, written);
        return 4 + written;
    }
}
