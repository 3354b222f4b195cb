using System.Text.Json.Nodes;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>WireMock.Net (and what it brings) is a test-only dependency: no shipping project under src/ resolves it.</summary>
public sealed class TestOnlyDependencyTests
{
    private static readonly string[] TestOnlyPackages = ["WireMock.Net.Minimal", "WireMock.Net.Shared", "WireMock.Net.Abstractions", "Newtonsoft.Json", "Handlebars.Net"];

    [Fact]
    public void ShippingProjects_ResolvedPackages_ContainNoWireMockNet()
    {
        var src = Path.Combine(RepositoryRoot.Find(), "src");
        var projects = Directory.GetFiles(src, "*.csproj", SearchOption.AllDirectories);
        Assert.NotEmpty(projects);

        foreach (var project in projects)
        {
            Assert.DoesNotContain("WireMock", File.ReadAllText(project), StringComparison.OrdinalIgnoreCase);

            // The test project references every shipping project, so each was restored: its assets list every package it resolves.
            var assets = Path.Combine(Path.GetDirectoryName(project)!, "obj", "project.assets.json");
            Assert.True(File.Exists(assets), $"{assets} is missing; build the test project first.");
            var libraries = JsonNode.Parse(File.ReadAllText(assets))!["libraries"]!.AsObject().Select(l => l.Key.Split('/')[0]).ToList();
            Assert.NotEmpty(libraries);
            foreach (var package in TestOnlyPackages)
            {
                Assert.DoesNotContain(libraries, l => string.Equals(l, package, StringComparison.OrdinalIgnoreCase));
            }
        }
    }
}
