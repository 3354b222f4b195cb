namespace SecureWa.Sdk.Audit;

/// <summary>An audit record that could not be written, as reported to <see cref="IAuditFailureObserver"/>. No personal data.</summary>
/// <param name="operation">The operation (permission or event name).</param>
/// <param name="phase">The phase that failed.</param>
/// <param name="failClosed">Whether the operation was refused (intent, fail closed).</param>
/// <param name="exceptionType">The store failure's type name.</param>
public sealed class AuditWriteFailure(string operation, AuditRecordPhase phase, bool failClosed, string exceptionType)
{
    /// <summary>The operation.</summary>
    public string Operation { get; } = operation;

    /// <summary>The phase: an intent (before the call) or an outcome (after it: the intent stays as "outcome unknown").</summary>
    public AuditRecordPhase Phase { get; } = phase;

    /// <summary>Whether the operation was refused because of it.</summary>
    public bool FailClosed { get; } = failClosed;

    /// <summary>The store failure's type name.</summary>
    public string ExceptionType { get; } = exceptionType;

    /// <inheritdoc />
    public override string ToString() => $"audit {Phase} of {Operation} not written ({ExceptionType}){(FailClosed ? ", operation refused" : string.Empty)}";
}
