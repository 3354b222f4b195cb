namespace SecureWa.Sdk.Consent;

/// <summary>Options of the consent ledger, the consent policy and the conversational opt-out.</summary>
public sealed class ConsentOptions
{
    /// <summary>How long a double opt-in stays pending before it lapses (default 48 hours; 1 minute to 30 days).</summary>
    public TimeSpan PendingConfirmationTimeout { get; set; } = TimeSpan.FromHours(48);

    /// <summary>The customer-service window after the person's last inbound message (default 24 hours, as Meta defines it).</summary>
    public TimeSpan ServiceWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How many recipients the in-memory service window remembers (oldest dropped first; default 1,000,000).</summary>
    public int ServiceWindowMaxEntries { get; set; } = 1_000_000;

    /// <summary>Whether free-form (non-template) messages need the customer-service window open (default <see langword="true"/>).</summary>
    public bool EnforceServiceWindow { get; set; } = true;

    /// <summary>Whether a utility template is refused when the person opted out of utility messages (default <see langword="true"/>).</summary>
    public bool RefuseUtilityAfterOptOut { get; set; } = true;

    /// <summary>Whether an authentication template is refused when the person opted out of authentication messages (default <see langword="true"/>).</summary>
    public bool RefuseAuthenticationAfterOptOut { get; set; } = true;

    /// <summary>The name of the secret the default pseudonymizer keys its HMAC with (share it with the audit trail; default <c>AuditPepper</c>).</summary>
    public string PseudonymSecretName { get; set; } = "AuditPepper";

    /// <summary>How long a category from the <see cref="ITemplateCategoryResolver"/> is cached (default 1 hour).</summary>
    public TimeSpan TemplateCategoryCacheDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Inbound texts that, as the whole message (case, accents, surrounding whitespace and punctuation ignored), opt the person out.</summary>
    public IList<string> OptOutKeywords { get; } = ["STOP", "UNSUBSCRIBE", "PARAR", "SAIR", "BAJA"];

    /// <summary>Quick-reply button payloads or texts that opt the person out of marketing (default the marketing "Stop promotions" button).</summary>
    public IList<string> MarketingOptOutButtons { get; } = ["Stop promotions"];

    /// <summary>
    /// The purpose a keyword opt-out covers: <see langword="null"/> (the default) for every purpose, or one purpose name
    /// such as <see cref="ConsentPurposes.Marketing"/>.
    /// </summary>
    public string? KeywordOptOutPurpose { get; set; }

    /// <summary>Whether to record opt-outs from inbound keywords and buttons automatically (default <see langword="true"/>).</summary>
    public bool EnableConversationalOptOut { get; set; } = true;

    /// <summary>Whether to answer a conversational opt-out with <see cref="OptOutConfirmationText"/> (default <see langword="false"/>).</summary>
    public bool SendOptOutConfirmation { get; set; }

    /// <summary>The confirmation reply text (at most 4096 characters).</summary>
    public string OptOutConfirmationText { get; set; } = "You will no longer receive these messages. Reply START to opt in again.";
}
