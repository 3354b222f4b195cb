using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;

namespace SecureWa.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// What the benchmark classes of this project share on top of BenchmarkDotNet's default configuration (which
/// <c>BenchmarkSwitcher</c> always merges in, and which already exports the GitHub markdown report to
/// <c>BenchmarkDotNet.Artifacts/results/*-report-github.md</c>; adding that exporter again only draws a duplicate warning).
/// It adds <b>no job</b> on purpose: a job here would run next to the one chosen on the command line, so
/// <c>--job short</c> (or <c>dry</c>) would no longer be a quick check. Without a job BenchmarkDotNet uses the default
/// job, or the one given by <c>--job</c>.
/// </summary>
public class SecureWaBenchmarkConfig : ManualConfig
{
    public SecureWaBenchmarkConfig()
    {
        AddDiagnoser(MemoryDiagnoser.Default);
        if (!DefaultConfig.Instance.GetExporters().Contains(MarkdownExporter.GitHub))
        {
            AddExporter(MarkdownExporter.GitHub);
        }
    }
}
