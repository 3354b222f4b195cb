using SecureWa.Sdk.Http.Internal;

namespace SecureWa.Sdk.Messages;

/// <summary>Sends messages (<c>POST /{phone-number-id}/messages</c>). Obtain it from <see cref="WhatsAppClient.Messages"/>.</summary>
public class MessagesClient
{
    private readonly GraphApiInvoker? _invoker;

    /// <summary>For mocking only.</summary>
    protected MessagesClient()
    {
    }

    internal MessagesClient(GraphApiInvoker invoker)
    {
        _invoker = invoker;
    }
}
