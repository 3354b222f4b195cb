using System.Reflection;
using SecureWa.Sdk.Governance;

namespace SecureWa.Sdk.Tests.Governance;

/// <summary>Every public operation of every sub-client declares exactly one known permission.</summary>
public sealed class PermissionCoverageTests
{
    /// <summary>The public sub-clients: types in the SDK assemblies named <c>*Client</c> other than the entry point.</summary>
    public static TheoryData<string> Operations()
    {
        var data = new TheoryData<string>();
        foreach (var method in PublicOperations())
        {
            data.Add(method.DeclaringType!.Name + "." + method.Name + "(" + string.Join(", ", method.GetParameters().Select(p => p.ParameterType.Name)) + ")");
        }

        return data;
    }

    [Fact]
    public void PublicOperations_AreFound()
    {
        // Guards the enumeration itself: today's sub-clients must be seen.
        var names = PublicOperations().Select(m => m.DeclaringType!.Name + "." + m.Name).ToHashSet();
        Assert.Contains("MessagesClient.SendAsync", names);
        Assert.Contains("MediaClient.UploadAsync", names);
        Assert.Contains("MediaClient.DownloadToFileAsync", names);
        Assert.Contains("ConsentClient.RecordOptOutAsync", names);
        Assert.Contains("ConsentClient.EraseAsync", names);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void PublicOperation_DeclaresOneKnownPermission(string operation)
    {
        var method = PublicOperations().Single(m => m.DeclaringType!.Name + "." + m.Name + "(" + string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name)) + ")" == operation);
        var attributes = method.GetCustomAttributes<WhatsAppPermissionAttribute>(inherit: true).ToArray();
        Assert.True(attributes.Length == 1, $"{operation} must declare exactly one [WhatsAppPermission], found {attributes.Length}.");
        Assert.True(WhatsAppPermissions.IsKnown(attributes[0].Permission), $"{operation} declares unknown permission '{attributes[0].Permission}'.");
    }

    [Fact]
    public void Permissions_AreUniqueAndLowercase()
    {
        Assert.Equal(WhatsAppPermissions.All.Count, WhatsAppPermissions.All.Distinct(StringComparer.Ordinal).Count());
        Assert.All(WhatsAppPermissions.All, p => Assert.Matches("^[a-z_]+\\.[a-z_]+$", p));
    }

    /// <summary>Public instance methods returning a task, declared on public <c>*Client</c> types of SecureWa.Sdk assemblies (the entry point excluded).</summary>
    internal static IEnumerable<MethodInfo> PublicOperations()
    {
        var assemblies = AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => a.GetName().Name is { } n && n.StartsWith("SecureWa.Sdk", StringComparison.Ordinal) && !n.Contains("Tests", StringComparison.Ordinal) && !n.Contains("Benchmarks", StringComparison.Ordinal))
            .Append(typeof(WhatsAppClient).Assembly)
            .Distinct();
        return assemblies
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsClass && t.Name.EndsWith("Client", StringComparison.Ordinal) && t != typeof(WhatsAppClient))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => !m.IsSpecialName && (typeof(Task).IsAssignableFrom(m.ReturnType) || (m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)) || m.ReturnType.Name.StartsWith("ValueTask", StringComparison.Ordinal)))
            .OrderBy(m => m.DeclaringType!.Name + "." + m.Name, StringComparer.Ordinal);
    }
}
