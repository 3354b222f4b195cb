using System.Text.Json;
using System.Text.Json.Serialization;
using SecureWa.Sdk.Flows;
using SecureWa.Sdk.Flows.Internal;

namespace SecureWa.Sdk.Tests.Flows;

public sealed partial class WhatsAppFlowRequestTests
{
    [Theory]
    [InlineData("ping", FlowRequestAction.Ping)]
    [InlineData("INIT", FlowRequestAction.Init)]
    [InlineData("data_exchange", FlowRequestAction.DataExchange)]
    [InlineData("BACK", FlowRequestAction.Back)]
    [InlineData("navigate", FlowRequestAction.Navigate)]
    [InlineData("something_new", FlowRequestAction.Unknown)]
    public void ParseAction_MetaActionNames_MapToEnum(string raw, FlowRequestAction expected)
    {
        Assert.Equal(expected, WhatsAppFlowEndpoint.ParseAction(raw));
    }

    [Fact]
    public void GetData_Typed_DeserializesWithSourceGeneratedMetadata()
    {
        using var document = JsonDocument.Parse("""{"name":"Ada","slot":"9:00"}""");
        var request = new WhatsAppFlowRequest(FlowRequestAction.DataExchange, "data_exchange", "DETAILS", document.RootElement, "tok", null, "3.0");

        var form = request.GetData(FormJsonContext.Default.Form);

        Assert.Equal("9:00", form!.Slot);
        Assert.False(request.IsErrorNotification);
    }

    [Fact]
    public void Ctor_ErrorKeysInData_IsErrorNotification()
    {
        using var document = JsonDocument.Parse("""{"error":"INVALID_SCREEN","error_message":"Screen not found"}""");

        var request = new WhatsAppFlowRequest(FlowRequestAction.DataExchange, "data_exchange", "S", document.RootElement, "tok", null, "3.0");

        Assert.True(request.IsErrorNotification);
        Assert.Equal("INVALID_SCREEN", request.ErrorCode);
        Assert.Equal("Screen not found", request.ErrorMessage);
    }

    [Fact]
    public void ToString_ShowsActionAndScreen_NeverDataOrToken()
    {
        using var document = JsonDocument.Parse("""{"name":"Ada Lovelace"}""");
        var request = new WhatsAppFlowRequest(FlowRequestAction.DataExchange, "data_exchange", "DETAILS", document.RootElement, "secret-flow-token", null, "3.0");

        var text = request.ToString();

        Assert.Contains("data_exchange", text, StringComparison.Ordinal);
        Assert.Contains("DETAILS", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-flow-token", text, StringComparison.Ordinal);
    }

    internal sealed class Form
    {
        [JsonPropertyName("name")]
        public string? Name { get; set; }

        [JsonPropertyName("slot")]
        public string? Slot { get; set; }
    }

    [JsonSerializable(typeof(Form))]
    internal sealed partial class FormJsonContext : JsonSerializerContext
    {
    }
}
