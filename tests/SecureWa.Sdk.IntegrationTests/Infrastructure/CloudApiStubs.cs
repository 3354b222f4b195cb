using System.Text.Json.Nodes;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>
/// The Cloud API stand-in: documented response shapes and ready-made stubs. Shared by the integration tests and
/// the one-command demo (samples/SecureWa.Demo), so the demo talks to exactly what the tests verify against.
/// </summary>
public static class CloudApiStubs
{
    /// <summary>The Graph API version the stubs answer under.</summary>
    public const string ApiVersion = "v23.0";

    /// <summary>The path of the send endpoint for a phone number id.</summary>
    public static string MessagesPath(string phoneNumberId) => $"/{ApiVersion}/{phoneNumberId}/messages";

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

    /// <summary>
    /// Stubs the send endpoint of <paramref name="phoneNumberId"/>: a message of each given type is accepted with
    /// the message id <c>wamid.stub-{type}</c>; the request must carry a bearer token.
    /// </summary>
    public static async Task StubSendAcceptedAsync(WireMockAdmin admin, string phoneNumberId, string recipient, params string[] messageTypes)
    {
        ArgumentNullException.ThrowIfNull(admin);
        foreach (var type in messageTypes)
        {
            await admin.StubAsync(new StubMapping
            {
                Request = new RequestPattern
                {
                    Method = "POST",
                    UrlPath = MessagesPath(phoneNumberId),
                    Headers = new() { ["Authorization"] = new StringValuePattern { Matches = "Bearer .+" } },
                    BodyPatterns = [new ContentPattern { MatchesJsonPath = $"$[?(@.type == '{type}')]" }],
                },
                Response = ResponseDefinition.Json(200, SendResponse(recipient, recipient.TrimStart('+'), "wamid.stub-" + type)),
            });
        }

        // Anything else on the send endpoint is a documented invalid-parameter error, not a silent success.
        await admin.StubAsync(new StubMapping
        {
            Priority = 10,
            Request = RequestPattern.For("POST", MessagesPath(phoneNumberId)),
            Response = ResponseDefinition.Json(400, GraphError(100, "OAuthException", "(#100) Invalid parameter", null, "Unsupported message type for this stub", "AStubTrace")),
        });
    }
}
