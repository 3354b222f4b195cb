using SecureWa.Sdk.Governance;

namespace SecureWa.Sdk.Access;

/// <summary>
/// The built-in roles and the permissions each grants (least privilege: a person who both answers customers and
/// administers the account holds two roles). Replace or extend them with <see cref="WhatsAppAccessControlOptions.Roles"/>.
/// </summary>
public static class WhatsAppRoles
{
    /// <summary>Answers customers: sends session messages and approved templates, marks read, uploads and downloads media (for their own conversations when an <see cref="IConversationAssignment"/> is registered). Nothing about templates, integrations, configuration, tokens or records.</summary>
    public const string Agent = "agent";

    /// <summary>What an <see cref="Agent"/> may (for any conversation), plus reading the audit trail and metrics. Never template changes, tokens or integrations.</summary>
    public const string Supervisor = "supervisor";

    /// <summary>Configuration: templates, phone numbers, business profile, webhooks, flows, QR codes, media deletion, blocking, consent records, retention, permissions, sessions, full audit export, token inspection. Sends nothing.</summary>
    public const string Admin = "admin";

    /// <summary>A non-human caller: no permission until configured.</summary>
    public const string Service = "service";

    private static readonly string[] AgentPermissions =
    [
        WhatsAppPermissions.MessagesSend,
        WhatsAppPermissions.MessagesSendTemplate,
        WhatsAppPermissions.MessagesMarkRead,
        WhatsAppPermissions.MediaUpload,
        WhatsAppPermissions.MediaDownload,
    ];

    /// <summary>
    /// The built-in role → permission map. <see cref="WhatsAppPermissions.AuditErase"/> is granted by no built-in
    /// role: erasing a person's records is for a role you configure (a privacy officer), not for every admin.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> BuiltIn { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
    {
        [Agent] = AgentPermissions,
        [Supervisor] = [.. AgentPermissions, WhatsAppPermissions.AuditRead, WhatsAppPermissions.MetricsRead],
        [Admin] =
        [
            WhatsAppPermissions.MediaDelete,
            WhatsAppPermissions.TemplatesRead,
            WhatsAppPermissions.TemplatesManage,
            WhatsAppPermissions.PhoneNumbersRead,
            WhatsAppPermissions.PhoneNumbersManage,
            WhatsAppPermissions.BusinessProfileRead,
            WhatsAppPermissions.BusinessProfileManage,
            WhatsAppPermissions.UsersBlock,
            WhatsAppPermissions.WebhooksManage,
            WhatsAppPermissions.QrCodesManage,
            WhatsAppPermissions.FlowsRead,
            WhatsAppPermissions.FlowsManage,
            WhatsAppPermissions.MetricsRead,
            WhatsAppPermissions.AuditRead,
            WhatsAppPermissions.AuditExport,
            WhatsAppPermissions.ConsentManage,
            WhatsAppPermissions.RetentionManage,
            WhatsAppPermissions.TokensInspect,
            WhatsAppPermissions.SessionsManage,
            WhatsAppPermissions.PermissionsManage,
        ],
        [Service] = [],
    };
}
