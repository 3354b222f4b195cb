namespace SecureWa.Sdk.Tokens;

/// <summary>One entry of <c>granular_scopes</c>: a permission and the object ids (WABA ids, business ids) it is limited to.</summary>
public sealed class TokenGranularScope
{
    /// <summary>Creates the entry.</summary>
    /// <param name="scope">The permission name, such as <c>whatsapp_business_messaging</c>.</param>
    /// <param name="targetIds">The ids the permission is limited to; empty when it is not limited to named objects.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public TokenGranularScope(string scope, IReadOnlyList<string> targetIds)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(targetIds);
        Scope = scope;
        TargetIds = targetIds;
    }

    /// <summary>The permission name, such as <c>whatsapp_business_messaging</c>.</summary>
    public string Scope { get; }

    /// <summary>The ids (for WhatsApp: WhatsApp Business Account ids) the permission is limited to; empty when not limited.</summary>
    public IReadOnlyList<string> TargetIds { get; }
}
