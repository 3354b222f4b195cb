using System.Text;
using SecureWa.Sdk.Webhooks;

namespace SecureWa.Sdk.Tests.Webhooks;

/// <summary>Status webhooks return what a send set: biz_opaque_callback_data, and the group of a group message.</summary>
public sealed class WebhookStatusCallbackDataTests
{
    private readonly WebhookParser _parser = new();

    [Fact]
    public void ParseUnverified_StatusWithCallbackData_ReadsItBack()
    {
        // The status "sent" payload of Meta's Postman collection (CLOUD-API-FACTS.md), with the
        // biz_opaque_callback_data field the status object carries when the send set it.
        var json = """
            {"object":"whatsapp_business_account","entry":[{"id":"8856996819413533","changes":[{"value":{"messaging_product":"whatsapp",
             "metadata":{"display_phone_number":"16505553333","phone_number_id":"27681414235104944"},
             "statuses":[{"id":"wamid.gBGGFlCGg0cvAglAxydbAoy-gwNo","status":"sent","timestamp":"1603086313","recipient_id":"16315551234",
               "biz_opaque_callback_data":"campaign=spring;batch=7"}]},"field":"messages"}]}]}
            """;

        var status = Assert.Single(_parser.ParseUnverified(Encoding.UTF8.GetBytes(json)).AllStatuses);

        Assert.Equal("campaign=spring;batch=7", status.BizOpaqueCallbackData);
        Assert.Null(status.RecipientType);
    }

    [Fact]
    public void ParseUnverified_GroupStatus_ReadsRecipientTypeAndGroupId()
    {
        // Meta, "Group messaging", "Group message sent example": recipient_id is the group id, recipient_type group.
        var json = """
            {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp",
             "metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
             "statuses":[{"id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA","recipient_id":"Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD",
               "recipient_type":"group","status":"sent","timestamp":"1739321024"}]},"field":"messages"}]}]}
            """;

        var status = Assert.Single(_parser.ParseUnverified(Encoding.UTF8.GetBytes(json)).AllStatuses);

        Assert.Equal("group", status.RecipientType);
        Assert.Equal("Y2FwaV9ncm91cDoxNzA1NTU1MDEzOToxMjAzNjM0MDQ2OTQyMzM4MjAZD", status.RecipientId);
        Assert.True(status.AdditionalProperties is null || !status.AdditionalProperties.ContainsKey("recipient_type"));
    }
}
