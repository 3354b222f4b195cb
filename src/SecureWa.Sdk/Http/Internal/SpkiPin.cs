using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SecureWa.Sdk.Http.Internal;

/// <summary>Computes and compares SPKI pins (SHA-256 of a certificate's DER SubjectPublicKeyInfo).</summary>
internal static class SpkiPin
{
    public const int Length = 32;

    /// <summary>Writes the SPKI SHA-256 of <paramref name="certificate"/> into <paramref name="destination"/> (32 bytes).</summary>
    public static void Compute(X509Certificate2 certificate, Span<byte> destination)
    {
        var spki = certificate.PublicKey.ExportSubjectPublicKeyInfo();
        SHA256.HashData(spki, destination);
    }

    /// <summary>Returns the base64 pin of <paramref name="certificate"/>.</summary>
    public static string ComputeBase64(X509Certificate2 certificate)
    {
        Span<byte> hash = stackalloc byte[Length];
        Compute(certificate, hash);
        return Convert.ToBase64String(hash);
    }

    /// <summary>Tells whether any certificate in <paramref name="certificates"/> has a key matching one of <paramref name="pins"/>.</summary>
    public static bool MatchesAny(IEnumerable<X509Certificate2> certificates, byte[][] pins)
    {
        Span<byte> hash = stackalloc byte[Length];
        foreach (var certificate in certificates)
        {
            Compute(certificate, hash);
            foreach (var pin in pins)
            {
                if (hash.SequenceEqual(pin))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
