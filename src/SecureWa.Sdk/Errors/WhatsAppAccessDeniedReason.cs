namespace SecureWa.Sdk.Errors;

/// <summary>Why access control refused an operation.</summary>
public enum WhatsAppAccessDeniedReason
{
    /// <summary>Access control is enabled and the call had no operator (fail closed).</summary>
    NoOperator,

    /// <summary>None of the operator's roles grants the permission.</summary>
    PermissionNotGranted,

    /// <summary>The operator holds the permission only for its own conversations, and this recipient's is not assigned to it.</summary>
    NotAssigned,
}
