using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SecureWa.Sdk.IntegrationTests.Infrastructure;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.IntegrationTests.Messages;

/// <summary>A real <see cref="WhatsAppClient"/> pointed at the shared WireMock, with a token generated for this test.</summary>
internal sealed class MessagesTestContext : IDisposable
{
    public const string PhoneNumberId = "106540352242922";
    public const string ApiVersion = "v23.0";

    public MessagesTestContext(WireMockFixture wireMock)
    {
        Token = "EAAG" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var secrets = new InMemorySecretProvider();
        secrets.Set(SecretNames.AccessToken, Token);
        Client = new WhatsAppClient(new WhatsAppClientOptions { BaseAddress = wireMock.BaseUri, PhoneNumberId = PhoneNumberId }, secrets);
    }

    public string Token { get; }

    public WhatsAppClient Client { get; }

    public static string MessagesPath(string phoneNumberId = PhoneNumberId) => $"/{ApiVersion}/{phoneNumberId}/messages";

    /// <summary>The documented send response.</summary>
    public static JsonObject SendResponse(string input, string waId, string messageId, string status = "accepted") => new()
    {
        ["messaging_product"] = "whatsapp",
        ["contacts"] = new JsonArray(new JsonObject { ["input"] = input, ["wa_id"] = waId }),
        ["messages"] = new JsonArray(new JsonObject { ["id"] = messageId, ["message_status"] = status }),
    };

    /// <summary>The documented Graph error envelope.</summary>
    public static JsonObject GraphError(int code, string type, string message, int? subcode, string details, string fbTraceId)
    {
        var error = new JsonObject
        {
            ["message"] = message,
            ["type"] = type,
            ["code"] = code,
            ["error_data"] = new JsonObject { ["messaging_product"] = "whatsapp", ["details"] = details },
            ["fbtrace_id"] = fbTraceId,
        };
        if (subcode is { } s)
        {
            error["error_subcode"] = s;
        }

        return new JsonObject { ["error"] = error };
    }

    public void Dispose() => Client.Dispose();
}
