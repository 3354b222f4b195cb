using System.Collections.Frozen;
using SecureWa.Sdk.Governance;

namespace SecureWa.Sdk.Access;

/// <summary>
/// The effective role → permission map: the built-in roles (unless turned off) with the configured ones over them.
/// Immutable and thread-safe; a check is a dictionary and a set lookup per role, with no allocation.
/// </summary>
public sealed class WhatsAppRoleMap
{
    private readonly FrozenDictionary<string, FrozenSet<string>> _roles;
    private readonly FrozenSet<string> _restricted;

    /// <summary>Builds the map from <paramref name="options"/>.</summary>
    /// <param name="options">The access-control options.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A role or permission name is empty or unknown (<see cref="Validate"/> names them all).</exception>
    public WhatsAppRoleMap(WhatsAppAccessControlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = Validate(options);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        var roles = new Dictionary<string, FrozenSet<string>>(StringComparer.OrdinalIgnoreCase);
        if (options.IncludeBuiltInRoles)
        {
            foreach (var (role, permissions) in WhatsAppRoles.BuiltIn)
            {
                roles[role] = permissions.ToFrozenSet(StringComparer.Ordinal);
            }
        }

        foreach (var (role, permissions) in options.Roles)
        {
            roles[role] = (permissions ?? []).ToFrozenSet(StringComparer.Ordinal);
        }

        _roles = roles.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _restricted = (options.AssignmentRestrictedRoles ?? [WhatsAppRoles.Agent]).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The map of the built-in roles alone.</summary>
    public static WhatsAppRoleMap BuiltIn { get; } = new(new WhatsAppAccessControlOptions());

    /// <summary>The role names the map knows.</summary>
    public IEnumerable<string> Roles => _roles.Keys;

    /// <summary>Whether <paramref name="role"/> is a role of the map (case-insensitive).</summary>
    /// <param name="role">A role name.</param>
    /// <returns><see langword="true"/> for a known role.</returns>
    public bool IsKnownRole(string? role) => role is not null && _roles.ContainsKey(role);

    /// <summary>The permissions <paramref name="role"/> grants (empty for an unknown role).</summary>
    /// <param name="role">A role name.</param>
    /// <returns>The permission names.</returns>
    public IReadOnlySet<string> GetPermissions(string role) =>
        role is not null && _roles.TryGetValue(role, out var permissions) ? permissions : FrozenSet<string>.Empty;

    /// <summary>Whether any of <paramref name="roles"/> grants <paramref name="permission"/>; unknown roles grant nothing.</summary>
    /// <param name="roles">The operator's roles.</param>
    /// <param name="permission">A <see cref="WhatsAppPermissions"/> name.</param>
    /// <returns><see langword="true"/> when granted.</returns>
    public bool Grants(IReadOnlyList<string> roles, string permission) => Evaluate(roles, permission) != Grant.None;

    /// <summary>Whether <paramref name="role"/> is limited to its assigned conversations.</summary>
    /// <param name="role">A role name.</param>
    /// <returns><see langword="true"/> for an assignment-restricted role.</returns>
    public bool IsAssignmentRestricted(string role) => role is not null && _restricted.Contains(role);

    /// <summary>How <paramref name="roles"/> hold <paramref name="permission"/>: not at all, only through restricted roles, or freely.</summary>
    internal Grant Evaluate(IReadOnlyList<string> roles, string permission)
    {
        var result = Grant.None;
        for (var i = 0; i < roles.Count; i++)
        {
            var role = roles[i];
            if (_roles.TryGetValue(role, out var permissions) && permissions.Contains(permission))
            {
                if (!_restricted.Contains(role))
                {
                    return Grant.Unrestricted;
                }

                result = Grant.AssignedConversationsOnly;
            }
        }

        return result;
    }

    /// <summary>Lists what is wrong with <paramref name="options"/>: empty or unknown names (no values are secret here).</summary>
    /// <param name="options">The options.</param>
    /// <returns>One sentence per problem; empty when valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> Validate(WhatsAppAccessControlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (options.IncludeBuiltInRoles)
        {
            known.UnionWith(WhatsAppRoles.BuiltIn.Keys);
        }

        foreach (var (role, permissions) in options.Roles ?? [])
        {
            if (string.IsNullOrWhiteSpace(role))
            {
                problems.Add("AccessControl: a role name is empty.");
                continue;
            }

            known.Add(role);
            foreach (var permission in permissions ?? [])
            {
                if (!WhatsAppPermissions.IsKnown(permission))
                {
                    problems.Add($"AccessControl: role '{role}' grants unknown permission '{permission}' (see WhatsAppPermissions.All).");
                }
            }
        }

        foreach (var role in options.AssignmentRestrictedRoles ?? [])
        {
            if (!known.Contains(role ?? string.Empty))
            {
                problems.Add($"AccessControl: AssignmentRestrictedRoles names unknown role '{role}'.");
            }
        }

        return problems;
    }

    /// <summary>How a set of roles holds a permission.</summary>
    internal enum Grant
    {
        None,
        AssignedConversationsOnly,
        Unrestricted,
    }
}
