using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SecureWa.Sdk.Http.Internal;

/// <summary>Loads trust anchor certificates from PEM or DER files (public certificates only, never keys).</summary>
internal static class TrustAnchorLoader
{
    /// <summary>Largest trust anchor file read (a bundle of a few hundred roots fits).</summary>
    private const long MaxFileBytes = 1024 * 1024;

    public static bool TryLoad(string? path, [NotNullWhen(true)] out X509Certificate2Collection? certificates, [NotNullWhen(false)] out string? error)
    {
        certificates = null;
        if (string.IsNullOrWhiteSpace(path))
        {
            error = "the path is empty.";
            return false;
        }

        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                error = $"the file '{path}' does not exist.";
                return false;
            }

            if (info.Length > MaxFileBytes)
            {
                error = $"the file '{path}' is larger than {MaxFileBytes} bytes.";
                return false;
            }

            var bytes = File.ReadAllBytes(path);
            var collection = new X509Certificate2Collection();
            if (LooksLikePem(bytes))
            {
                collection.ImportFromPem(System.Text.Encoding.ASCII.GetString(bytes));
            }
            else
            {
#if NET9_0_OR_GREATER
                collection.Add(X509CertificateLoader.LoadCertificate(bytes));
#else
                collection.Add(new X509Certificate2(bytes));
#endif
            }

            if (collection.Count == 0)
            {
                error = $"the file '{path}' holds no certificate.";
                return false;
            }

            certificates = collection;
            error = null;
            return true;
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            error = $"the file '{path}' could not be loaded as a PEM or DER certificate ({ex.GetType().Name}).";
            return false;
        }
    }

    private static bool LooksLikePem(ReadOnlySpan<byte> bytes)
    {
        return bytes.IndexOf("-----BEGIN"u8) >= 0;
    }
}
