using System.Net.Http.Headers;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Http;

/// <summary>
/// Puts the access token from an <see cref="ISecretProvider"/> into <c>Authorization: Bearer</c> on every
/// request. The token never goes into a URL.
/// </summary>
public sealed class AuthenticationHandler : DelegatingHandler
{
    private readonly ISecretProvider _secretProvider;

    /// <summary>Creates the handler. When added through <c>IHttpClientBuilder</c>, the factory sets <see cref="DelegatingHandler.InnerHandler"/>.</summary>
    /// <param name="secretProvider">Where the token comes from.</param>
    /// <param name="options">The client options.</param>
    public AuthenticationHandler(ISecretProvider secretProvider, WhatsAppClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(secretProvider);
        ArgumentNullException.ThrowIfNull(options);
        _secretProvider = secretProvider;
    }

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await _secretProvider.GetSecretAsync(SecretNames.AccessToken, cancellationToken).ConfigureAwait(false);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Reveal());
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
