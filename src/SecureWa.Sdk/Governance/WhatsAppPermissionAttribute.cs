namespace SecureWa.Sdk.Governance;

/// <summary>
/// Declares the permission a public SDK operation requires (one of <see cref="WhatsAppPermissions"/>). Every
/// public operation of every sub-client carries it; a test enumerates the public API and fails when one does not.
/// </summary>
/// <param name="permission">The permission name.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class WhatsAppPermissionAttribute(string permission) : Attribute
{
    /// <summary>The permission name.</summary>
    public string Permission { get; } = permission;
}
