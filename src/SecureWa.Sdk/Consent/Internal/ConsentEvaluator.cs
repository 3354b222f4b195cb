namespace SecureWa.Sdk.Consent.Internal;

/// <summary>Folds a subject's append-only history into the current state of one purpose.</summary>
internal static class ConsentEvaluator
{
    public static ConsentState Evaluate(IReadOnlyList<ConsentRecord> records, string purpose, DateTimeOffset now)
    {
        // The last opt-in/opt-out decides; a pending opt-in written after it shows until it lapses, and a lapsed one
        // leaves the earlier decision standing (it stays in the history).
        var decided = ConsentState.None;
        ConsentRecord? pending = null;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (record.Purpose is not null && !string.Equals(record.Purpose, purpose, StringComparison.Ordinal))
            {
                continue;
            }

            switch (record.Kind)
            {
                case ConsentRecordKind.OptOut:
                    decided = new ConsentState(ConsentStatus.OptedOut, record.RecordedAt, null);
                    pending = null;
                    break;
                case ConsentRecordKind.OptIn:
                    decided = new ConsentState(ConsentStatus.OptedIn, record.RecordedAt, null);
                    pending = null;
                    break;
                case ConsentRecordKind.OptInPending:
                    pending = record;
                    break;
            }
        }

        if (pending is not null && (pending.ExpiresAt is not { } expires || expires > now) && decided.Status != ConsentStatus.OptedIn)
        {
            return new ConsentState(ConsentStatus.PendingConfirmation, pending.RecordedAt, pending.ExpiresAt);
        }

        return decided;
    }
}
