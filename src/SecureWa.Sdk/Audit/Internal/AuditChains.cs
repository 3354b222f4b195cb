namespace SecureWa.Sdk.Audit.Internal;

/// <summary>One chain per record class, named after it.</summary>
internal static class AuditChains
{
    private static readonly string[] Names = ["operation", "webhook", "session", "access_control", "retention", "token_health", "audit_access", "consent"];

    public static string Name(AuditRecordClass recordClass) =>
        (uint)recordClass < (uint)Names.Length ? Names[(int)recordClass] : "class_" + ((int)recordClass).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static AuditRecordClass? ClassOf(string chain)
    {
        var index = Array.IndexOf(Names, chain);
        return index < 0 ? null : (AuditRecordClass)index;
    }

    /// <summary>The record class an operation of <paramref name="permission"/> is recorded under.</summary>
    public static AuditRecordClass ClassOfPermission(string permission) => permission switch
    {
        Governance.WhatsAppPermissions.AuditRead or Governance.WhatsAppPermissions.AuditExport or Governance.WhatsAppPermissions.AuditErase => AuditRecordClass.AuditAccess,
        Governance.WhatsAppPermissions.RetentionManage => AuditRecordClass.Retention,
        Governance.WhatsAppPermissions.SessionsManage => AuditRecordClass.Session,
        Governance.WhatsAppPermissions.PermissionsManage => AuditRecordClass.AccessControl,
        Governance.WhatsAppPermissions.TokensInspect => AuditRecordClass.TokenHealth,
        Governance.WhatsAppPermissions.ConsentManage => AuditRecordClass.Consent,
        _ => AuditRecordClass.Operation,
    };
}
