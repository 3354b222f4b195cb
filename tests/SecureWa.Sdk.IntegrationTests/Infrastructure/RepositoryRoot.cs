namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>Finds the repository root (the directory holding <c>SecureWa.Sdk.sln</c>).</summary>
public static class RepositoryRoot
{
    /// <summary>Walks up from the test assembly's directory to the directory that contains <c>SecureWa.Sdk.sln</c>.</summary>
    /// <exception cref="WireMockHarnessException">No such directory exists above the test binaries.</exception>
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SecureWa.Sdk.sln")))
            {
                return directory.FullName;
            }
        }

        throw new WireMockHarnessException(
            $"Could not find SecureWa.Sdk.sln above {AppContext.BaseDirectory}; run the tests from a clone of the repository.");
    }
}
