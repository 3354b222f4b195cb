namespace SecureWa.Sdk.Consent;

/// <summary>The last inbound message time per subject key, for the 24-hour customer-service window.</summary>
public interface ICustomerServiceWindow
{
    /// <summary>Records that the subject wrote at <paramref name="at"/> (keeps the latest time).</summary>
    /// <param name="subjectKey">The subject key.</param>
    /// <param name="at">When the inbound message was sent.</param>
    void RecordInbound(string subjectKey, DateTimeOffset at);

    /// <summary>The subject's last inbound message time, or <see langword="null"/>.</summary>
    /// <param name="subjectKey">The subject key.</param>
    /// <returns>The time, or <see langword="null"/>.</returns>
    DateTimeOffset? GetLastInbound(string subjectKey);

    /// <summary>Forgets the subject (right of erasure).</summary>
    /// <param name="subjectKey">The subject key.</param>
    void Forget(string subjectKey);
}
