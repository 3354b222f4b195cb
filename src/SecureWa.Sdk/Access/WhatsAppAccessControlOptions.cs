namespace SecureWa.Sdk.Access;

/// <summary>
/// Access control: the role → permission map and which roles are limited to their own conversations. Bind it from
/// configuration (for example the <c>WhatsApp:AccessControl</c> section); names that are not known fail on start.
/// </summary>
/// <example>
/// <code>
/// "AccessControl": {
///   "Roles": { "crm-sync": [ "messages.send_template" ], "privacy_officer": [ "audit.export", "audit.erase" ] },
///   "AssignmentRestrictedRoles": [ "agent" ]
/// }
/// </code>
/// </example>
public sealed class WhatsAppAccessControlOptions
{
    /// <summary>Whether the <see cref="WhatsAppRoles.BuiltIn"/> roles are part of the map (default <see langword="true"/>).</summary>
    public bool IncludeBuiltInRoles { get; set; } = true;

    /// <summary>
    /// Roles and the permissions (<see cref="Governance.WhatsAppPermissions"/> names) they grant. A role named here replaces the
    /// built-in role of the same name as a whole (<c>"service": ["messages.send_template"]</c>); other names add roles.
    /// Role names are matched case-insensitively.
    /// </summary>
    public Dictionary<string, string[]> Roles { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Roles limited to the conversations the application's <see cref="IConversationAssignment"/> assigns them
    /// (<see langword="null"/>: <c>[agent]</c>). An operator is checked only when none of its roles granting the
    /// permission is unrestricted (a supervisor who is also an agent reaches any conversation).
    /// </summary>
    public string[]? AssignmentRestrictedRoles { get; set; }
}
