using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace SecureWa.Sdk.Sessions.Internal;

/// <summary>Turns configured key material (PEM, JWKS) into IdentityModel keys, with RFC 7638 thumbprints as key ids.</summary>
internal static class SessionKeys
{
    /// <summary>The curve each ES algorithm requires.</summary>
    public static int? RequiredKeySize(string algorithm) => algorithm switch
    {
        SecurityAlgorithms.EcdsaSha256 => 256,
        SecurityAlgorithms.EcdsaSha384 => 384,
        SecurityAlgorithms.EcdsaSha512 => 521,
        _ => null,
    };

    /// <summary>Parses a PEM EC private key; the message of a failure names the secret, never its content.</summary>
    /// <exception cref="Secrets.SecretProviderException">The secret is not a PEM EC private key of the algorithm's curve.</exception>
    public static ECDsaSecurityKey ParsePrivateEcKey(string pem, string secretName, string algorithm)
    {
        if (!pem.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
        {
            throw new Secrets.SecretProviderException(secretName, $"The secret '{secretName}' is not a PEM private key (expected '-----BEGIN EC PRIVATE KEY-----' or '-----BEGIN PRIVATE KEY-----').");
        }

        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(pem);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            ecdsa.Dispose();

            // No inner exception: a parser's message could quote the input.
            throw new Secrets.SecretProviderException(secretName, $"The secret '{secretName}' is not a PEM EC private key ({ex.GetType().Name}).");
        }

        if (RequiredKeySize(algorithm) is { } size && ecdsa.KeySize != size)
        {
            ecdsa.Dispose();
            throw new Secrets.SecretProviderException(secretName, $"The secret '{secretName}' is an EC key of {ecdsa.KeySize} bits; {algorithm} needs {size}.");
        }

        var key = new ECDsaSecurityKey(ecdsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }

    /// <summary>Parses a PEM public key (RSA or EC), keyed by its thumbprint.</summary>
    /// <exception cref="ArgumentException">Not a PEM RSA or EC public key.</exception>
    public static SecurityKey ParsePublicKey(string pem)
    {
        SecurityKey key;
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
            key = new RsaSecurityKey(rsa);
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            rsa.Dispose();
            var ecdsa = ECDsa.Create();
            try
            {
                ecdsa.ImportFromPem(pem);
            }
            catch (Exception inner) when (inner is ArgumentException or CryptographicException)
            {
                ecdsa.Dispose();
                throw new ArgumentException("A signing key is not a PEM RSA or EC public key.", nameof(pem));
            }

            key = new ECDsaSecurityKey(ecdsa);
        }

        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }

    /// <summary>Every signing key of an identity provider: its JWKS keys and its PEM keys.</summary>
    /// <exception cref="ArgumentException">The JWKS is not a key set, or a PEM is not a public key.</exception>
    public static List<SecurityKey> ParseProviderKeys(OperatorIdentityProviderOptions provider)
    {
        var keys = new List<SecurityKey>();
        if (!string.IsNullOrWhiteSpace(provider.SigningKeysJwks))
        {
            JsonWebKeySet set;
            try
            {
                set = new JsonWebKeySet(provider.SigningKeysJwks);
            }
            catch (Exception ex) when (ex is ArgumentException or System.Text.Json.JsonException or InvalidOperationException or FormatException)
            {
                throw new ArgumentException($"Identity provider '{provider.Name}': SigningKeysJwks is not a JWKS document.", nameof(provider));
            }

            keys.AddRange(set.GetSigningKeys());
        }

        foreach (var pem in provider.SigningKeysPem ?? [])
        {
            keys.Add(ParsePublicKey(pem));
        }

        return keys;
    }
}
