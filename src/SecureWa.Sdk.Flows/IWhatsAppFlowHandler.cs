namespace SecureWa.Sdk.Flows;

/// <summary>Handles verified, decrypted flow data exchange requests (<c>INIT</c>, <c>data_exchange</c>, <c>BACK</c>, error notifications).</summary>
/// <remarks>Meta waits about 10 seconds for an answer; keep handlers short. Never log the request's data.</remarks>
public interface IWhatsAppFlowHandler
{
    /// <summary>Answers one request.</summary>
    /// <param name="request">The request; its data is valid only during the call.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    /// <returns>The response to encrypt.</returns>
    /// <exception cref="WhatsAppFlowErrorException">To answer one of Meta's endpoint error codes (427 for an expired flow token).</exception>
    ValueTask<WhatsAppFlowResponse> HandleAsync(WhatsAppFlowRequest request, CancellationToken cancellationToken);
}
