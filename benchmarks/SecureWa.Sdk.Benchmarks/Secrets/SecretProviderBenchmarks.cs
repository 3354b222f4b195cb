using BenchmarkDotNet.Attributes;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Benchmarks.Secrets;

/// <summary>
/// The per-request cost of getting the access token: what the authentication handler pays on every call.
/// Baseline: a dictionary lookup (in-memory provider). Compared: a warm cache, and an uncached file read that
/// only stats the file (content cached by last-write time, length and resolved target).
/// </summary>
[MemoryDiagnoser]
public class SecretProviderBenchmarks
{
    private InMemorySecretProvider _memory = null!;
    private CachingSecretProvider _cache = null!;
    private FileSecretProvider _file = null!;
    private string _directory = null!;

    [GlobalSetup]
    public void Setup()
    {
        _memory = new InMemorySecretProvider([new(SecretNames.AccessToken, "EAAG-benchmark-token")]);
        _cache = new CachingSecretProvider(_memory);
        _cache.GetSecretAsync(SecretNames.AccessToken).AsTask().GetAwaiter().GetResult();
        _directory = Path.Combine(Path.GetTempPath(), "securewa-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, SecretNames.AccessToken);
        File.WriteAllText(path, "EAAG-benchmark-token\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        _file = new FileSecretProvider(_directory);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_directory, recursive: true);

    [Benchmark(Baseline = true)]
    public SecretValue InMemory() => _memory.GetSecretAsync(SecretNames.AccessToken).Result;

    [Benchmark]
    public SecretValue CachedHit() => _cache.GetSecretAsync(SecretNames.AccessToken).Result;

    [Benchmark]
    public SecretValue FileUnchanged() => _file.GetSecretAsync(SecretNames.AccessToken).Result;
}
