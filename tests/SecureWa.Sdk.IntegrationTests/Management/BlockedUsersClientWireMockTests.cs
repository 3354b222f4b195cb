using System.Text.Json.Nodes;
using SecureWa.Sdk.BlockedUsers;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.IntegrationTests.Infrastructure;
using SecureWa.Sdk.Paging;
using static SecureWa.Sdk.IntegrationTests.Management.ManagementTestContext;

namespace SecureWa.Sdk.IntegrationTests.Management;

/// <summary>
/// Blocked users through the real pipeline. Stubbed bodies: facebook/openapi business-messaging-api_v23.0.yaml,
/// /{Phone-Number-ID}/block_users (components/responses GetBlockedUsersResponse, BlockUsersResponse, UnblockUsersResponse).
/// </summary>
[Collection(WireMockCollection.Name)]
public sealed class BlockedUsersClientWireMockTests(WireMockFixture fixture) : WireMockTestBase(fixture), IDisposable
{
    private const string Body = """{"messaging_product":"whatsapp","block_users":[{"user":"+16505551234"}]}""";
    private readonly ManagementTestContext _context = new(fixture);

    public void Dispose() => _context.Dispose();

    [Fact]
    public async Task BlockAsync_SendsDocumentedBodyAndMapsAddedUsers()
    {
        // OpenAPI POST /{Phone-Number-ID}/block_users "Block user(s)" request and BlockUsersResponse.
        await StubAsync(Admin, "POST", Path(PhoneNumberId + "/block_users"), ResponseDefinition.Json(200, JsonNode.Parse("""
            {"block_users":{"added_users":[{"input":"+16505551234","wa_id":"16505551234"}]},"messaging_product":"whatsapp"}
            """)!), JsonNode.Parse(Body));

        var result = await _context.Client.BlockedUsers.BlockAsync(["+16505551234"]);

        var added = Assert.Single(result.Succeeded);
        Assert.Equal("16505551234", added.WaId);
        Assert.Empty(result.Failed);
    }

    [Fact]
    public async Task UnblockAsync_SendsDeleteWithBodyAndMapsRemovedUsers()
    {
        // OpenAPI DELETE /{Phone-Number-ID}/block_users "Unblock user(s)" request and UnblockUsersResponse.
        await StubAsync(Admin, "DELETE", Path(PhoneNumberId + "/block_users"), ResponseDefinition.Json(200, JsonNode.Parse("""
            {"block_users":{"removed_users":[{"input":"+16505551234","wa_id":"16505551234"}]},"messaging_product":"whatsapp"}
            """)!), JsonNode.Parse(Body));

        var result = await _context.Client.BlockedUsers.UnblockAsync(["+16505551234"]);

        Assert.Equal("+16505551234", Assert.Single(result.Succeeded).Input);
        AssertBody(Body, Assert.Single(await Admin.GetRequestsAsync()));
    }

    [Fact]
    public async Task ListAsync_TwoPages_FollowsCursor()
    {
        // GetBlockedUsersResponse example: data[{messaging_product,wa_id}] with paging.cursors; a second page added without "next".
        var path = Path(PhoneNumberId + "/block_users");
        const string After = "eyJvZAmZAzZAXQiOjAsInZAlcnNpb25JZACI6IjE3Mzc2Nzk2ODgzODM1ODQifQZDZD";
        await StubAsync(Admin, "GET", path, ResponseDefinition.Json(200, JsonNode.Parse($$$"""
            {"data":[{"messaging_product":"whatsapp","wa_id":"16505551234"}],"paging":{"cursors":{"after":"{{{After}}}","before":"{{{After}}}"},"next":"https://graph.facebook.com/v23.0/{{{PhoneNumberId}}}/block_users?after={{{After}}}"}}
            """)!), query: new() { ["after"] = StringValuePattern.IsAbsent() });
        await StubAsync(Admin, "GET", path, ResponseDefinition.Json(200, JsonNode.Parse("""{"data":[{"messaging_product":"whatsapp","wa_id":"16505551235"}],"paging":{"cursors":{"after":"END"}}}""")!), query: new() { ["after"] = StringValuePattern.IsEqualTo(After) });

        var users = new List<string?>();
        await foreach (var user in _context.Client.BlockedUsers.ListAsync(new WhatsAppListOptions { PageSize = 1 }))
        {
            users.Add(user.WaId);
        }

        Assert.Equal(["16505551234", "16505551235"], users);
        Assert.Equal(2, (await Admin.GetRequestsAsync()).Count);
    }

    [Fact]
    public async Task BlockAsync_NotAPhoneNumber_SendsNothing()
    {
        var ex = await Assert.ThrowsAsync<WhatsAppValidationException>(() => _context.Client.BlockedUsers.BlockAsync(["+1650555123x"]));

        Assert.Equal("block_users[0].user", ex.Field);
        Assert.DoesNotContain("1650555123", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await Admin.GetRequestsAsync());
    }

    [Fact]
    public async Task BlockAsync_GraphError_ThrowsApiException()
    {
        // 139100 is Meta's "failed to block/unblock users" code.
        await StubAsync(Admin, "POST", Path(PhoneNumberId + "/block_users"), ResponseDefinition.Json(400, CloudApiStubs.GraphError(139100, "OAuthException", "Failed to block/unblock users", null, "Failed to block some users", "Ablock")));

        var ex = await Assert.ThrowsAnyAsync<WhatsAppApiException>(() => _context.Client.BlockedUsers.BlockAsync(["16505551234"]));

        Assert.Equal(139100, ex.ErrorCode);
    }
}
