using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Tests.TestSupport;

/// <summary>An inner provider whose answers the test scripts, counting calls and invalidations.</summary>
public sealed class ScriptedSecretProvider : ISecretProvider
{
    private int _calls;
    private int _invalidations;

    /// <summary>Answers a call (1-based call number); the default returns <see cref="Current"/>.</summary>
    public Func<int, Task<SecretValue>>? OnGet { get; set; }

    public SecretValue Current { get; set; } = new("EAAG-initial-value", "v1");

    public int Calls => Volatile.Read(ref _calls);

    public int Invalidations => Volatile.Read(ref _invalidations);

    public ValueTask<SecretValue> GetSecretAsync(string name, CancellationToken cancellationToken = default)
    {
        var call = Interlocked.Increment(ref _calls);
        return OnGet is { } onGet ? new ValueTask<SecretValue>(onGet(call)) : new ValueTask<SecretValue>(Current);
    }

    public void Invalidate(string name) => Interlocked.Increment(ref _invalidations);
}
