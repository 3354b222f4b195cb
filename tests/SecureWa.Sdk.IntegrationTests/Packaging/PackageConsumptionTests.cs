using System.IO.Compression;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using SecureWa.Sdk.IntegrationTests.Infrastructure;
using SecureWa.Sdk.IntegrationTests.Processes;

namespace SecureWa.Sdk.IntegrationTests.Packaging;

/// <summary>
/// Packs the shipping packages into a local folder, then restores them into a fresh console project
/// (outside the repository, with its own package cache, so no project reference or stale cache can stand in)
/// and sends a message to WireMock through the packaged client.
/// </summary>
[Collection(WireMockCollection.Name)]
public sealed class PackageConsumptionTests : WireMockTestBase, IDisposable
{
    private static readonly string[] Packages = ["SecureWa.Sdk", "SecureWa.Sdk.AspNetCore", "SecureWa.Sdk.AzureKeyVault", "SecureWa.Sdk.Flows", "SecureWa.Sdk.Sqlite", "SecureWa.Sdk.PostgreSql", "SecureWa.Sdk.Redis"];
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("securewa-package-");

    public PackageConsumptionTests(WireMockFixture wireMock)
        : base(wireMock)
    {
    }

    [Fact]
    public async Task PackedPackages_CarryMetadata_AndWorkFromALocalFeed()
    {
        var root = RepositoryRoot.Find();
        var feed = Path.Combine(_work.FullName, "feed");
        foreach (var package in Packages)
        {
            // The version is pinned: a build otherwise takes it from the git tag (Directory.Build.targets).
            await RunAsync("dotnet", ["pack", Path.Combine(root, "src", package), "-c", "Release", "-o", feed, "--nologo", "-p:Version=0.1.0"], root);
        }

        foreach (var package in Packages)
        {
            AssertPackageContents(Path.Combine(feed, package + ".0.1.0.nupkg"), package);
            Assert.True(File.Exists(Path.Combine(feed, package + ".0.1.0.snupkg")), $"{package}: no symbol package");
        }

        await Admin.StubAsync(
            RequestPattern.For("POST", "/v23.0/1234567890/messages"),
            ResponseDefinition.Json(200, JsonNode.Parse("""{"messaging_product":"whatsapp","contacts":[{"input":"+16505551234","wa_id":"16505551234"}],"messages":[{"id":"wamid.FROM-PACKAGE","message_status":"accepted"}]}""")!));

        // The net8.0 floor: the core's net8.0 dependencies are Microsoft.Extensions.* 8.0.x, not 10.0.x.
        var coreNuspec = ReadNuspec(Path.Combine(feed, "SecureWa.Sdk.0.1.0.nupkg"));
        XNamespace ns = coreNuspec.Root!.GetDefaultNamespace();
        var net8 = coreNuspec.Descendants(ns + "group").Single(g => g.Attribute("targetFramework")!.Value is "net8.0");
        Assert.Equal("8.0.1", net8.Elements(ns + "dependency").Single(d => d.Attribute("id")!.Value == "Microsoft.Extensions.Http").Attribute("version")!.Value);
        Assert.DoesNotContain(net8.Elements(ns + "dependency"), d => d.Attribute("id")!.Value.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal) && d.Attribute("version")!.Value.StartsWith("10.0.", StringComparison.Ordinal) && d.Attribute("id")!.Value is not ("Microsoft.Extensions.Http.Resilience" or "Microsoft.Extensions.Resilience"));

