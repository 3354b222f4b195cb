using System.Text;
using SecureWa.Sdk.Templates;
using SecureWa.Sdk.Webhooks;

namespace SecureWa.Sdk.Tests.Webhooks;

/// <summary>
/// Management webhook fields, parsed from the payloads in david-lev/pywa tests/data/updates/*.json (template status,
/// category and quality, account_update, outgoing_message) and Meta's webhook reference syntax (phone number quality and
/// name updates).
/// </summary>
public sealed class ManagementWebhookTests
{
    private readonly WebhookParser _parser = new();

    [Fact]
    public void TemplateStatusUpdate_Rejected_IsTyped()
    {
        // pywa tests/data/updates/template_status_update.json, "rejected".
        var change = Parse("message_template_status_update", """
            {"event":"REJECTED","message_template_id":1689556908129835,"message_template_name":"abandoned_cart","message_template_language":"en",
             "reason":"INVALID_FORMAT","message_template_category":"MARKETING",
             "rejection_info":{"reason":"Your template has parameters placed next to each other.","recommendation":"Separate parameters with descriptive text."}}
            """);

        var update = Assert.IsType<WebhookTemplateStatusUpdate>(change.TemplateStatusUpdate);
        Assert.Equal(TemplateStatus.Rejected, update.Event);
        Assert.Equal("1689556908129835", update.TemplateId);
        Assert.Equal("abandoned_cart", update.TemplateName);
        Assert.Equal("en", update.TemplateLanguage);
        Assert.Equal(TemplateCategory.Marketing, update.Category);
        Assert.Equal("INVALID_FORMAT", update.Reason);
        Assert.Equal("Your template has parameters placed next to each other.", update.RejectionDetail);
        Assert.Equal("Separate parameters with descriptive text.", update.Recommendation);
        Assert.Null(change.TemplateQualityUpdate);
        Assert.Null(change.AccountUpdate);
    }

    [Fact]
    public void TemplateCategoryUpdate_IsTyped()
    {
        // pywa tests/data/updates/template_category_update.json, "marketing".
        var change = Parse("template_category_update", """
            {"message_template_id":12345678,"message_template_name":"my_message_template","message_template_language":"he","new_category":"MARKETING"}
            """);

        var update = Assert.IsType<WebhookTemplateCategoryUpdate>(change.TemplateCategoryUpdate);
        Assert.Equal("12345678", update.TemplateId);
        Assert.Equal(TemplateCategory.Marketing, update.NewCategory);
        Assert.Null(update.PreviousCategory);
    }

    [Fact]
    public void TemplateQualityUpdate_IsTyped()
    {
        // pywa tests/data/updates/template_quality_update.json, "yellow".
        var change = Parse("message_template_quality_update", """
            {"previous_quality_score":"GREEN","new_quality_score":"YELLOW","message_template_id":806312974732579,"message_template_name":"welcome_template","message_template_language":"en_US"}
            """);

        var update = Assert.IsType<WebhookTemplateQualityUpdate>(change.TemplateQualityUpdate);
        Assert.Equal(TemplateQualityScore.Green, update.PreviousQualityScore);
        Assert.Equal(TemplateQualityScore.Yellow, update.NewQualityScore);
        Assert.Equal("806312974732579", update.TemplateId);
    }

