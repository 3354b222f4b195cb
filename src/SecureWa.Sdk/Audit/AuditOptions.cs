namespace SecureWa.Sdk.Audit;

/// <summary>Options of the audit trail (<c>services.AddSecureWaAudit(o => …)</c>); validated on start.</summary>
public sealed class AuditOptions
{
    /// <summary>The default retention of every record class: 365 days.</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(365);

    /// <summary>
    /// The id of the audit key that links new records; the key itself is the secret
    /// <see cref="AuditSecretNames.ChainKey(string)"/> (at least 32 characters). To rotate, set a new id and keep the old
    /// secret readable: each record names its key id, and verification reads every key it meets.
    /// </summary>
    public string KeyId { get; set; } = "1";

    /// <summary>Fail closed (refuse the operation, the default) or open (go on, alert) when the intent cannot be written.</summary>
    public AuditFailureMode FailureMode { get; set; } = AuditFailureMode.FailClosed;

    /// <summary>A signed checkpoint every this many records of a chain (0: only on the timer). Default 1000.</summary>
    public int CheckpointEvery { get; set; } = 1000;

    /// <summary>A signed checkpoint of every chain that grew, this often (hosted service). Default 5 minutes.</summary>
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the hosted service purges expired records. Default 1 hour.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Retention per record class; a class not listed keeps <see cref="DefaultRetention"/>.</summary>
    public IDictionary<AuditRecordClass, TimeSpan> Retention { get; } = new Dictionary<AuditRecordClass, TimeSpan>();

    /// <summary>
    /// Opt-in: also keep content (the message as sent) encrypted with AES-256-GCM under a per-subject key, itself wrapped
    /// by <see cref="AuditSecretNames.ContentKey(string)"/>. Off by default (data minimization: no text, media or names).
    /// </summary>
    public bool RecordContent { get; set; }

    /// <summary>The id of the content key-encryption key (the secret <see cref="AuditSecretNames.ContentKey(string)"/>, base64 of 32 bytes).</summary>
    public string ContentKeyId { get; set; } = "1";

    /// <summary>The retention of <paramref name="recordClass"/>.</summary>
    /// <param name="recordClass">The record class.</param>
    /// <returns>Its retention period.</returns>
    public TimeSpan GetRetention(AuditRecordClass recordClass) =>
        Retention.TryGetValue(recordClass, out var period) ? period : DefaultRetention;
}
