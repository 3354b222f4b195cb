namespace SecureWa.Sdk.Tokens;

/// <summary>What a token health check compares the token with. Validated on start with DI.</summary>
public sealed class TokenHealthOptions
{
    /// <summary>The permission a send-only service needs.</summary>
    public const string MessagingScope = "whatsapp_business_messaging";

    /// <summary>The WABA management permission (templates, phone numbers, webhooks).</summary>
    public const string ManagementScope = "whatsapp_business_management";

    /// <summary>The business portfolio management permission.</summary>
    public const string BusinessManagementScope = "business_management";

    /// <summary>A token expiring within this window is reported <see cref="TokenHealthFindingKind.ExpiresSoon"/>. Default 7 days.</summary>
    public TimeSpan ExpiryWarningWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// A never-expiring token used for longer than this (since the SDK first saw it, or since <c>issued_at</c> when Graph
    /// gives it and it is earlier) is reported <see cref="TokenHealthFindingKind.RotationOverdue"/>. Default 90 days.
    /// </summary>
    public TimeSpan RotationPeriod { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often the hosted check runs. Default 6 hours; at least 1 minute.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// The app the token must belong to (the Meta app id, digits). When set, a token of another app is reported
    /// <see cref="TokenHealthFindingKind.WrongApp"/>.
    /// </summary>
    public string? AppId { get; set; }

    /// <summary>
    /// Whether this service manages the WABA (templates, phone numbers, webhooks). When <see langword="false"/> (the
    /// default, a send-only service), <c>whatsapp_business_management</c> and <c>business_management</c> are excess.
    /// </summary>
    public bool ManagementEnabled { get; set; }

    /// <summary>
    /// The permissions the service needs; a missing one is <see cref="TokenHealthFindingKind.MissingScope"/>. When
    /// <see langword="null"/> (the default): <c>whatsapp_business_messaging</c>. (A default of <see langword="null"/>
    /// lets configuration replace the list instead of appending to it.)
    /// </summary>
    public IList<string>? RequiredScopes { get; set; }

    /// <summary>
    /// Further permissions tolerated without a finding. When <see langword="null"/> (the default): <c>public_profile</c>
    /// (granted to every token, reaches no WABA data).
    /// </summary>
    public IList<string>? AllowedScopes { get; set; }

    internal IEnumerable<string> EffectiveRequiredScopes => RequiredScopes ?? [MessagingScope];

    internal IEnumerable<string> EffectiveAllowedScopes => AllowedScopes ?? ["public_profile"];

    internal void Validate(List<string> failures)
    {
        if (ExpiryWarningWindow < TimeSpan.Zero)
        {
            failures.Add("TokenHealth.ExpiryWarningWindow must not be negative.");
        }

        if (RotationPeriod <= TimeSpan.Zero)
        {
            failures.Add("TokenHealth.RotationPeriod must be positive.");
        }

        if (CheckInterval < TimeSpan.FromMinutes(1) || CheckInterval > TimeSpan.FromDays(7))
        {
            failures.Add("TokenHealth.CheckInterval must be between 1 minute and 7 days.");
        }

        if (AppId is not null && (AppId.Length is 0 or > 32 || !AppId.All(char.IsAsciiDigit)))
        {
            failures.Add("TokenHealth.AppId must be the numeric Meta app id.");
        }
    }
}
