using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SecureWa.Sdk.Flows;

namespace SecureWa.Sdk.Tests.Flows;

// Shapes from Meta's "Implementing your flow endpoint" guide (data_exchange response, closing with
// extension_message_response, error_message, error notification acknowledgement), as pywa writes them too.
public sealed partial class WhatsAppFlowResponseTests
{
    [Fact]
    public void NavigateTo_WithData_WritesScreenAndData()
    {
        using var data = JsonDocument.Parse("""{"slots":["9:00","10:00"],"ok":true}""");

        Assert.Equal("""{"screen":"APPOINTMENT","data":{"slots":["9:00","10:00"],"ok":true}}""", Write(WhatsAppFlowResponse.NavigateTo("APPOINTMENT", data.RootElement)));
    }

    [Fact]
    public void NavigateTo_Typed_UsesSourceGeneratedMetadata()
    {
        var response = WhatsAppFlowResponse.NavigateTo("DETAILS", new ScreenData { Greeting = "Hi" }, TestJsonContext.Default.ScreenData);

        Assert.Equal("""{"screen":"DETAILS","data":{"greeting":"Hi"}}""", Write(response));
    }

    [Fact]
    public void NavigateTo_DataKeptAfterSourceDocumentDisposed()
    {
        WhatsAppFlowResponse response;
        using (var data = JsonDocument.Parse("""{"a":1}"""))
        {
            response = WhatsAppFlowResponse.NavigateTo("S", data.RootElement);
        }

        Assert.Equal("""{"screen":"S","data":{"a":1}}""", Write(response));
    }

    [Fact]
    public void ShowError_WritesErrorMessageInData()
    {
        Assert.Equal("""{"screen":"DETAILS","data":{"error_message":"That date is taken."}}""", Write(WhatsAppFlowResponse.ShowError("DETAILS", "That date is taken.")));
    }

    [Fact]
    public void Close_WritesSuccessWithExtensionMessageResponse()
    {
        using var parameters = JsonDocument.Parse("""{"order":"42"}""");

        Assert.Equal(
            """{"screen":"SUCCESS","data":{"extension_message_response":{"params":{"flow_token":"tok-1","order":"42"}}}}""",
            Write(WhatsAppFlowResponse.Close("tok-1", parameters.RootElement)));
    }

    [Fact]
    public void Acknowledge_WritesAcknowledged()
    {
        Assert.Equal("""{"data":{"acknowledged":true}}""", Write(WhatsAppFlowResponse.Acknowledge()));
    }

    [Fact]
    public void NavigateTo_DataNotAnObject_Throws()
    {
        using var array = JsonDocument.Parse("[1]");

        Assert.Throws<ArgumentException>(() => WhatsAppFlowResponse.NavigateTo("S", array.RootElement));
        Assert.Throws<ArgumentException>(() => WhatsAppFlowResponse.NavigateTo(""));
    }

    private static string Write(WhatsAppFlowResponse response)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            response.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    internal sealed class ScreenData
    {
        [JsonPropertyName("greeting")]
        public string? Greeting { get; set; }
    }

    [JsonSerializable(typeof(ScreenData))]
    internal sealed partial class TestJsonContext : JsonSerializerContext
    {
    }
}