    [Fact]
    public void AccountUpdate_Restriction_IsTyped()
    {
        // pywa tests/data/updates/account_update.json, "account_restriction".
        var change = Parse("account_update", """
            {"event":"ACCOUNT_RESTRICTION","restriction_info":[{"restriction_type":"RESTRICTED_BIZ_INITIATED_MESSAGING","expiration":1641330498},{"restriction_type":"RESTRICTED_ADD_PHONE_NUMBER_ACTION","expiration":1641330498}]}
            """);

        var update = Assert.IsType<WebhookAccountUpdate>(change.AccountUpdate);
        Assert.Equal("ACCOUNT_RESTRICTION", update.Event);
        Assert.Equal(2, update.Restrictions.Count);
        Assert.Equal("RESTRICTED_BIZ_INITIATED_MESSAGING", update.Restrictions[0].RestrictionType);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1641330498), update.Restrictions[0].Expiration);
    }

    [Fact]
    public void AccountUpdate_ViolationAndBan_AreTyped()
    {
        // pywa account_update.json, "account_violation" and "account_disabled".
        var violation = Parse("account_update", """{"event":"ACCOUNT_VIOLATION","violation_info":{"violation_type":"ADULT"}}""").AccountUpdate!;
        var ban = Parse("account_update", """{"event":"DISABLED_UPDATE","ban_info":{"waba_ban_state":"REINSTATE","waba_ban_date":"April 17, 2025"}}""").AccountUpdate!;

        Assert.Equal("ADULT", violation.ViolationType);
        Assert.Equal("REINSTATE", ban.BanState);
        Assert.Equal("April 17, 2025", ban.BanDate);
    }

    [Fact]
    public void PhoneNumberQualityUpdate_IsTypedAndMasked()
    {
        // Meta's phone_number_quality_update webhook reference: display_phone_number, event, old_limit, current_limit, max_daily_conversations_per_business.
        var change = Parse("phone_number_quality_update", """
            {"display_phone_number":"15550783881","event":"UPGRADE","old_limit":"TIER_1K","current_limit":"TIER_10K","max_daily_conversations_per_business":"TIER_10K"}
            """);

        var update = Assert.IsType<WebhookPhoneNumberQualityUpdate>(change.PhoneNumberQualityUpdate);
        Assert.Equal("15550783881", update.DisplayPhoneNumber);
        Assert.Equal("UPGRADE", update.Event);
        Assert.Equal("TIER_1K", update.OldLimit);
        Assert.Equal("TIER_10K", update.CurrentLimit);
        Assert.Equal("TIER_10K", update.MaxDailyConversationsPerBusiness);
        Assert.DoesNotContain("5550783", update.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PhoneNumberNameUpdate_IsTyped()
    {
        // Meta's phone_number_name_update webhook reference: display_phone_number, decision, requested_verified_name, rejection_reason.
        var change = Parse("phone_number_name_update", """
            {"display_phone_number":"16505551111","decision":"APPROVED","requested_verified_name":"WhatsApp","rejection_reason":null}
            """);

        var update = Assert.IsType<WebhookPhoneNumberNameUpdate>(change.PhoneNumberNameUpdate);
        Assert.Equal("APPROVED", update.Decision);
        Assert.Equal("WhatsApp", update.RequestedVerifiedName);
        Assert.Null(update.RejectionReason);
    }

    [Fact]
    public void MessageEchoes_AreInTheSiblingCollectionNotInAllMessages()
    {
        // pywa tests/data/updates/outgoing_message.json, "text".
        var notification = _parser.ParseUnverified(Encoding.UTF8.GetBytes("""
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp",
              "metadata":{"display_phone_number":"972123456789","phone_number_id":"1122334455667"},
              "contacts":[{"profile":{"name":"Test Name"},"wa_id":"972987654321"}],
              "message_echoes":[{"from":"972123456789","to":"972987654321","id":"wamid.echo1","timestamp":"1697043223","type":"text","text":{"body":"Test message"}}]},
              "field":"smb_message_echoes"}]}]}
            """));

        Assert.Empty(notification.AllMessages);
        var echo = Assert.Single(notification.AllMessageEchoes);
        Assert.Equal("972123456789", echo.From);
        Assert.Equal("972987654321", echo.To);
        Assert.Equal("Test message", echo.Text!.Body);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1697043223), echo.Timestamp);
    }

    [Fact]
    public void UnknownField_StaysRawAndHasNoTypedValue()
    {
        var change = Parse("business_capability_update", """{"max_daily_conversation_per_phone":1000,"max_phone_numbers_per_business":2}""");

        Assert.Null(change.AccountUpdate);
        Assert.Null(change.TemplateStatusUpdate);
        Assert.Null(change.PhoneNumberQualityUpdate);
        Assert.Equal(1000, change.Value!.AdditionalProperties!["max_daily_conversation_per_phone"].GetInt32());
    }

    [Fact]
    public void TypedValue_OddlyTypedFields_ReadAsNullWithoutThrowing()
    {
        var change = Parse("message_template_status_update", """{"event":["APPROVED"],"message_template_id":{"x":1},"rejection_info":"none","message_template_name":null}""");

        var update = change.TemplateStatusUpdate!;
        Assert.Null(update.Event);
        Assert.Null(update.TemplateId);
        Assert.Null(update.TemplateName);
        Assert.Null(update.RejectionDetail);
    }

    private WebhookChange Parse(string field, string value)
    {
        var body = $$"""{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","time":1751247548,"changes":[{"value":{{value}},"field":"{{field}}"}]}]}""";
        var notification = _parser.ParseUnverified(Encoding.UTF8.GetBytes(body));
        return Assert.Single(Assert.Single(notification.Entries).Changes);
    }
}
