namespace SecureWa.Sdk.Audit;

/// <summary>The result of <see cref="IAuditTrail.VerifyAsync"/>.</summary>
/// <param name="recordsChecked">How many records were checked.</param>
/// <param name="chainsChecked">How many chains were checked.</param>
/// <param name="firstBreak">The first break, or <see langword="null"/> when everything verified.</param>
public sealed class AuditVerificationResult(long recordsChecked, int chainsChecked, AuditChainBreak? firstBreak)
{
    /// <summary>Whether every checked chain verified.</summary>
    public bool IsValid => FirstBreak is null;

    /// <summary>How many records were checked.</summary>
    public long RecordsChecked { get; } = recordsChecked;

    /// <summary>How many chains were checked.</summary>
    public int ChainsChecked { get; } = chainsChecked;

    /// <summary>The first break (chains in class order, records in sequence order).</summary>
    public AuditChainBreak? FirstBreak { get; } = firstBreak;

    /// <inheritdoc />
    public override string ToString() => IsValid ? $"valid ({RecordsChecked} records, {ChainsChecked} chains)" : FirstBreak!.ToString();
}
