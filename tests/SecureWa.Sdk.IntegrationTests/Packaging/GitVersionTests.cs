using SecureWa.Sdk.IntegrationTests.Infrastructure;
using SecureWa.Sdk.IntegrationTests.Processes;

namespace SecureWa.Sdk.IntegrationTests.Packaging;

public sealed class GitVersionTests
{
    [Fact]
    public async Task Version_FromTheGitTag_ExactThenDevAfterCommitsThenPrefixWithoutTag()
    {
        var clone = Path.Combine(Path.GetTempPath(), "securewa-version-" + Guid.NewGuid().ToString("N"));
        var timeout = TimeSpan.FromMinutes(2);
        try
        {
            await ChildProcess.RunAsync("git", ["clone", "--quiet", "--no-hardlinks", RepositoryRoot.Find(), clone], Path.GetTempPath(), timeout);
            await Git(clone, "tag", "v7.8.9");
            Assert.Equal("7.8.9", await VersionAsync(clone));

            await Git(clone, "commit", "--quiet", "--allow-empty", "-m", "after the tag");
            Assert.Equal("7.8.9-dev.1", await VersionAsync(clone));

            Assert.Equal("1.2.3", await VersionAsync(clone, "-p:Version=1.2.3"));

            await Git(clone, "tag", "-d", "v7.8.9");
            Assert.Equal("0.1.0", await VersionAsync(clone));
        }
        finally
        {
            try
            {
                Directory.Delete(clone, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        static Task<string> Git(string directory, params string[] arguments) =>
            ChildProcess.RunAsync("git", ["-c", "user.email=test@example.com", "-c", "user.name=test", .. arguments], directory, TimeSpan.FromMinutes(1));
    }

    private static async Task<string> VersionAsync(string clone, params string[] extra)
    {
        var output = await ChildProcess.RunAsync(
            "dotnet",
            ["msbuild", Path.Combine("src", "SecureWa.Sdk", "SecureWa.Sdk.csproj"), "-nologo", "-t:SecureWaVersionFromGit", "-p:TargetFramework=net10.0", "-getProperty:Version", .. extra],
            clone,
            TimeSpan.FromMinutes(2));
        return output.Trim();
    }
}
