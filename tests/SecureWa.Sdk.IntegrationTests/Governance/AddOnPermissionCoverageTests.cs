using System.Reflection;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.TestSupport;

namespace SecureWa.Sdk.IntegrationTests.Governance;

/// <summary>
/// The permission coverage check over every SecureWa.Sdk assembly this project references (the add-on packages the unit
/// tests do not see): every public operation of every sub-client declares exactly one known permission.
/// </summary>
public sealed class AddOnPermissionCoverageTests
{
    public static TheoryData<string> Operations()
    {
        var data = new TheoryData<string>();
        foreach (var method in PublicOperationCatalog.PublicOperations())
        {
            data.Add(PublicOperationCatalog.Describe(method));
        }

        return data;
    }

    [Fact]
    public void Catalog_ScansTheAddOnAssemblies()
    {
        var names = PublicOperationCatalog.SdkAssemblies().Select(a => a.GetName().Name).ToList();

        Assert.Contains("SecureWa.Sdk", names);
        Assert.Contains("SecureWa.Sdk.AspNetCore", names);
        Assert.Contains("SecureWa.Sdk.AzureKeyVault", names);
        Assert.Contains(PublicOperationCatalog.PublicOperations(), m => m.DeclaringType == typeof(SecureWa.Sdk.Messages.MessagesClient));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void PublicOperation_DeclaresOneKnownPermission(string operation)
    {
        var method = PublicOperationCatalog.PublicOperations().Single(m => PublicOperationCatalog.Describe(m) == operation);
        var attributes = method.GetCustomAttributes<WhatsAppPermissionAttribute>(inherit: true).ToArray();
        Assert.True(attributes.Length == 1, $"{operation} must declare exactly one [WhatsAppPermission], found {attributes.Length}.");
        Assert.True(WhatsAppPermissions.IsKnown(attributes[0].Permission), $"{operation} declares unknown permission '{attributes[0].Permission}'.");
    }
}
