using SecureWa.Sdk.Http.Internal;

namespace SecureWa.Sdk.Media;

/// <summary>Uploads, describes, downloads and deletes media. Obtain it from <see cref="WhatsAppClient.Media"/>.</summary>
public class MediaClient
{
    private readonly GraphApiInvoker? _invoker;

    /// <summary>For mocking only.</summary>
    protected MediaClient()
    {
    }

    internal MediaClient(GraphApiInvoker invoker)
    {
        _invoker = invoker;
    }
}
