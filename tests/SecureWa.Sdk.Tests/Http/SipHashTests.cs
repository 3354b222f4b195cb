using SecureWa.Sdk.Http.Internal;

namespace SecureWa.Sdk.Tests.Http;

/// <summary>SipHash-2-4 against the reference implementation's test vectors (key 00..0f, message 00..len-1).</summary>
public class SipHashTests
{
    private const ulong K0 = 0x0706050403020100UL;
    private const ulong K1 = 0x0f0e0d0c0b0a0908UL;

    [Theory]
    [InlineData(0, 0x726fdb47dd0e0e31UL)]
    [InlineData(1, 0x74f839c593dc67fdUL)]
    [InlineData(7, 0xab0200f58b01d137UL)]
    [InlineData(8, 0x93f5f5799a932462UL)]
    [InlineData(15, 0xa129ca6149be45e5UL)]
    [InlineData(63, 0x958a324ceb064572UL)]
    public void Hash_ReferenceVectors(int length, ulong expected)
    {
        var message = Enumerable.Range(0, length).Select(static i => (byte)i).ToArray();

        Assert.Equal(expected, SipHash.Hash(K0, K1, message));
    }

    [Fact]
    public void Hash_DependsOnTheKey()
    {
        var message = "106540352242922|16505551234"u8.ToArray();

        Assert.NotEqual(SipHash.Hash(K0, K1, message), SipHash.Hash(K0 ^ 1, K1, message));
        Assert.NotEqual(SipHash.Hash(K0, K1, message), SipHash.Hash(K0, K1 ^ (1UL << 63), message));
    }
}
