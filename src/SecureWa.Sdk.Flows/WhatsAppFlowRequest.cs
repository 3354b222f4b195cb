using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SecureWa.Sdk.Flows;

/// <summary>
/// A decrypted, signature-verified flow data exchange request, as the handler of <c>MapWhatsAppFlowEndpoint</c> sees it.
/// </summary>
/// <remarks>
/// <see cref="Data"/> points into the decrypted request buffer, which is zeroed when the handler returns: read it (or
/// <see cref="JsonElement.Clone"/> it) during the call. <see cref="ToString"/> shows the action and screen only — never the
/// data or the flow token — and the SDK never logs either.
/// </remarks>
public sealed class WhatsAppFlowRequest
{
    internal WhatsAppFlowRequest(FlowRequestAction action, string? rawAction, string? screen, JsonElement? data, string? flowToken, string? flowTokenSignature, string? version)
    {
        Action = action;
        RawAction = rawAction;
        Screen = screen;
        Data = data;
        FlowToken = flowToken;
        FlowTokenSignature = flowTokenSignature;
        Version = version;
        if (data is { ValueKind: JsonValueKind.Object } d
            && (d.TryGetProperty("error", out var error) | d.TryGetProperty("error_message", out var errorMessage) | d.TryGetProperty("error_key", out _)))
        {
            IsErrorNotification = true;
            ErrorCode = error.ValueKind == JsonValueKind.String ? error.GetString() : null;
            ErrorMessage = errorMessage.ValueKind == JsonValueKind.String ? errorMessage.GetString() : null;
        }
    }

    /// <summary>The action.</summary>
    public FlowRequestAction Action { get; }

    /// <summary>The action exactly as sent (<c>INIT</c>, <c>data_exchange</c>, <c>BACK</c>, …).</summary>
    public string? RawAction { get; }

    /// <summary>The screen that sent the request; <see langword="null"/> for <c>INIT</c> (and often <c>BACK</c>).</summary>
    public string? Screen { get; }

    /// <summary>The screen's data (a JSON object), or <see langword="null"/>. Valid only during the handler call.</summary>
    public JsonElement? Data { get; }

    /// <summary>The flow token sent with the flow message (see <c>FlowTokenProtector</c> to make it verifiable).</summary>
    public string? FlowToken { get; }

    /// <summary>Meta's signature of the flow token (<c>flow_token_signature</c>, newer flow versions), when present.</summary>
    public string? FlowTokenSignature { get; }

    /// <summary>The data API version, such as <c>3.0</c>.</summary>
    public string? Version { get; }

    /// <summary>
    /// Whether this is an error notification: the client reports that the previous response could not be used
    /// (<c>data.error</c> / <c>data.error_message</c>). The endpoint answers <c>{"data":{"acknowledged":true}}</c> itself
    /// after the handler returned, whatever it returned.
    /// </summary>
    public bool IsErrorNotification { get; }

    /// <summary>The error code of an error notification (<c>data.error</c>).</summary>
    public string? ErrorCode { get; }

    /// <summary>The error message of an error notification (<c>data.error_message</c>).</summary>
    public string? ErrorMessage { get; }

    /// <summary>Deserializes <see cref="Data"/> with source-generated metadata.</summary>
    /// <typeparam name="T">The type of the screen's data.</typeparam>
    /// <param name="typeInfo">The metadata, from the application's <c>JsonSerializerContext</c>.</param>
    /// <returns>The data, or <see langword="default"/> when there is none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="typeInfo"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The data does not fit <typeparamref name="T"/>.</exception>
    public T? GetData<T>(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        return Data is { ValueKind: JsonValueKind.Object or JsonValueKind.Array } data ? data.Deserialize(typeInfo) : default;
    }

    /// <summary>The action and screen, never the data or the token.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => $"Flow request {RawAction ?? "?"} screen={Screen ?? "-"}";
}
