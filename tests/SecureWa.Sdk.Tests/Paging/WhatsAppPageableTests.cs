using System.Net;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Paging;
using SecureWa.Sdk.Paging.Internal;
using SecureWa.Sdk.Tests.TestSupport;

namespace SecureWa.Sdk.Tests.Paging;

public sealed class WhatsAppPageableTests
{
    [Fact]
    public async Task ListAsync_ThreePages_FollowsCursorsOnOwnBaseAddressAndStopsWithoutNext()
    {
        var handler = new ScriptedHandler()
            .Respond(HttpStatusCode.OK, """{"data":[{"wa_id":"16505551234"},{"wa_id":"16505551235"}],"paging":{"cursors":{"before":"B1","after":"A1"},"next":"https://evil.example/v23.0/106540352242922/block_users?after=A1"}}""")
            .Respond(HttpStatusCode.OK, """{"data":[{"wa_id":"16505551236"}],"paging":{"cursors":{"before":"B2","after":"A2"},"next":"https://graph.facebook.com/v23.0/106540352242922/block_users?after=A2"}}""")
            .Respond(HttpStatusCode.OK, """{"data":[{"wa_id":"16505551237"}],"paging":{"cursors":{"before":"B3","after":"A3"}}}""");
        using var client = ManagementClientFactory.Create(handler);

        var ids = new List<string?>();
        await foreach (var user in client.BlockedUsers.ListAsync(new WhatsAppListOptions { PageSize = 2 }))
        {
            ids.Add(user.WaId);
        }

        Assert.Equal(["16505551234", "16505551235", "16505551236", "16505551237"], ids);
        var uris = handler.Requests.Select(r => r.Message.RequestUri!.AbsoluteUri).ToArray();
        Assert.Equal(
            [
                "https://graph.facebook.com/v23.0/106540352242922/block_users?limit=2",
                "https://graph.facebook.com/v23.0/106540352242922/block_users?limit=2&after=A1",
                "https://graph.facebook.com/v23.0/106540352242922/block_users?limit=2&after=A2",
            ],
            uris);
    }

    [Fact]
    public async Task AsPages_NextWithoutCursors_TakesOnlyTheAfterParameterOfNext()
    {
        var handler = new ScriptedHandler()
            .Respond(HttpStatusCode.OK, """{"data":[{"wa_id":"1"}],"paging":{"next":"https://other.example/x?limit=5&after=QUZURVI%3D"}}""")
            .Respond(HttpStatusCode.OK, """{"data":[{"wa_id":"2"}]}""");
        using var client = ManagementClientFactory.Create(handler);

        var pages = new List<WhatsAppPage<BlockedUsers.BlockedUser>>();
        await foreach (var page in client.BlockedUsers.ListAsync().AsPages())
        {
            pages.Add(page);
        }

        Assert.Equal(2, pages.Count);
        Assert.Equal("QUZURVI=", pages[0].ContinuationToken);
        Assert.Null(pages[1].ContinuationToken);
        Assert.Equal("https://graph.facebook.com/v23.0/106540352242922/block_users?after=QUZURVI%3D", handler.Requests[1].Message.RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task AsPages_RepeatedCursor_StopsWithUnexpectedResponse()
    {
        const string Page = """{"data":[{"wa_id":"1"}],"paging":{"cursors":{"after":"SAME"},"next":"https://graph.facebook.com/x?after=SAME"}}""";
        var handler = new ScriptedHandler().Respond(HttpStatusCode.OK, Page).Respond(HttpStatusCode.OK, Page).Respond(HttpStatusCode.OK, Page);
        using var client = ManagementClientFactory.Create(handler);

        await Assert.ThrowsAsync<WhatsAppUnexpectedResponseException>(async () =>
        {
            await foreach (var _ in client.BlockedUsers.ListAsync())
            {
            }
        });
        Assert.Equal(2, handler.Count);
    }

    [Fact]
    public async Task ListAsync_StartCursor_IsSentOnFirstRequest()
    {
        var handler = new ScriptedHandler().Respond(HttpStatusCode.OK, """{"data":[]}""");
        using var client = ManagementClientFactory.Create(handler);

        await foreach (var _ in client.BlockedUsers.ListAsync(new WhatsAppListOptions { After = "resume+me" }))
        {
        }

        Assert.Equal("https://graph.facebook.com/v23.0/106540352242922/block_users?after=resume%2Bme", Assert.Single(handler.Requests).Message.RequestUri!.AbsoluteUri);
    }

    [Fact]
    public async Task ListAsync_EmptyPageWithNext_Stops()
    {
        var handler = new ScriptedHandler().Respond(HttpStatusCode.OK, """{"data":[],"paging":{"cursors":{"after":"A"},"next":"https://graph.facebook.com/x?after=A"}}""");
        using var client = ManagementClientFactory.Create(handler);

        var count = 0;
        await foreach (var _ in client.BlockedUsers.ListAsync())
        {
            count++;
        }

        Assert.Equal(0, count);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task ListAsync_CallTokenCancelled_StopsBeforeNextPage()
    {
        using var cts = new CancellationTokenSource();
        var handler = new ScriptedHandler()
            .Respond(HttpStatusCode.OK, """{"data":[{"wa_id":"1"}],"paging":{"cursors":{"after":"A"},"next":"https://graph.facebook.com/x?after=A"}}""")
            .Respond(HttpStatusCode.OK, """{"data":[{"wa_id":"2"}]}""");
        using var client = ManagementClientFactory.Create(handler);
        var pageable = client.BlockedUsers.ListAsync(cancellationToken: cts.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in pageable)
            {
                await cts.CancelAsync();
            }
        });
        Assert.Equal(1, handler.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void ListAsync_PageSizeOutOfRange_ThrowsBeforeAnyRequest(int pageSize)
    {
        var handler = new ScriptedHandler();
        using var client = ManagementClientFactory.Create(handler);

        var ex = Assert.Throws<WhatsAppValidationException>(() => client.BlockedUsers.ListAsync(new WhatsAppListOptions { PageSize = pageSize }));

        Assert.Equal("limit", ex.Field);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public void ListAsync_QrCodesPageSizeOverDocumentedMax_Throws()
    {
        using var client = ManagementClientFactory.Create(new ScriptedHandler());

        var ex = Assert.Throws<WhatsAppValidationException>(() => client.QrCodes.ListAsync(new WhatsAppListOptions { PageSize = 26 }));

        Assert.Equal(25, ex.Limit);
    }

    [Theory]
    [InlineData("https://graph.facebook.com/v23.0/1/x?limit=2&after=abc", "abc")]
    [InlineData("https://graph.facebook.com/v23.0/1/x?after=a%2Bb#frag", "a+b")]
    [InlineData("https://graph.facebook.com/v23.0/1/x?before=abc", null)]
    [InlineData("https://graph.facebook.com/v23.0/1/x", null)]
    [InlineData("https://graph.facebook.com/v23.0/1/x?after=", null)]
    public void AfterFromUrl_ReadsOnlyTheAfterParameter(string url, string? expected)
    {
        Assert.Equal(expected, PagingCursor.AfterFromUrl(url));
    }
}
