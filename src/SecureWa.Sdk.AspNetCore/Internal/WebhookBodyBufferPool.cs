using System.Buffers;

namespace SecureWa.Sdk.AspNetCore.Internal;

/// <summary>
/// Where the endpoint rents its body buffers (<see cref="ArrayPool{T}.Shared"/>; returned cleared, the body holds
/// personal data). A seam so tests can observe that buffer sizes follow the bytes received.
/// </summary>
internal class WebhookBodyBufferPool
{
    public static WebhookBodyBufferPool Shared { get; } = new();

    public virtual byte[] Rent(int minimumLength) => ArrayPool<byte>.Shared.Rent(minimumLength);

    public virtual void Return(byte[] buffer) => ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
}
