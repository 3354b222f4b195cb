using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SecureWa.Sdk.Benchmarks.Infrastructure;

/// <summary>
/// A column derived from the size of a benchmark case's payload, told by <paramref name="sizeOf"/> from the case's
/// parameters (the size is computed in the host process; payloads are deterministic, so it is the size the
/// benchmark process used).
/// </summary>
public abstract class PayloadColumn(string id, string columnName, Func<BenchmarkCase, long?> sizeOf) : IColumn
{
    public string Id { get; } = id;

    public string ColumnName { get; } = columnName;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public abstract string Legend { get; }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var size = sizeOf(benchmarkCase);
        return size is null ? "-" : Format(summary, benchmarkCase, size.Value);
    }

    protected abstract string Format(Summary summary, BenchmarkCase benchmarkCase, long size);

    public override string ToString() => ColumnName;
}

/// <summary>The payload size in bytes.</summary>
public sealed class PayloadBytesColumn(Func<BenchmarkCase, long?> sizeOf, string columnName = "Payload B") : PayloadColumn("PayloadBytes", columnName, sizeOf)
{
    public override string Legend => "Size of the payload processed per operation, in bytes";

    protected override string Format(Summary summary, BenchmarkCase benchmarkCase, long size) => size.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Throughput: payload bytes / mean time, in MB/s (10^6 bytes per second).</summary>
public sealed class ThroughputColumn(Func<BenchmarkCase, long?> sizeOf) : PayloadColumn("ThroughputMBps", "MB/s", sizeOf)
{
    public override string Legend => "Payload bytes processed per second at the mean time (10^6 bytes/s)";

    protected override string Format(Summary summary, BenchmarkCase benchmarkCase, long size)
    {
        var meanNs = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (meanNs is not > 0)
        {
            return "-";
        }

        var megabytesPerSecond = size / meanNs.Value * 1e9 / 1e6;
        return megabytesPerSecond.ToString("N1", System.Globalization.CultureInfo.InvariantCulture);
    }
}
