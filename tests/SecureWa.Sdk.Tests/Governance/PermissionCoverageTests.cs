using System.Reflection;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.TestSupport;

namespace SecureWa.Sdk.Tests.Governance;

/// <summary>Every public operation of every sub-client declares exactly one known permission.</summary>
public sealed class PermissionCoverageTests
{
    /// <summary>The public sub-clients' operations (<see cref="PublicOperationCatalog"/>).</summary>
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
    public void PublicOperations_AreFound()
    {
        // Guards the enumeration itself: today's sub-clients must be seen.
        var names = PublicOperationCatalog.PublicOperations().Select(m => m.DeclaringType!.Name + "." + m.Name).ToHashSet();
        Assert.Contains("MessagesClient.SendAsync", names);
        Assert.Contains("MediaClient.UploadAsync", names);
        Assert.Contains("MediaClient.DownloadToFileAsync", names);
        Assert.Contains("TemplatesClient.ListAsync", names);
        Assert.Contains("TemplatesClient.CreateAsync", names);
        Assert.Contains("PhoneNumbersClient.SetTwoStepVerificationPinAsync", names);
        Assert.Contains("BusinessProfileClient.UpdateAsync", names);
        Assert.Contains("BlockedUsersClient.ListAsync", names);
        Assert.Contains("WebhookSubscriptionsClient.SubscribeAsync", names);
        Assert.Contains("QrCodesClient.DeleteAsync", names);
        Assert.Contains("FlowsClient.ListAsync", names);
        Assert.Contains("FlowsClient.SetBusinessPublicKeyAsync", names);
        Assert.Contains("ConsentClient.RecordOptOutAsync", names);
        Assert.Contains("ConsentClient.EraseAsync", names);
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

    [Fact]
    public void Permissions_AreUniqueAndLowercase()
    {
        Assert.Equal(WhatsAppPermissions.All.Count, WhatsAppPermissions.All.Distinct(StringComparer.Ordinal).Count());
        Assert.All(WhatsAppPermissions.All, p => Assert.Matches("^[a-z_]+\\.[a-z_]+$", p));
    }

    [Fact]
    public void SessionManagement_RequiresSessionsManage()
    {
        var revocations = typeof(SecureWa.Sdk.Sessions.OperatorSessionService).GetMethods()
            .Where(m => m.Name.StartsWith("Revoke", StringComparison.Ordinal) || m.Name.StartsWith("Reinstate", StringComparison.Ordinal))
            .ToList();

        Assert.Equal(4, revocations.Count);
        Assert.All(revocations, m => Assert.Equal(WhatsAppPermissions.SessionsManage, m.GetCustomAttribute<WhatsAppPermissionAttribute>()?.Permission));
    }
}
