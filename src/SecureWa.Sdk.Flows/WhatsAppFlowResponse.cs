using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SecureWa.Sdk.Flows;

/// <summary>
/// What a flow endpoint handler answers: the next screen and its data, an error message on a screen, closing the flow, or
/// acknowledging an error notification. The endpoint serializes and encrypts it.
/// </summary>
public sealed class WhatsAppFlowResponse
{
    /// <summary>The <c>screen</c> value that closes a flow.</summary>
    public const string SuccessScreen = "SUCCESS";

    private WhatsAppFlowResponse(Kind kind, string? screen, JsonElement? data, string? errorMessage, string? flowToken)
    {
        ResponseKind = kind;
        Screen = screen;
        Data = data;
        ErrorMessage = errorMessage;
        FlowToken = flowToken;
    }

    internal enum Kind
    {
        Navigate,
        Close,
        Acknowledge,
    }

    /// <summary>The screen to show; <see cref="SuccessScreen"/> when closing; <see langword="null"/> for an acknowledgement.</summary>
    public string? Screen { get; }

    /// <summary>The data for the screen (a JSON object), or the parameters returned when closing.</summary>
    public JsonElement? Data { get; }

    /// <summary>The error message shown on the screen (<c>data.error_message</c>), if any.</summary>
    public string? ErrorMessage { get; }

    /// <summary>The flow token returned when closing.</summary>
    public string? FlowToken { get; }

    internal Kind ResponseKind { get; }

    /// <summary>Shows <paramref name="screen"/> with <paramref name="data"/>: <c>{"screen":…,"data":{…}}</c>.</summary>
    /// <param name="screen">The screen id from the flow JSON.</param>
    /// <param name="data">A JSON object with the screen's data, or <see langword="null"/> for none.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ArgumentException"><paramref name="screen"/> is empty, or <paramref name="data"/> is not an object.</exception>
    public static WhatsAppFlowResponse NavigateTo(string screen, JsonElement? data = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(screen);
        return new(Kind.Navigate, screen, CloneObject(data, nameof(data)), null, null);
    }

    /// <summary>Shows <paramref name="screen"/> with typed data serialized with source-generated metadata.</summary>
    /// <typeparam name="T">The data type.</typeparam>
    /// <param name="screen">The screen id.</param>
    /// <param name="data">The data; must serialize to a JSON object.</param>
    /// <param name="typeInfo">The metadata, from the application's <c>JsonSerializerContext</c>.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="typeInfo"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="screen"/> is empty, or the data is not a JSON object.</exception>
    public static WhatsAppFlowResponse NavigateTo<T>(string screen, T data, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return NavigateTo(screen, JsonSerializer.SerializeToElement(data, typeInfo));
    }

    /// <summary>Shows <paramref name="screen"/> again with an error message (a snackbar): <c>data.error_message</c>.</summary>
    /// <param name="screen">The screen id.</param>
    /// <param name="errorMessage">The message shown to the customer.</param>
    /// <param name="data">Other data for the screen, or <see langword="null"/>.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ArgumentException"><paramref name="screen"/> or <paramref name="errorMessage"/> is empty, or <paramref name="data"/> is not an object.</exception>
    public static WhatsAppFlowResponse ShowError(string screen, string errorMessage, JsonElement? data = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(screen);
        ArgumentException.ThrowIfNullOrEmpty(errorMessage);
        return new(Kind.Navigate, screen, CloneObject(data, nameof(data)), errorMessage, null);
    }

    /// <summary>
    /// Closes the flow: <c>{"screen":"SUCCESS","data":{"extension_message_response":{"params":{"flow_token":…,…}}}}</c>;
    /// the parameters come back in the flow completion webhook (<c>nfm_reply</c>).
    /// </summary>
    /// <param name="flowToken">The flow token (usually the request's).</param>
    /// <param name="parameters">More parameters (a JSON object), or <see langword="null"/>.</param>
    /// <returns>The response.</returns>
    /// <exception cref="ArgumentException"><paramref name="flowToken"/> is empty, or <paramref name="parameters"/> is not an object.</exception>
    public static WhatsAppFlowResponse Close(string flowToken, JsonElement? parameters = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(flowToken);
        return new(Kind.Close, SuccessScreen, CloneObject(parameters, nameof(parameters)), null, flowToken);
    }

    /// <summary>Acknowledges an error notification: <c>{"data":{"acknowledged":true}}</c>.</summary>
    /// <returns>The response.</returns>
    public static WhatsAppFlowResponse Acknowledge() => new(Kind.Acknowledge, null, null, null, null);

    /// <summary>Writes the response JSON Meta expects.</summary>
    internal void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        switch (ResponseKind)
        {
            case Kind.Acknowledge:
                writer.WriteStartObject("data");
                writer.WriteBoolean("acknowledged", true);
                writer.WriteEndObject();
                break;
            case Kind.Close:
                writer.WriteString("screen", SuccessScreen);
                writer.WriteStartObject("data");
                writer.WriteStartObject("extension_message_response");
                writer.WriteStartObject("params");
                writer.WriteString("flow_token", FlowToken);
                WriteProperties(writer, Data, skip: "flow_token");
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndObject();
                break;
            default:
                writer.WriteString("screen", Screen);
                writer.WriteStartObject("data");
                WriteProperties(writer, Data, skip: ErrorMessage is null ? null : "error_message");
                if (ErrorMessage is not null)
                {
                    writer.WriteString("error_message", ErrorMessage);
                }

                writer.WriteEndObject();
                break;
        }

        writer.WriteEndObject();
    }

    private static void WriteProperties(Utf8JsonWriter writer, JsonElement? data, string? skip)
    {
        if (data is not { } element)
        {
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (skip is not null && property.NameEquals(skip))
            {
                continue;
            }

            property.WriteTo(writer);
        }
    }

    private static JsonElement? CloneObject(JsonElement? data, string parameterName)
    {
        if (data is not { } element || element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("The data must be a JSON object.", parameterName);
        }

        return element.Clone();
    }
}
