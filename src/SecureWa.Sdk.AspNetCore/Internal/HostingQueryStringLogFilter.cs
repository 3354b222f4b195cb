using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SecureWa.Sdk.AspNetCore.Internal;

/// <summary>
/// Keeps <c>hub.verify_token</c> out of the host's logs. ASP.NET Core's hosting diagnostics write every request's URL,
/// query string included ("Request starting HTTP/1.1 GET …?hub.verify_token=…", and "Request finished …") at
/// Information under <see cref="Category"/>, before any middleware could intervene; Meta sends the verify token in that
/// query string. This raises that one category to Warning, unless the application set a level for it itself.
/// </summary>
internal sealed class HostingQueryStringLogFilter : IConfigureOptions<LoggerFilterOptions>
{
    public const string Category = "Microsoft.AspNetCore.Hosting.Diagnostics";

    public void Configure(LoggerFilterOptions options)
    {
        foreach (var rule in options.Rules)
        {
            if (string.Equals(rule.CategoryName, Category, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }

        options.Rules.Add(new LoggerFilterRule(providerName: null, Category, LogLevel.Warning, filter: null));
    }
}
