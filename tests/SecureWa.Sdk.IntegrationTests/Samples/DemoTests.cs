using SecureWa.Sdk.IntegrationTests.Infrastructure;
using SecureWa.Sdk.IntegrationTests.Processes;

namespace SecureWa.Sdk.IntegrationTests.Samples;

/// <summary>
/// Runs the README's one-command demo (the built <c>samples/SecureWa.Demo</c>, which starts its own HTTPS WireMock) and
/// checks that every step it prints behaved as described. The demo asserts each step itself and exits 1 on any failure.
/// </summary>
public sealed class DemoTests
{
    [Fact]
    public async Task Demo_RunsEveryStep_AndExitsZero()
    {
        var root = RepositoryRoot.Find();
        var testBinaries = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testBinaries.Parent!.Name;
        var demo = Path.Combine(root, "samples", "SecureWa.Demo", "bin", configuration, testBinaries.Name, "SecureWa.Demo.dll");
        Assert.True(File.Exists(demo), $"The demo was not built at {demo}; the test project builds it through a project reference.");

        var output = await ChildProcess.RunAsync("dotnet", [demo], root, TimeSpan.FromMinutes(5));

        Assert.Contains("text sent over TLS with the CA's SPKI pinned", output, StringComparison.Ordinal);
        Assert.Contains("a client pinning another key refused the server", output, StringComparison.Ordinal);
        Assert.Contains("signed webhook accepted (HTTP 200)", output, StringComparison.Ordinal);
        Assert.Contains("forged webhook rejected (HTTP 401)", output, StringComparison.Ordinal);
        Assert.Contains("demo finished: every step behaved as described.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", output, StringComparison.Ordinal);
    }
}
