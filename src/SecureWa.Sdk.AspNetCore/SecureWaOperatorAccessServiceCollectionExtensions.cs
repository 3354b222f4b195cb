using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SecureWa.Sdk.AspNetCore;
using SecureWa.Sdk.Governance;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Connects the signed-in ASP.NET Core user to the SDK's access control.</summary>
public static class SecureWaOperatorAccessServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="HttpContextWhatsAppOperatorAccessor"/> as the <see cref="IWhatsAppOperatorAccessor"/>: every SDK
    /// call made while a request is handled acts for its signed-in user (unless bound with <c>ForOperator</c>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets which claims are read; the defaults read <c>sub</c>, <c>roles</c>, <c>sid</c>.</param>
    /// <returns><paramref name="services"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddSecureWaOperatorAccessor(this IServiceCollection services, Action<WhatsAppOperatorClaimsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<WhatsAppOperatorClaimsOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddHttpContextAccessor();
        services.TryAddSingleton<IWhatsAppOperatorAccessor, HttpContextWhatsAppOperatorAccessor>();
        return services;
    }

    /// <summary>
    /// Adds the operator session bearer scheme (<see cref="OperatorSessionAuthenticationDefaults.AuthenticationScheme"/>),
    /// validating each request's token with the <c>OperatorSessionService</c> registered by <c>AddSecureWaOperatorSessions</c>.
    /// </summary>
    /// <param name="builder">The authentication builder.</param>
    /// <param name="authenticationScheme">The scheme name.</param>
    /// <param name="configure">Sets the scheme options.</param>
    /// <returns><paramref name="builder"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static AuthenticationBuilder AddSecureWaOperatorSessions(
        this AuthenticationBuilder builder,
        string authenticationScheme = OperatorSessionAuthenticationDefaults.AuthenticationScheme,
        Action<OperatorSessionAuthenticationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme<OperatorSessionAuthenticationOptions, OperatorSessionAuthenticationHandler>(authenticationScheme, configure);
    }
}
