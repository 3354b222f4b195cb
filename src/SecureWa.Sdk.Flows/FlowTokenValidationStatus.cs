namespace SecureWa.Sdk.Flows;

/// <summary>The outcome of <see cref="FlowTokenProtector.ValidateAsync"/>.</summary>
public enum FlowTokenValidationStatus
{
    /// <summary>Signed with our key and not expired.</summary>
    Valid = 0,

    /// <summary>No token, or not in the <c>v1.&lt;payload&gt;.&lt;mac&gt;</c> form.</summary>
    Malformed,

    /// <summary>The signature does not match any configured key (forged or altered).</summary>
    BadSignature,

    /// <summary>Signed by us but expired.</summary>
    Expired,
}