        // A net10.0 app, and a net8.0 app that pins Microsoft.Extensions.Http 8.0.1 (NU1605 would fail its build).
        await ConsumeAsync(feed, "net10.0", extraReferences: string.Empty);
        await ConsumeAsync(feed, "net8.0", extraReferences: """<PackageReference Include="Microsoft.Extensions.Http" Version="8.0.1" />""");
    }

    private async Task ConsumeAsync(string feed, string targetFramework, string extraReferences)
    {
        await Admin.ResetAsync();
        await Admin.StubAsync(
            RequestPattern.For("POST", "/v23.0/1234567890/messages"),
            ResponseDefinition.Json(200, JsonNode.Parse("""{"messaging_product":"whatsapp","contacts":[{"input":"+16505551234","wa_id":"16505551234"}],"messages":[{"id":"wamid.FROM-PACKAGE","message_status":"accepted"}]}""")!));

        var consumer = Path.Combine(_work.FullName, "consumer-" + targetFramework);
        Directory.CreateDirectory(consumer);
        await File.WriteAllTextAsync(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>
            """);
        await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>{targetFramework}</TargetFramework>
                <RollForward>Major</RollForward>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RestorePackagesPath>$(MSBuildThisFileDirectory)packages</RestorePackagesPath>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="SecureWa.Sdk" Version="0.1.0" />
                {extraReferences}
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(consumer, "Program.cs"), """
            using SecureWa.Sdk;
            using SecureWa.Sdk.Messages;
            using SecureWa.Sdk.Secrets;

            var secrets = new InMemorySecretProvider();
            secrets.Set(SecretNames.AccessToken, args[1]);
            using var client = new WhatsAppClient(new WhatsAppClientOptions { BaseAddress = new Uri(args[0]), PhoneNumberId = "1234567890" }, secrets);
            var result = await client.Messages.SendAsync(new TextMessage("+16505551234", "Sent by the packaged SDK"));
            Console.WriteLine("MESSAGE-ID " + result.MessageId);
            """);

        var token = "pkg-" + Guid.NewGuid().ToString("N");
        var output = await RunAsync("dotnet", ["run", "--project", consumer, "--", WireMock.BaseUri.ToString(), token], consumer);

        Assert.Contains("MESSAGE-ID wamid.FROM-PACKAGE", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(consumer, "packages", "securewa.sdk", "0.1.0", "securewa.sdk.0.1.0.nupkg")), $"the {targetFramework} consumer did not restore SecureWa.Sdk from the local feed");
        var sent = Assert.Single(await Admin.FindRequestsAsync("POST", "/v23.0/1234567890/messages"));
        Assert.Equal("Bearer " + token, sent.Header("Authorization"));
        Assert.Equal("Sent by the packaged SDK", sent.BodyAsJson()["text"]!["body"]!.GetValue<string>());
    }

    private static XDocument ReadNuspec(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        using var stream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        return XDocument.Load(stream);
    }

    public void Dispose()
    {
        try
        {
            _work.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the temp folder is not part of the result.
        }
    }

    private static void AssertPackageContents(string path, string id)
    {
        Assert.True(File.Exists(path), $"{path} was not produced");
        using var zip = ZipFile.OpenRead(path);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("icon.png", entries);
        Assert.Contains("README.md", entries);
        foreach (var tfm in new[] { "net8.0", "net10.0" })
        {
            Assert.Contains($"lib/{tfm}/{id}.dll", entries);
            Assert.Contains($"lib/{tfm}/{id}.xml", entries);
        }

        using var icon = zip.GetEntry("icon.png")!.Open();
        var header = new byte[24];
        icon.ReadExactly(header);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, header[..4]);
        Assert.Equal(128, (header[16] << 24) | (header[17] << 16) | (header[18] << 8) | header[19]);
        Assert.Equal(128, (header[20] << 24) | (header[21] << 16) | (header[22] << 8) | header[23]);

        var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var nuspecStream = nuspecEntry.Open();
        var nuspec = XDocument.Load(nuspecStream);
        XNamespace ns = nuspec.Root!.GetDefaultNamespace();
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal(id, metadata.Element(ns + "id")!.Value);
        Assert.Equal("MIT", metadata.Element(ns + "license")!.Value);
        Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")!.Value);
        Assert.Equal("icon.png", metadata.Element(ns + "icon")!.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        var repository = metadata.Element(ns + "repository")!;
        Assert.Equal("git", repository.Attribute("type")!.Value);
        Assert.False(string.IsNullOrEmpty(repository.Attribute("url")?.Value));
        Assert.False(string.IsNullOrEmpty(metadata.Element(ns + "description")?.Value));
    }

    private static Task<string> RunAsync(string fileName, string[] arguments, string workingDirectory) =>
        ChildProcess.RunAsync(fileName, arguments, workingDirectory, TimeSpan.FromMinutes(8));
}
