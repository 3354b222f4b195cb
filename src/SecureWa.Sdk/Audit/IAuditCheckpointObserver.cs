namespace SecureWa.Sdk.Audit;

/// <summary>
/// Told about every checkpoint and purge anchor the trail signs (register as a DI singleton). Ship them somewhere an
/// attacker with database access cannot reach (WORM storage, another system) and pass them back to
/// <see cref="AuditVerificationRange.ExternalCheckpoints"/>: then deleting a chain's tail together with its stored
/// checkpoints is still detected. Called inline after the write: keep it fast and never throw.
/// </summary>
public interface IAuditCheckpointObserver
{
    /// <summary>A checkpoint or purge anchor was stored.</summary>
    /// <param name="checkpoint">It, with its JWS.</param>
    void OnCheckpoint(AuditCheckpoint checkpoint);
}
