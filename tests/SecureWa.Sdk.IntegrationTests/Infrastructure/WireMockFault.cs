using System.Text.Json.Serialization;

namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>A transport fault WireMock injects instead of a response.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WireMockFault>))]
public enum WireMockFault
{
    /// <summary>Closes the connection with a TCP reset.</summary>
    [JsonStringEnumMemberName("CONNECTION_RESET_BY_PEER")]
    ConnectionResetByPeer,

    /// <summary>Closes the connection without sending anything.</summary>
    [JsonStringEnumMemberName("EMPTY_RESPONSE")]
    EmptyResponse,

    /// <summary>Sends an OK status and headers, then garbage, then closes.</summary>
    [JsonStringEnumMemberName("MALFORMED_RESPONSE_CHUNK")]
    MalformedResponseChunk,

    /// <summary>Sends garbage, then closes.</summary>
    [JsonStringEnumMemberName("RANDOM_DATA_THEN_CLOSE")]
    RandomDataThenClose,
}
