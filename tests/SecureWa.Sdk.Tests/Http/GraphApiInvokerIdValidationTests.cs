using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Http.Internal;

namespace SecureWa.Sdk.Tests.Http;

public class GraphApiInvokerIdValidationTests
{
    [Theory]
    [InlineData("106540352242922")]
    [InlineData("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI")]
    [InlineData("media_id-1.2")]
    public void ValidateGraphId_PlainIds_Accepted(string id)
    {
        GraphApiInvoker.ValidateGraphId(id, "id");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("123/messages")]
    [InlineData("123?x=1")]
    [InlineData("123%2F")]
    [InlineData("12 3")]
    public void ValidateGraphId_PathTricks_RejectedBeforeAnyRequest(string? id)
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => GraphApiInvoker.ValidateGraphId(id, "mediaId"));
        Assert.Equal("mediaId", ex.Field);
    }

    [Fact]
    public void ValidateGraphId_TooLong_NamesTheLimit()
    {
        var ex = Assert.Throws<WhatsAppValidationException>(() => GraphApiInvoker.ValidateGraphId(new string('1', 129), "mediaId"));
        Assert.Equal(128, ex.Limit);
    }
}
