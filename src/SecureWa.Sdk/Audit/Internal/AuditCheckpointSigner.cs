using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SecureWa.Sdk.Audit.Internal;

/// <summary>Signs and checks checkpoints and purge anchors as compact JWS (HS256, <c>kid</c> = the audit key id).</summary>
internal static class AuditCheckpointSigner
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public static AuditCheckpoint Sign(string chain, long sequence, byte[] link, AuditCheckpointKind kind, DateTimeOffset now, string keyId, byte[] chainKey)
    {
        var key = new SymmetricSecurityKey(AuditKeyRing.DeriveCheckpointKey(chainKey)) { KeyId = keyId };
        var descriptor = new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["chain"] = chain,
                ["seq"] = sequence,
                ["link"] = Base64UrlEncoder.Encode(link),
                ["kind"] = kind == AuditCheckpointKind.PurgeAnchor ? "purge_anchor" : "checkpoint",
            },
            IssuedAt = now.UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        };
        return new AuditCheckpoint
        {
            Chain = chain,
            Sequence = sequence,
            Link = link,
            Kind = kind,
            CreatedAt = now,
            Jws = Handler.CreateToken(descriptor),
        };
    }

    /// <summary>The key id a JWS names, or <see langword="null"/> when it is not a JWS.</summary>
    public static string? ReadKeyId(string jws)
    {
        try
        {
            return new JsonWebToken(jws).Kid;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Checks the signature and that the signed claims are the stored columns; returns what is wrong, or <see langword="null"/>.</summary>
    public static async Task<string?> CheckAsync(AuditCheckpoint checkpoint, string keyId, byte[] chainKey)
    {
        var parameters = new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(AuditKeyRing.DeriveCheckpointKey(chainKey)) { KeyId = keyId },
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
        };
        var result = await Handler.ValidateTokenAsync(checkpoint.Jws, parameters).ConfigureAwait(false);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            return "its signature does not verify";
        }

        var expectedKind = checkpoint.Kind == AuditCheckpointKind.PurgeAnchor ? "purge_anchor" : "checkpoint";
        if (!token.TryGetPayloadValue<string>("chain", out var chain) || chain != checkpoint.Chain
            || !token.TryGetPayloadValue<long>("seq", out var seq) || seq != checkpoint.Sequence
            || !token.TryGetPayloadValue<string>("kind", out var kind) || kind != expectedKind
            || !token.TryGetPayloadValue<string>("link", out var link) || link != Base64UrlEncoder.Encode(checkpoint.Link))
        {
            return "its stored fields differ from what it signed";
        }

        return null;
    }
}
