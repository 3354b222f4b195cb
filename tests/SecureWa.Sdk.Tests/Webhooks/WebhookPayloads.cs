namespace SecureWa.Sdk.Tests.Webhooks;

/// <summary>Payloads shaped like the examples in Meta's webhook reference (placeholders filled with Meta's example values).</summary>
internal static class WebhookPayloads
{
    public const string Wrapper = """
        {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Sheena Nelson"},"wa_id":"16505551234"}],"messages":[MESSAGE]},"field":"messages"}]}]}
        """;

    public static string Message(string message) => Wrapper.Replace("MESSAGE", message, StringComparison.Ordinal);

    public const string Text = """
        {"from":"16505551234","id":"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=","timestamp":"1739321024","type":"text","text":{"body":"Does it come in another color?"}}
        """;

    public const string Image = """
        {"from":"16505551234","id":"wamid.IMG","timestamp":"1744344496","type":"image","image":{"caption":"Black Hydroflask","mime_type":"image/jpeg","sha256":"6mwSqkxwmF5P/PQHrOFQT/Prj9ZGBvLsH5wqZ2U8hOk=","id":"1003383421387256"}}
        """;

    public const string Audio = """
        {"from":"16505551234","id":"wamid.AUD","timestamp":"1744344496","type":"audio","audio":{"mime_type":"audio/ogg; codecs=opus","sha256":"QWtZ6XYzkLyjFGcUCGbGeD0RqWcZ0vNkgiJvWP8E3IA=","id":"1003383421387256","voice":true}}
        """;

    public const string Video = """
        {"from":"16505551234","id":"wamid.VID","timestamp":"1744344496","type":"video","video":{"caption":"Review","mime_type":"video/mp4","sha256":"4ZcL9P7p5Ju2mJ0pUHzhb5+LJ1xWMxuo8TKxD2E4K9k=","id":"1003383421387256"}}
        """;

    public const string Document = """
        {"from":"16505551234","id":"wamid.DOC","timestamp":"1744344496","type":"document","document":{"caption":"Receipt","filename":"receipt.pdf","mime_type":"application/pdf","sha256":"jNOq+CqQ2+6pKkEk5PYXRxvFbWhrKTA9nEXrW3H8RsQ=","id":"1003383421387256"}}
        """;

    public const string Sticker = """
        {"from":"16505551234","id":"wamid.STK","timestamp":"1744344496","type":"sticker","sticker":{"mime_type":"image/webp","sha256":"X9yJ7Z0ZlGDH0y0B9Xq6l1Wk8iF2Bd5s0rTwfF7m5P0=","id":"1003383421387256","animated":false}}
        """;

    public const string Location = """
        {"from":"16505551234","id":"wamid.LOC","timestamp":"1744344496","type":"location","location":{"address":"1 Hacker Way, Menlo Park, CA 94025","latitude":37.483307,"longitude":-122.148981,"name":"Main Campus","url":"https://www.facebookwww.com"}}
        """;

    public const string Contacts = """
        {"from":"16505551234","id":"wamid.CON","timestamp":"1744344496","type":"contacts","contacts":[{"addresses":[{"city":"Menlo Park","country":"United States","type":"WORK"}],"birthday":"1999-01-23","emails":[{"email":"bjohnson@example.com","type":"WORK"}],"name":{"formatted_name":"Barbara J. Johnson","first_name":"Barbara","last_name":"Johnson"},"org":{"company":"Lucky Shrub"},"phones":[{"phone":"+16505559999","wa_id":"16505559999","type":"MOBILE"}],"urls":[{"url":"https://www.luckyshrub.com","type":"WORK"}]}]}
        """;

    public const string ButtonReply = """
        {"context":{"from":"15550783881","id":"wamid.CTX"},"from":"16505551234","id":"wamid.BTN","timestamp":"1744344496","type":"interactive","interactive":{"type":"button_reply","button_reply":{"id":"cancel-button","title":"Cancel"}}}
        """;

    public const string ListReply = """
        {"context":{"from":"15550783881","id":"wamid.CTX"},"from":"16505551234","id":"wamid.LST","timestamp":"1744344496","type":"interactive","interactive":{"type":"list_reply","list_reply":{"id":"priority_express","title":"Priority Mail Express","description":"Next Day to 2 Days"}}}
        """;

    public const string NfmReply = """
        {"context":{"from":"15550783881","id":"wamid.CTX"},"from":"16505551234","id":"wamid.NFM","timestamp":"1744344496","type":"interactive","interactive":{"type":"nfm_reply","nfm_reply":{"name":"flow","body":"Sent","response_json":"{\"flow_token\":\"AQAAAAACS5FpgQ_cAAAAAD0QI3s.\",\"optional_param1\":\"<value1>\"}"}}}
        """;

