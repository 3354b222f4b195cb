using System.Net;

namespace SecureWa.Sdk.Http.Internal;

/// <summary>
/// The system proxy for https requests only. Through a proxy, an https request is a CONNECT tunnel the proxy cannot
/// read; a plain http request (a loopback stand-in) would hand the proxy the bearer token and <c>appsecret_proof</c>
/// in clear text, so http requests always go direct.
/// </summary>
internal sealed class HttpsOnlyProxy(Func<IWebProxy?> systemProxy) : IWebProxy
{
    public ICredentials? Credentials
    {
        get => systemProxy()?.Credentials;
        set
        {
            if (systemProxy() is { } proxy)
            {
                proxy.Credentials = value;
            }
        }
    }

    public Uri? GetProxy(Uri destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return IsBypassed(destination) ? null : systemProxy()?.GetProxy(destination);
    }

    public bool IsBypassed(Uri host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return !string.Equals(host.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase)
            || systemProxy() is not { } proxy
            || proxy.IsBypassed(host);
    }
}
