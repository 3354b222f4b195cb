using System.Text.Json.Nodes;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Messages.Internal;
using static SecureWa.Sdk.Tests.Messages.MessageJson;

namespace SecureWa.Sdk.Tests.Messages;

/// <summary>biz_opaque_callback_data, group recipients and the escape hatch for unmodelled properties.</summary>
public class EnvelopeSerializationTests
{
    private const string To = "+16505551234";

    // The group id of Meta's example, "Group messaging", "Example group message send"
    // (developers.facebook.com/documentation/business-messaging/whatsapp/groups/groups-messaging).
    internal const string GroupId = "Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD";

    [Fact]
    public void BizOpaqueCallbackData_IsWrittenAtTopLevel()
    {
        // OpenAPI (facebook/openapi v23.0) documents biz_opaque_callback_data as a top-level string, at most 512 characters.
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"text",
             "biz_opaque_callback_data":"campaign=spring;batch=7","text":{"body":"Hi"}}
            """,
            new TextMessage(To, "Hi") { BizOpaqueCallbackData = "campaign=spring;batch=7" });
    }

    [Fact]
    public void GroupText_MetaExample_MatchesPublishedBody()
    {
        // Meta, "Group messaging", "Example group message send" (verbatim).
        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"group","to":"Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD","type":"text",
             "text":{"preview_url":true,"body":"This is another destination option: https://www.luckytravel.com/DDLmU5F1Pw"}}
            """,
            new TextMessage(GroupId, "This is another destination option: https://www.luckytravel.com/DDLmU5F1Pw")
            {
                RecipientType = MessageRecipientType.Group,
                PreviewUrl = true,
            });
    }

    [Fact]
    public void AdditionalProperties_AreMergedAtTopLevelAndInTypeObject()
    {
        var message = new InteractiveButtonsMessage(To, "Pick", [new ReplyButton("a", "A")])
        {
            AdditionalProperties = new JsonObject { ["new_top_field"] = "v1", ["nested"] = new JsonObject { ["n"] = 1 } },
            AdditionalTypeProperties = new JsonObject { ["new_interactive_field"] = true },
        };

        AssertSerializesTo(
            """
            {"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"interactive",
             "new_top_field":"v1","nested":{"n":1},
             "interactive":{"type":"button","body":{"text":"Pick"},"action":{"buttons":[{"type":"reply","reply":{"id":"a","title":"A"}}]},
               "new_interactive_field":true}}
            """,
            message);
    }

    [Fact]
    public void AdditionalProperties_RawBytes_AreMergedNotNestedAndKeepNonAscii()
    {
        var message = new TextMessage(To, "Hi") { AdditionalProperties = new JsonObject { ["note"] = "Olá +1" } };
        var raw = System.Text.Encoding.UTF8.GetString(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(MessageMapper.ToRequest(message), MessagesJsonContext.Wire.MessageRequest));

        Assert.EndsWith(",\"note\":\"Olá +1\"}", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void AdditionalProperties_AreCopied_LaterChangesHaveNoEffect()
    {
        var extra = new JsonObject { ["x"] = "before" };
        var message = new TextMessage(To, "Hi") { AdditionalProperties = extra };
        extra["x"] = "after";
        message.AdditionalProperties!["x"] = "changed through the getter";

        Assert.Equal("before", Serialize(message)["x"]!.GetValue<string>());
    }

    [Fact]
    public void AdditionalProperties_SameMessageSentTwice_SerializesTwice()
    {
        var message = new TextMessage(To, "Hi") { AdditionalProperties = new JsonObject { ["x"] = new JsonArray(1, 2) } };
        AssertJsonEquals(Serialize(message).ToJsonString(), Serialize(message));
    }

    [Fact]
    public async Task AdditionalProperties_ParsedObject_ValidatedAndSerializedConcurrently_AllEqual()
    {
        // A JsonObject parsed from text materializes lazily; the message freezes it when set, so parallel sends are safe.
        var parsed = JsonNode.Parse("""{"a":{"b":[1,2,{"c":"d"}]},"e":"f"}""")!.AsObject();
        var message = new TextMessage(To, "Hi") { AdditionalProperties = parsed };

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => Serialize(message).ToJsonString())));

        Assert.All(results, r => AssertJsonEquals(
            """{"messaging_product":"whatsapp","recipient_type":"individual","to":"+16505551234","type":"text","text":{"body":"Hi"},"a":{"b":[1,2,{"c":"d"}]},"e":"f"}""",
            JsonNode.Parse(r)));
    }

    [Theory]
    [InlineData("to")]
    [InlineData("type")]
    [InlineData("messaging_product")]
    [InlineData("recipient_type")]
    [InlineData("context")]
    [InlineData("biz_opaque_callback_data")]
    [InlineData("text")]
    [InlineData("interactive")]
    public void AdditionalProperties_SdkOwnedName_IsRefused(string name)
    {
        var message = new TextMessage(To, "Hi") { AdditionalProperties = new JsonObject { [name] = "16505550000" } };
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message));
        Assert.Equal("additional_properties." + name, ex.Field);
        Assert.DoesNotContain("16505550000", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("type")]
    [InlineData("body")]
    [InlineData("action")]
    [InlineData("header")]
    public void AdditionalTypeProperties_SdkOwnedName_IsRefused(string name)
    {
        var message = new InteractiveLocationRequestMessage(To, "Where?") { AdditionalTypeProperties = new JsonObject { [name] = "x" } };
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message));
        Assert.Equal("additional_type_properties." + name, ex.Field);
    }

    [Fact]
    public void AdditionalTypeProperties_OnContacts_IsRefused()
    {
        var message = new ContactsMessage(To, [new ContactCard(new ContactName("Ana"))]) { AdditionalTypeProperties = new JsonObject { ["x"] = 1 } };
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message));
        Assert.Equal("additional_type_properties", ex.Field);
    }

    [Fact]
    public void AdditionalProperties_AtSizeCap_Accepted_OnePastIt_Refused()
    {
        // {"k":"…"} is 8 bytes of JSON around the value.
        const int Cap = 16 * 1024;
        var atCap = new TextMessage(To, "Hi") { AdditionalProperties = new JsonObject { ["k"] = new string('a', Cap - 8) } };
        MessageValidator.Validate(atCap);

        var over = new TextMessage(To, "Hi") { AdditionalProperties = new JsonObject { ["k"] = new string('a', Cap - 7) } };
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(over));
        Assert.Equal("additional_properties", ex.Field);
        Assert.Equal(Cap, ex.Limit);
    }

    [Fact]
    public void AdditionalProperties_TooDeep_IsRefused()
    {
        JsonNode node = 1;
        for (var i = 0; i < 40; i++)
        {
            node = new JsonArray(node);
        }

        var message = new TextMessage(To, "Hi") { AdditionalProperties = new JsonObject { ["deep"] = node } };
        var ex = Assert.Throws<WhatsAppValidationException>(() => MessageValidator.Validate(message));
        Assert.Equal("additional_properties", ex.Field);
        Assert.Equal(32, ex.Limit);
    }
}