    public const string Button = """
        {"context":{"from":"15550783881","id":"wamid.CTX"},"from":"16505551234","id":"wamid.QRB","timestamp":"1744344496","type":"button","button":{"payload":"Unsubscribe","text":"Stop promotions"}}
        """;

    public const string Reaction = """
        {"from":"16505551234","id":"wamid.RCT","timestamp":"1744344496","type":"reaction","reaction":{"message_id":"wamid.ORIGINAL","emoji":"\ud83d\udc4d"}}
        """;

    public const string Order = """
        {"from":"16505551234","id":"wamid.ORD","timestamp":"1739321024","type":"order","order":{"catalog_id":"194836987003835","text":"Love these!","product_items":[{"product_retailer_id":"di9ozbzfi4","quantity":2,"item_price":7.99,"currency":"USD"}]}}
        """;

    public const string System = """
        {"from":"16505551234","id":"wamid.SYS","timestamp":"1744344496","type":"system","system":{"body":"User A changed from +1 650-555-1234 to +1 650-555-5678","wa_id":"16505555678","type":"user_changed_number"}}
        """;

    public const string Referral = """
        {"referral":{"source_url":"https://fb.me/3cr4Wqqkv","source_id":"120226305854810726","source_type":"ad","body":"Summer sale!","headline":"Chat with us","media_type":"image","image_url":"https://scontent.xx.fbcdn.net/v/t45.1600-4/123.png","ctwa_clid":"Afe5jIvJWeJ5lHtvTHAh0"},"from":"16505551234","id":"wamid.REF","timestamp":"1744344496","type":"text","text":{"body":"Can I get more info?"}}
        """;

    public const string Unsupported = """
        {"from":"16505551234","id":"wamid.UNS","timestamp":"1744344496","type":"unsupported","errors":[{"code":131051,"title":"Message type unknown","message":"Message type unknown","error_data":{"details":"Message type is currently not supported."}}],"unsupported":{"type":"poll"}}
        """;

    public const string FutureType = """
        {"from":"16505551234","id":"wamid.NEW","timestamp":"1744344496","type":"hologram","hologram":{"id":"h-1","frames":[1,2,3]},"brand_new_field":{"x":true}}
        """;

    public const string ProductEnquiry = """
        {"from":"16505551234","id":"wamid.ENQ","timestamp":"1744344496","type":"text","text":{"body":"Is this in stock?"},"context":{"from":"15550783881","id":"wamid.CTX","referred_product":{"catalog_id":"194836987003835","product_retailer_id":"di9ozbzfi4"},"forwarded":false}}
        """;

    // From Meta's Postman collection (see CLOUD-API-FACTS.md).
    public const string StatusSent = """
        {"object":"whatsapp_business_account","entry":[{"id":"8856996819413533","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"16505553333","phone_number_id":"27681414235104944"},"statuses":[{"id":"wamid.gBGGFlCGg0cvAglAxydbAoy-gwNo","status":"sent","timestamp":"1603086313","recipient_id":"16315551234"}]},"field":"messages"}]}]}
        """;

    public const string StatusDeliveredAndRead = """
        {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"statuses":[{"id":"wamid.A","status":"delivered","timestamp":"1750263773","recipient_id":"16505551234","conversation":{"id":"6ceb9d929c6a8c3e0e6b4c07c1b8d8e4","expiration_timestamp":"1750350173","origin":{"type":"utility"}},"pricing":{"billable":true,"pricing_model":"PMP","category":"utility","type":"regular"}},{"id":"wamid.A","status":"read","timestamp":"1750263800","recipient_id":"16505551234"}]},"field":"messages"}]}]}
        """;

    public const string StatusFailed = """
        {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"statuses":[{"id":"wamid.F","status":"failed","timestamp":"1750263773","recipient_id":"16505551234","errors":[{"code":131026,"title":"Message undeliverable","message":"Message undeliverable","error_data":{"details":"Message Undeliverable."},"href":"/documentation/business-messaging/whatsapp/support/error-codes"}]}]},"field":"messages"}]}]}
        """;

    // System-level error, from CLOUD-API-FACTS.md.
    public const string SystemError = """
        {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"errors":[{"code":130429,"title":"Rate limit hit","message":"Rate limit hit","error_data":{"details":"Message failed to send because there were too many messages sent from this phone number in a short period of time"},"href":"/documentation/business-messaging/whatsapp/support/error-codes"}]},"field":"messages"}]}]}
        """;
}
