using Microsoft.Extensions.Options;
using SecureWa.Sdk.Access;

namespace SecureWa.Sdk.Sessions.Internal;

/// <summary>Fails start on session options that cannot work: missing issuer or audience, lifetimes out of order, unknown roles in an SSO role map, unreadable SSO keys.</summary>
internal sealed class OperatorSessionOptionsValidator(WhatsAppRoleMap? roleMap = null) : IValidateOptions<OperatorSessionOptions>
{
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public ValidateOptionsResult Validate(string? name, OperatorSessionOptions options)
    {
        var problems = Check(options, roleMap ?? WhatsAppRoleMap.BuiltIn);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static List<string> Check(OperatorSessionOptions options, WhatsAppRoleMap roleMap)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            problems.Add("Sessions: Issuer is required.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            problems.Add("Sessions: Audience is required.");
        }

        if (SessionKeys.RequiredKeySize(options.Algorithm) is null)
        {
            problems.Add($"Sessions: Algorithm '{options.Algorithm}' is not supported (ES256, ES384, ES512).");
        }

        if (string.IsNullOrWhiteSpace(options.SigningKeySecretName))
        {
            problems.Add("Sessions: SigningKeySecretName is required.");
        }

        if (options.MaxSessionLifetime <= TimeSpan.Zero)
        {
            problems.Add("Sessions: MaxSessionLifetime must be positive.");
        }

        if (options.SessionLifetime <= TimeSpan.Zero || options.SessionLifetime > options.MaxSessionLifetime)
        {
            problems.Add("Sessions: SessionLifetime must be positive and at most MaxSessionLifetime.");
        }

        if (options.IdleTimeout <= TimeSpan.Zero)
        {
            problems.Add("Sessions: IdleTimeout must be positive.");
        }

        if (options.LastUseResolution <= TimeSpan.Zero || options.LastUseResolution >= options.IdleTimeout)
        {
            problems.Add("Sessions: LastUseResolution must be positive and less than IdleTimeout.");
        }

        if (options.SuspendAfterInactivity < TimeSpan.Zero)
        {
            problems.Add("Sessions: SuspendAfterInactivity must not be negative (zero turns suspension off).");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > MaxClockSkew)
        {
            problems.Add("Sessions: ClockSkew must be between 0 and 5 minutes.");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var issuers = new HashSet<string>(StringComparer.Ordinal) { options.Issuer };
        foreach (var provider in options.IdentityProviders ?? [])
        {
            var label = string.IsNullOrWhiteSpace(provider.Name) ? "(unnamed)" : provider.Name;
            if (string.IsNullOrWhiteSpace(provider.Name) || !names.Add(provider.Name))
            {
                problems.Add($"Sessions: identity provider '{label}' needs a unique Name.");
            }

            if (string.IsNullOrWhiteSpace(provider.Issuer) || !issuers.Add(provider.Issuer))
            {
                problems.Add($"Sessions: identity provider '{label}' needs an Issuer of its own (not empty, not another's, not this application's).");
            }

            if (provider.Audiences is not { Length: > 0 } || provider.Audiences.Any(string.IsNullOrWhiteSpace))
            {
                problems.Add($"Sessions: identity provider '{label}' needs at least one Audience.");
            }

            foreach (var algorithm in provider.ValidAlgorithms ?? [])
            {
                if (algorithm is null || algorithm.StartsWith("HS", StringComparison.OrdinalIgnoreCase) || string.Equals(algorithm, "none", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"Sessions: identity provider '{label}' lists algorithm '{algorithm}'; only asymmetric signatures are accepted.");
                }
            }

            try
            {
                if (SessionKeys.ParseProviderKeys(provider).Count == 0)
                {
                    problems.Add($"Sessions: identity provider '{label}' has no signing key (SigningKeysJwks or SigningKeysPem).");
                }
            }
            catch (ArgumentException ex)
            {
                problems.Add($"Sessions: identity provider '{label}': {ex.Message}");
            }

            if (provider.RoleMap is not { Count: > 0 })
            {
                problems.Add($"Sessions: identity provider '{label}' needs a RoleMap (claim value → roles).");
            }
            else
            {
                foreach (var (value, roles) in provider.RoleMap)
                {
                    foreach (var role in roles ?? [])
                    {
                        if (!roleMap.IsKnownRole(role))
                        {
                            problems.Add($"Sessions: identity provider '{label}' maps '{value}' to unknown role '{role}'.");
                        }
                    }
                }
            }

            if (string.IsNullOrWhiteSpace(provider.SubjectClaim) || string.IsNullOrWhiteSpace(provider.RoleClaim))
            {
                problems.Add($"Sessions: identity provider '{label}' needs SubjectClaim and RoleClaim.");
            }
        }

        return problems;
    }
}
