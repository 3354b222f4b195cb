namespace SecureWa.Sdk.Governance;

/// <summary>
/// The permission names of SDK operations. Every public operation of every sub-client requires exactly one
/// (declared with <see cref="WhatsAppPermissionAttribute"/>); roles grant sets of them.
/// </summary>
public static class WhatsAppPermissions
{
    /// <summary>Send session (free-form) messages: text, media, interactive, reactions, location, contacts.</summary>
    public const string MessagesSend = "messages.send";

    /// <summary>Send template messages.</summary>
    public const string MessagesSendTemplate = "messages.send_template";

    /// <summary>Mark received messages as read (and show the typing indicator).</summary>
    public const string MessagesMarkRead = "messages.mark_read";

    /// <summary>Upload media.</summary>
    public const string MediaUpload = "media.upload";

    /// <summary>Describe and download media.</summary>
    public const string MediaDownload = "media.download";

    /// <summary>Delete media.</summary>
    public const string MediaDelete = "media.delete";

    /// <summary>List and read message templates.</summary>
    public const string TemplatesRead = "templates.read";

    /// <summary>Create, edit and delete message templates.</summary>
    public const string TemplatesManage = "templates.manage";

    /// <summary>List and read phone numbers (quality rating, messaging limit tier, name status).</summary>
    public const string PhoneNumbersRead = "phone_numbers.read";

    /// <summary>Register, deregister and verify phone numbers, set the two-step verification PIN.</summary>
    public const string PhoneNumbersManage = "phone_numbers.manage";

    /// <summary>Read the business profile.</summary>
    public const string BusinessProfileRead = "business_profile.read";

    /// <summary>Update the business profile.</summary>
    public const string BusinessProfileManage = "business_profile.manage";

    /// <summary>Block, unblock and list blocked users.</summary>
    public const string UsersBlock = "users.block";

    /// <summary>Manage WABA webhook subscriptions and callback overrides.</summary>
    public const string WebhooksManage = "webhooks.manage";

    /// <summary>Create, list and delete QR codes.</summary>
    public const string QrCodesManage = "qr_codes.manage";

    /// <summary>List and read flows, their assets and validation errors.</summary>
    public const string FlowsRead = "flows.read";

    /// <summary>Create, update, publish, deprecate and delete flows; set the business encryption key.</summary>
    public const string FlowsManage = "flows.manage";

    /// <summary>Read delivery, conversation and pricing metrics (analytics).</summary>
    public const string MetricsRead = "metrics.read";

    /// <summary>Read the audit trail.</summary>
    public const string AuditRead = "audit.read";

    /// <summary>Export the audit trail (whole or one person's records).</summary>
    public const string AuditExport = "audit.export";

    /// <summary>Erase one person's data (crypto-shredding of their encrypted records).</summary>
    public const string AuditErase = "audit.erase";

    /// <summary>Record opt-in and opt-out, read and export consent records.</summary>
    public const string ConsentManage = "consent.manage";

    /// <summary>Change retention periods and run purges.</summary>
    public const string RetentionManage = "retention.manage";

    /// <summary>Inspect the access token (<c>debug_token</c>).</summary>
    public const string TokensInspect = "tokens.inspect";

    /// <summary>Issue and revoke operator sessions.</summary>
    public const string SessionsManage = "sessions.manage";

    /// <summary>Change the role → permission map.</summary>
    public const string PermissionsManage = "permissions.manage";

    /// <summary>Every permission name the SDK defines.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        MessagesSend, MessagesSendTemplate, MessagesMarkRead, MediaUpload, MediaDownload, MediaDelete,
        TemplatesRead, TemplatesManage, PhoneNumbersRead, PhoneNumbersManage, BusinessProfileRead, BusinessProfileManage,
        UsersBlock, WebhooksManage, QrCodesManage, FlowsRead, FlowsManage, MetricsRead, AuditRead, AuditExport, AuditErase,
        ConsentManage, RetentionManage, TokensInspect, SessionsManage, PermissionsManage,
    ];

    /// <summary>Whether <paramref name="permission"/> is one of <see cref="All"/>.</summary>
    /// <param name="permission">A permission name.</param>
    /// <returns><see langword="true"/> for a name the SDK defines.</returns>
    public static bool IsKnown(string? permission) => permission is not null && All.Contains(permission, StringComparer.Ordinal);
}
