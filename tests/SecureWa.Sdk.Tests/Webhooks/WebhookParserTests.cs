using System.Text;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Webhooks;

namespace SecureWa.Sdk.Tests.Webhooks;

public sealed class WebhookParserTests
{
    private readonly WebhookParser _parser = new();

    private WebhookMessage ParseMessage(string message)
    {
        var notification = _parser.ParseUnverified(Encoding.UTF8.GetBytes(WebhookPayloads.Message(message)));
        return Assert.Single(notification.AllMessages);
    }

    [Fact]
    public void ParseUnverified_TextMessage_MapsEnvelopeContactAndText()
    {
        var notification = _parser.ParseUnverified(Encoding.UTF8.GetBytes(WebhookPayloads.Message(WebhookPayloads.Text)));

        Assert.Equal("whatsapp_business_account", notification.Object);
        var entry = Assert.Single(notification.Entries);
        Assert.Equal("102290129340398", entry.Id);
        var change = Assert.Single(entry.Changes);
        Assert.Equal("messages", change.Field);
        var value = change.Value!;
        Assert.Equal("whatsapp", value.MessagingProduct);
        Assert.Equal("106540352242922", value.Metadata!.PhoneNumberId);
        Assert.Equal("15550783881", value.Metadata.DisplayPhoneNumber);
        var contact = Assert.Single(value.Contacts);
        Assert.Equal("16505551234", contact.WaId);
        Assert.Equal("Sheena Nelson", contact.Profile!.Name);
        var message = Assert.Single(value.Messages);
        Assert.Equal(WebhookMessageKind.Text, message.Kind);
        Assert.Equal("16505551234", message.From);
        Assert.Equal("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=", message.Id);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1739321024), message.Timestamp);
        Assert.Equal("Does it come in another color?", message.Text!.Body);
        Assert.Empty(value.Statuses);
        Assert.Empty(value.Errors);
    }

    [Theory]
    [InlineData(nameof(WebhookPayloads.Image), WebhookMessageKind.Image, "image/jpeg", "Black Hydroflask", null)]
    [InlineData(nameof(WebhookPayloads.Audio), WebhookMessageKind.Audio, "audio/ogg; codecs=opus", null, null)]
    [InlineData(nameof(WebhookPayloads.Video), WebhookMessageKind.Video, "video/mp4", "Review", null)]
    [InlineData(nameof(WebhookPayloads.Document), WebhookMessageKind.Document, "application/pdf", "Receipt", "receipt.pdf")]
    [InlineData(nameof(WebhookPayloads.Sticker), WebhookMessageKind.Sticker, "image/webp", null, null)]
    public void ParseUnverified_MediaMessage_MapsMedia(string payload, WebhookMessageKind kind, string mimeType, string? caption, string? fileName)
    {
        var json = (string)typeof(WebhookPayloads).GetField(payload)!.GetValue(null)!;
        var message = ParseMessage(json);

        Assert.Equal(kind, message.Kind);
        var media = kind switch
        {
            WebhookMessageKind.Image => message.Image,
            WebhookMessageKind.Audio => message.Audio,
            WebhookMessageKind.Video => message.Video,
            WebhookMessageKind.Document => message.Document,
            _ => message.Sticker,
        };
        Assert.NotNull(media);
        Assert.Equal("1003383421387256", media.Id);
        Assert.Equal(mimeType, media.MimeType);
        Assert.Equal(caption, media.Caption);
        Assert.Equal(fileName, media.FileName);
        Assert.False(string.IsNullOrEmpty(media.Sha256));
    }

    [Fact]
    public void ParseUnverified_AudioAndSticker_MapFlags()
    {
        Assert.True(ParseMessage(WebhookPayloads.Audio).Audio!.Voice);
        Assert.False(ParseMessage(WebhookPayloads.Sticker).Sticker!.Animated);
    }

    [Fact]
    public void ParseUnverified_Location_MapsCoordinates()
    {
        var location = ParseMessage(WebhookPayloads.Location).Location!;
        Assert.Equal(37.483307, location.Latitude);
        Assert.Equal(-122.148981, location.Longitude);
        Assert.Equal("Main Campus", location.Name);
        Assert.Equal("1 Hacker Way, Menlo Park, CA 94025", location.Address);
    }

    [Fact]
    public void ParseUnverified_Contacts_MapsNamePhonesAndKeepsOtherFields()
    {
        var message = ParseMessage(WebhookPayloads.Contacts);
        Assert.Equal(WebhookMessageKind.Contacts, message.Kind);
        var card = Assert.Single(message.Contacts);
        Assert.Equal("Barbara J. Johnson", card.Name!.FormattedName);
        var phone = Assert.Single(card.Phones);
        Assert.Equal("+16505559999", phone.Phone);
        Assert.Equal("16505559999", phone.WaId);
        Assert.NotNull(card.AdditionalProperties);
        Assert.Equal("bjohnson@example.com", card.AdditionalProperties["emails"][0].GetProperty("email").GetString());
        Assert.Equal("Lucky Shrub", card.AdditionalProperties["org"].GetProperty("company").GetString());
    }

    [Fact]
    public void ParseUnverified_ButtonReply_MapsReplyAndContext()
    {
        var message = ParseMessage(WebhookPayloads.ButtonReply);
        Assert.Equal(WebhookMessageKind.Interactive, message.Kind);
        Assert.Equal("button_reply", message.Interactive!.Type);
        Assert.Equal("cancel-button", message.Interactive.ButtonReply!.Id);
        Assert.Equal("Cancel", message.Interactive.ButtonReply.Title);
        Assert.Equal("wamid.CTX", message.Context!.Id);
        Assert.Equal("15550783881", message.Context.From);
    }

    [Fact]
    public void ParseUnverified_ListReply_MapsRow()
    {
        var reply = ParseMessage(WebhookPayloads.ListReply).Interactive!.ListReply!;
        Assert.Equal("priority_express", reply.Id);
        Assert.Equal("Priority Mail Express", reply.Title);
        Assert.Equal("Next Day to 2 Days", reply.Description);
    }

    [Fact]
    public void ParseUnverified_NfmReply_KeepsResponseJson()
    {
        var interactive = ParseMessage(WebhookPayloads.NfmReply).Interactive!;
        Assert.Equal("nfm_reply", interactive.Type);
        Assert.Equal("flow", interactive.NfmReply!.Name);
        Assert.Equal("Sent", interactive.NfmReply.Body);
        Assert.Equal("{\"flow_token\":\"AQAAAAACS5FpgQ_cAAAAAD0QI3s.\",\"optional_param1\":\"<value1>\"}", interactive.NfmReply.ResponseJson);
    }

    [Fact]
    public void ParseUnverified_Button_MapsPayload()
    {
        var message = ParseMessage(WebhookPayloads.Button);
        Assert.Equal(WebhookMessageKind.Button, message.Kind);
        Assert.Equal("Unsubscribe", message.Button!.Payload);
        Assert.Equal("Stop promotions", message.Button.Text);
    }

    [Fact]
    public void ParseUnverified_Reaction_DecodesEscapedEmoji()
    {
        var reaction = ParseMessage(WebhookPayloads.Reaction).Reaction!;
        Assert.Equal("wamid.ORIGINAL", reaction.MessageId);
        Assert.Equal("\U0001F44D", reaction.Emoji);
    }

    [Fact]
    public void ParseUnverified_Order_MapsItems()
    {
        var order = ParseMessage(WebhookPayloads.Order).Order!;
        Assert.Equal("194836987003835", order.CatalogId);
        Assert.Equal("Love these!", order.Text);
        var item = Assert.Single(order.ProductItems);
        Assert.Equal("di9ozbzfi4", item.ProductRetailerId);
        Assert.Equal(2, item.Quantity);
        Assert.Equal(7.99m, item.ItemPrice);
        Assert.Equal("USD", item.Currency);
    }

    [Fact]
    public void ParseUnverified_System_MapsNumberChange()
    {
        var message = ParseMessage(WebhookPayloads.System);
        Assert.Equal(WebhookMessageKind.System, message.Kind);
        Assert.Equal("user_changed_number", message.System!.Type);
        Assert.Equal("16505555678", message.System.WaId);
    }

    [Fact]
    public void ParseUnverified_Referral_MapsAdFields()
    {
        var message = ParseMessage(WebhookPayloads.Referral);
        var referral = message.Referral!;
        Assert.Equal("ad", referral.SourceType);
        Assert.Equal("120226305854810726", referral.SourceId);
        Assert.Equal("https://fb.me/3cr4Wqqkv", referral.SourceUrl);
        Assert.Equal("Chat with us", referral.Headline);
        Assert.Equal("image", referral.MediaType);
        Assert.Equal("Afe5jIvJWeJ5lHtvTHAh0", referral.CtwaClickId);
        Assert.Equal("Can I get more info?", message.Text!.Body);
    }

    [Fact]
    public void ParseUnverified_ProductEnquiry_MapsReferredProduct()
    {
        var context = ParseMessage(WebhookPayloads.ProductEnquiry).Context!;
        Assert.Equal("di9ozbzfi4", context.ReferredProduct!.ProductRetailerId);
        Assert.False(context.Forwarded);
    }

    [Fact]
    public void ParseUnverified_Unsupported_MapsErrorsAndKeepsRawObject()
    {
        var message = ParseMessage(WebhookPayloads.Unsupported);
        Assert.Equal(WebhookMessageKind.Unsupported, message.Kind);
        var error = Assert.Single(message.Errors);
        Assert.Equal(131051, error.Code);
        Assert.Equal("Message type is currently not supported.", error.ErrorData!.Details);
        Assert.True(message.TryGetAdditionalProperty("unsupported", out var raw));
        Assert.Equal("poll", raw.GetProperty("type").GetString());
    }

    [Fact]
    public void ParseUnverified_UnknownTypeAndFields_AreKeptNotDropped()
    {
        var message = ParseMessage(WebhookPayloads.FutureType);
        Assert.Equal(WebhookMessageKind.Unknown, message.Kind);
        Assert.Equal("hologram", message.Type);
        Assert.Equal("wamid.NEW", message.Id);
        Assert.True(message.TryGetAdditionalProperty("hologram", out var content));
        Assert.Equal(3, content.GetProperty("frames").GetArrayLength());
        Assert.True(message.TryGetAdditionalProperty("brand_new_field", out var extra));
        Assert.True(extra.GetProperty("x").GetBoolean());
        Assert.False(message.TryGetAdditionalProperty("absent", out _));
    }

    [Fact]
    public void ParseUnverified_UnknownTopLevelField_IsKept()
    {
        var json = WebhookPayloads.StatusSent.Insert(1, "\"future\":{\"a\":1},");
        var notification = _parser.ParseUnverified(Encoding.UTF8.GetBytes(json));
        Assert.Equal(1, notification.AdditionalProperties!["future"].GetProperty("a").GetInt32());
    }

    [Fact]
    public void ParseUnverified_StatusSent_MapsStatus()
    {
        var notification = _parser.ParseUnverified(Encoding.UTF8.GetBytes(WebhookPayloads.StatusSent));
        var status = Assert.Single(notification.AllStatuses);
        Assert.Equal("wamid.gBGGFlCGg0cvAglAxydbAoy-gwNo", status.Id);
        Assert.Equal(WebhookStatusKind.Sent, status.Kind);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1603086313), status.Timestamp);
        Assert.Equal("16315551234", status.RecipientId);
        Assert.Empty(notification.AllMessages);
    }

    [Fact]
    public void ParseUnverified_StatusDeliveredAndRead_MapsConversationAndPricing()
    {
        var statuses = _parser.ParseUnverified(Encoding.UTF8.GetBytes(WebhookPayloads.StatusDeliveredAndRead)).AllStatuses.ToList();
        Assert.Equal(2, statuses.Count);
        Assert.Equal(WebhookStatusKind.Delivered, statuses[0].Kind);
        Assert.Equal(WebhookStatusKind.Read, statuses[1].Kind);
        var conversation = statuses[0].Conversation!;
        Assert.Equal("6ceb9d929c6a8c3e0e6b4c07c1b8d8e4", conversation.Id);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1750350173), conversation.ExpiresOn);
        Assert.Equal("utility", conversation.Origin!.Type);
        var pricing = statuses[0].Pricing!;
        Assert.True(pricing.Billable);
        Assert.Equal("PMP", pricing.PricingModel);
        Assert.Equal("utility", pricing.Category);
        Assert.Equal("regular", pricing.Type);
        Assert.Null(statuses[1].Conversation);
    }

    [Fact]
    public void ParseUnverified_StatusFailed_MapsErrors()
    {
        var status = Assert.Single(_parser.ParseUnverified(Encoding.UTF8.GetBytes(WebhookPayloads.StatusFailed)).AllStatuses);
        Assert.Equal(WebhookStatusKind.Failed, status.Kind);
        var error = Assert.Single(status.Errors);
        Assert.Equal(131026, error.Code);
        Assert.Equal("Message undeliverable", error.Title);
        Assert.Equal("/documentation/business-messaging/whatsapp/support/error-codes", error.Href);
    }

    [Fact]
    public void ParseUnverified_UnknownStatus_IsKeptAsUnknown()
    {
        var json = WebhookPayloads.StatusSent.Replace("\"sent\"", "\"deleted\"", StringComparison.Ordinal);
        var status = Assert.Single(_parser.ParseUnverified(Encoding.UTF8.GetBytes(json)).AllStatuses);
        Assert.Equal(WebhookStatusKind.Unknown, status.Kind);
        Assert.Equal("deleted", status.Status);
    }

    [Fact]
    public void ParseUnverified_SystemLevelError_MapsErrors()
    {
        var notification = _parser.ParseUnverified(Encoding.UTF8.GetBytes(WebhookPayloads.SystemError));
        var error = Assert.Single(notification.Entries[0].Changes[0].Value!.Errors);
        Assert.Equal(130429, error.Code);
        Assert.Equal("Rate limit hit", error.Title);
        Assert.StartsWith("Message failed to send", error.ErrorData!.Details, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseUnverified_NumericTimestamp_IsAccepted()
    {
        var json = WebhookPayloads.StatusSent.Replace("\"1603086313\"", "1603086313", StringComparison.Ordinal);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1603086313), Assert.Single(_parser.ParseUnverified(Encoding.UTF8.GetBytes(json)).AllStatuses).Timestamp);
    }

    [Theory]
    [InlineData("{\"object\":\"whatsapp_business_account\",\"entry\":[")]
    [InlineData("not json")]
    [InlineData("{\"entry\":{}}")]
    [InlineData("{\"entry\":[]} trailing")]
    [InlineData("null")]
    public void ParseUnverified_MalformedJson_ThrowsTypedErrorWithoutBody(string json)
    {
        var ex = Assert.Throws<WebhookParseException>(() => _parser.ParseUnverified(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(WebhookParseError.MalformedJson, ex.Error);
        Assert.IsAssignableFrom<WhatsAppException>(ex);
        Assert.DoesNotContain("json", ex.Message.Replace("JSON", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("trailing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseUnverified_BadTimestamp_ThrowsMalformed()
    {
        var json = WebhookPayloads.StatusSent.Replace("\"1603086313\"", "\"yesterday\"", StringComparison.Ordinal);
        var ex = Assert.Throws<WebhookParseException>(() => _parser.ParseUnverified(Encoding.UTF8.GetBytes(json)));
        Assert.Equal(WebhookParseError.MalformedJson, ex.Error);
        Assert.DoesNotContain("yesterday", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseUnverified_TooDeep_ThrowsMalformed()
    {
        var parser = new WebhookParser(new WebhookParserOptions { MaxDepth = 8 });
        var deep = "{\"object\":\"x\",\"future\":" + new string('[', 20) + new string(']', 20) + "}";
        Assert.Equal(WebhookParseError.MalformedJson, Assert.Throws<WebhookParseException>(() => parser.ParseUnverified(Encoding.UTF8.GetBytes(deep))).Error);

        // Meta's real payloads fit comfortably under the default depth.
        Assert.Single(new WebhookParser().ParseUnverified(Encoding.UTF8.GetBytes(WebhookPayloads.Message(WebhookPayloads.Contacts))).AllMessages);
    }

    [Fact]
    public void ParseUnverified_TooLarge_ThrowsBodyTooLarge()
    {
        var parser = new WebhookParser(new WebhookParserOptions { MaxBodySize = 64 });
        var ex = Assert.Throws<WebhookParseException>(() => parser.ParseUnverified(Encoding.UTF8.GetBytes(WebhookPayloads.StatusSent)));
        Assert.Equal(WebhookParseError.BodyTooLarge, ex.Error);
        Assert.Contains("64", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseUnverified_EmptyBody_ThrowsEmptyBody()
    {
        Assert.Equal(WebhookParseError.EmptyBody, Assert.Throws<WebhookParseException>(() => _parser.ParseUnverified([])).Error);
    }

    [Fact]
    public void VerifyAndParse_ValidSignature_Parses()
    {
        var secret = new SecretValue("app-secret-1");
        using var verifier = new WebhookSignatureVerifier(secret);
        var body = Encoding.UTF8.GetBytes(WebhookPayloads.StatusSent);

        var notification = _parser.VerifyAndParse(body, WebhookSignatureVerifier.ComputeSignatureHeader(secret, body), verifier);

        Assert.Single(notification.AllStatuses);
    }

    [Fact]
    public void VerifyAndParse_BadSignature_ThrowsBeforeParsing()
    {
        using var verifier = new WebhookSignatureVerifier(new SecretValue("app-secret-1"));
        var notJson = Encoding.UTF8.GetBytes("this is not json");
        var header = WebhookSignatureVerifier.ComputeSignatureHeader(new SecretValue("another"), notJson);

        // A parse error would mean the body was parsed; the signature error proves it was not.
        var ex = Assert.Throws<WebhookSignatureException>(() => _parser.VerifyAndParse(notJson, header, verifier));
        Assert.Equal(WebhookSignatureResult.Mismatch, ex.Result);
        Assert.Equal(WebhookSignatureResult.MissingHeader, Assert.Throws<WebhookSignatureException>(() => _parser.VerifyAndParse(notJson, "", verifier)).Result);
    }

    [Fact]
    public void ToString_MessageContactStatus_MaskPhoneNumbersAndOmitText()
    {
        var notification = _parser.ParseUnverified(Encoding.UTF8.GetBytes(WebhookPayloads.Message(WebhookPayloads.Text)));
        var value = notification.Entries[0].Changes[0].Value!;
        var message = value.Messages[0];
        var texts = new[]
        {
            message.ToString(), message.Text!.ToString(), value.Contacts[0].ToString(), value.Contacts[0].Profile!.ToString(),
            value.ToString(), notification.ToString(),
        };
        foreach (var text in texts)
        {
            Assert.DoesNotContain("16505551234", text, StringComparison.Ordinal);
            Assert.DoesNotContain("another color", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Sheena", text, StringComparison.Ordinal);
        }

        Assert.Contains("*******1234", message.ToString(), StringComparison.Ordinal);
        var status = Assert.Single(_parser.ParseUnverified(Encoding.UTF8.GetBytes(WebhookPayloads.StatusSent)).AllStatuses);
        Assert.DoesNotContain("16315551234", status.ToString(), StringComparison.Ordinal);
    }
}
