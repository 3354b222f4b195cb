using System.Text;
using System.Text.Json;
using SecureWa.Sdk.Messages.Internal;

namespace SecureWa.Sdk.Tests.Messages;

/// <summary>The hand-written reader of the send response keeps the semantics of the generated contract it replaced.</summary>
public class SendMessageResponseConverterTests
{
    private static SendMessageResponse? Parse(string json) =>
        JsonSerializer.Deserialize(Encoding.UTF8.GetBytes(json), MessagesJsonContext.Default.SendMessageResponse);

    [Fact]
    public void Read_DocumentedBody_ReadsEveryField()
    {
        var response = Parse("""{"messaging_product":"whatsapp","contacts":[{"input":"+16505551234","wa_id":"16505551234"}],"messages":[{"id":"wamid.X","message_status":"accepted"}]}""")!;

        Assert.Equal("whatsapp", response.MessagingProduct);
        Assert.Equal("+16505551234", Assert.Single(response.Contacts!)!.Input);
        Assert.Equal("16505551234", response.Contacts![0]!.WaId);
        Assert.Equal("wamid.X", Assert.Single(response.Messages!)!.Id);
        Assert.Equal("accepted", response.Messages![0]!.MessageStatus);
    }

    [Fact]
    public void Read_UnknownPropertiesAnyShape_AreSkipped()
    {
        var response = Parse("""{"extra":{"a":[1,{"b":null}]},"messages":[{"other":[true],"id":"wamid.X","more":"x"}],"tail":1.5}""")!;

        Assert.Equal("wamid.X", response.Messages![0]!.Id);
        Assert.Null(response.Contacts);
        Assert.Null(response.MessagingProduct);
    }

    [Fact]
    public void Read_EscapedNamesAndValues_AreUnescaped()
    {
        var response = Parse("""{"m\u0065ssages":[{"id":"wamid.\u0041\"B"}]}""")!;

        Assert.Equal("wamid.A\"B", response.Messages![0]!.Id);
    }

    [Fact]
    public void Read_NamesAreCaseSensitive()
    {
        var response = Parse("""{"Messages":[{"ID":"wamid.X"}]}""")!;

        Assert.Null(response.Messages);
    }

    [Fact]
    public void Read_NullsAndDuplicates_AsTheGeneratedContract()
    {
        Assert.Null(Parse("null"));
        var response = Parse("""{"messages":[null,{"id":null}],"contacts":null,"messaging_product":"a","messaging_product":"b"}""")!;

        Assert.Null(response.Messages![0]);
        Assert.Null(response.Messages[1]!.Id);
        Assert.Null(response.Contacts);
        Assert.Equal("b", response.MessagingProduct);
    }

    [Theory]
    [InlineData("""{"messages":{"id":"wamid.1"}}""")]
    [InlineData("""{"messages":[{"id":1}]}""")]
    [InlineData("""{"messages":["wamid.1"]}""")]
    [InlineData("""{"contacts":[{"wa_id":true}]}""")]
    [InlineData("""[]""")]
    [InlineData("""{"messages":[{"id":"wamid.1"}""")]
    [InlineData("""{"messages":[{"id":"wamid.1"}]} x""")]
    public void Read_WrongShapeOrTruncated_ThrowsJsonException(string json)
    {
        Assert.ThrowsAny<JsonException>(() => Parse(json));
    }

    [Fact]
    public void Write_RoundTrips()
    {
        var json = """{"messaging_product":"whatsapp","contacts":[{"input":"16505551234","wa_id":"16505551234"}],"messages":[{"id":"wamid.X"}]}""";

        Assert.Equal(json, JsonSerializer.Serialize(Parse(json)!, MessagesJsonContext.Default.SendMessageResponse));
    }
}
