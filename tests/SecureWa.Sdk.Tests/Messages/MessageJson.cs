using System.Text.Json;
using System.Text.Json.Nodes;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Messages.Internal;

namespace SecureWa.Sdk.Tests.Messages;

/// <summary>Serializes messages exactly as <see cref="MessagesClient"/> does and compares JSON structurally.</summary>
internal static class MessageJson
{
    public static JsonNode Serialize(WhatsAppMessage message)
    {
        MessageValidator.Validate(message);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(MessageMapper.ToRequest(message), MessagesJsonContext.Wire.MessageRequest);
        return JsonNode.Parse(bytes)!;
    }

    public static void AssertJsonEquals(string expectedJson, JsonNode? actual)
    {
        var expected = JsonNode.Parse(expectedJson);
        Assert.True(
            JsonNode.DeepEquals(expected, actual),
            $"JSON differs.\nExpected: {expected?.ToJsonString()}\nActual:   {actual?.ToJsonString()}");
    }

    public static void AssertSerializesTo(string expectedJson, WhatsAppMessage message)
        => AssertJsonEquals(expectedJson, Serialize(message));
}
