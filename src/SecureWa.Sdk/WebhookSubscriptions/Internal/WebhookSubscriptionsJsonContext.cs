using System.Text.Json.Serialization;
using SecureWa.Sdk.Paging.Internal;
using SecureWa.Sdk.Serialization;

namespace SecureWa.Sdk.WebhookSubscriptions.Internal;

/// <summary>Source-generated JSON for the subscribed-apps wire types (same settings as <c>GraphJsonContext</c>).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(GraphPage<SubscribedAppWire>))]
[JsonSerializable(typeof(SubscribeResponse))]
[JsonSerializable(typeof(GraphSuccessResponse))]
internal sealed partial class WebhookSubscriptionsJsonContext : JsonSerializerContext
{
}
