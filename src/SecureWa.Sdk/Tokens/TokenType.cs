namespace SecureWa.Sdk.Tokens;

/// <summary>The kind of access token, as <c>debug_token</c> reports it in <c>type</c>.</summary>
public enum TokenType
{
    /// <summary>A type the SDK does not know (kept, not guessed).</summary>
    Unknown = 0,

    /// <summary><c>USER</c>: a user access token (expires).</summary>
    User,

    /// <summary><c>SYSTEM_USER</c>: a business system-user token (may never expire).</summary>
    SystemUser,

    /// <summary><c>PAGE</c>: a page access token.</summary>
    Page,

    /// <summary><c>APP</c>: an app access token.</summary>
    App,
}
