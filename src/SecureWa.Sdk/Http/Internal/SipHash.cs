using System.Buffers.Binary;
using System.Numerics;

namespace SecureWa.Sdk.Http.Internal;

/// <summary>
/// SipHash-2-4 (Aumasson and Bernstein, 2012): a keyed pseudorandom function with a 128-bit key and a 64-bit output,
/// designed for hash-table keys that must not be predictable or invertible without the key. Allocation-free and
/// managed: on a short input it costs tens of nanoseconds, where a one-shot HMAC-SHA256 through the platform's
/// crypto library costs microseconds (key schedule and context set-up on every call).
/// </summary>
internal static class SipHash
{
    /// <summary>Computes SipHash-2-4 of <paramref name="data"/> under the key (<paramref name="k0"/>, <paramref name="k1"/>), the key's two little-endian halves.</summary>
    public static ulong Hash(ulong k0, ulong k1, ReadOnlySpan<byte> data)
    {
        var v0 = 0x736f6d6570736575UL ^ k0;
        var v1 = 0x646f72616e646f6dUL ^ k1;
        var v2 = 0x6c7967656e657261UL ^ k0;
        var v3 = 0x7465646279746573UL ^ k1;

        var end = data.Length & ~7;
        for (var i = 0; i < end; i += 8)
        {
            var m = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(i, 8));
            v3 ^= m;
            Round(ref v0, ref v1, ref v2, ref v3);
            Round(ref v0, ref v1, ref v2, ref v3);
            v0 ^= m;
        }

        var last = (ulong)data.Length << 56;
        for (var j = 0; j < (data.Length & 7); j++)
        {
            last |= (ulong)data[end + j] << (8 * j);
        }

        v3 ^= last;
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        v0 ^= last;

        v2 ^= 0xff;
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        Round(ref v0, ref v1, ref v2, ref v3);
        return v0 ^ v1 ^ v2 ^ v3;
    }

    private static void Round(ref ulong v0, ref ulong v1, ref ulong v2, ref ulong v3)
    {
        v0 += v1;
        v1 = BitOperations.RotateLeft(v1, 13);
        v1 ^= v0;
        v0 = BitOperations.RotateLeft(v0, 32);
        v2 += v3;
        v3 = BitOperations.RotateLeft(v3, 16);
        v3 ^= v2;
        v0 += v3;
        v3 = BitOperations.RotateLeft(v3, 21);
        v3 ^= v0;
        v2 += v1;
        v1 = BitOperations.RotateLeft(v1, 17);
        v1 ^= v2;
        v2 = BitOperations.RotateLeft(v2, 32);
    }
}
