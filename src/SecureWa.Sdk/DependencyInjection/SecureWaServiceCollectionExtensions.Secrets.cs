using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureWa.Sdk;
using SecureWa.Sdk.DependencyInjection.Internal;
using SecureWa.Sdk.Secrets;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Secret provider registration for the SDK.</summary>
/// <remarks>
/// Call these on the builder returned by <c>AddSecureWa(...)</c>. Providers added more than once are chained in
/// the order they were added (<see cref="ChainedSecretProvider"/>: only "not found" moves on to the next one).
/// With none added, <see cref="EnvironmentSecretProvider"/> is used. The result is wrapped in a
/// <see cref="CachingSecretProvider"/> unless <see cref="DisableSecretCaching"/> is called. An
/// <see cref="ISecretProvider"/> you register yourself with <c>services.AddSingleton&lt;ISecretProvider&gt;</c>
/// before <c>AddSecureWa</c> takes precedence over all of this. On start, the options validation fails when no
/// provider can serve the access token (or the app secret, with <see cref="WhatsAppClientOptions.UseAppSecretProof"/>).
/// </remarks>
public static partial class SecureWaServiceCollectionExtensions
{
    /// <summary>Adds a secret provider resolved from DI (registered as a singleton if it is not already).</summary>
    /// <typeparam name="TProvider">The provider type.</typeparam>
    /// <param name="builder">The builder returned by <c>AddSecureWa</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddSecretProvider<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)] TProvider>(this IHttpClientBuilder builder)
        where TProvider : class, ISecretProvider
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<TProvider>();
        return AddSecretProvider(builder, static sp => sp.GetRequiredService<TProvider>());
    }

    /// <summary>Adds a secret provider instance.</summary>
    /// <param name="builder">The builder returned by <c>AddSecureWa</c>.</param>
    /// <param name="provider">The provider.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddSecretProvider(this IHttpClientBuilder builder, ISecretProvider provider)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(provider);
        return AddSecretProvider(builder, _ => provider);
    }

    /// <summary>Adds a secret provider built by a factory (called once, when the SDK's provider is first resolved).</summary>
    /// <param name="builder">The builder returned by <c>AddSecureWa</c>.</param>
    /// <param name="factory">Builds the provider.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddSecretProvider(this IHttpClientBuilder builder, Func<IServiceProvider, ISecretProvider> factory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(factory);
        builder.Services.AddSingleton(new SecretProviderRegistration(factory));
        return builder;
    }

    /// <summary>Adds an <see cref="EnvironmentSecretProvider"/> (<c>WHATSAPP_ACCESS_TOKEN</c>, <c>WHATSAPP_APP_SECRET</c>, <c>WHATSAPP_WEBHOOK_VERIFY_TOKEN</c>).</summary>
    /// <param name="builder">The builder returned by <c>AddSecureWa</c>.</param>
    /// <param name="variableNames">Extra or replacement mappings from logical name to variable name.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddEnvironmentSecrets(this IHttpClientBuilder builder, IEnumerable<KeyValuePair<string, string>>? variableNames = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var provider = new EnvironmentSecretProvider(variableNames);
        return AddSecretProvider(builder, provider);
    }

    /// <summary>Adds a <see cref="FileSecretProvider"/> reading each logical name from the file of that name in <paramref name="directory"/>.</summary>
    /// <param name="builder">The builder returned by <c>AddSecureWa</c>.</param>
    /// <param name="directory">The directory, such as a Kubernetes secret volume.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is <see langword="null"/> or empty.</exception>
    public static IHttpClientBuilder AddFileSecrets(this IHttpClientBuilder builder, string directory)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        return AddSecretProvider(builder, new FileSecretProvider(directory));
    }

    /// <summary>Adds a <see cref="FileSecretProvider"/>.</summary>
    /// <param name="builder">The builder returned by <c>AddSecureWa</c>.</param>
    /// <param name="configure">Sets the directory and/or the file of each logical name.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options name neither a directory nor a file.</exception>
    public static IHttpClientBuilder AddFileSecrets(this IHttpClientBuilder builder, Action<FileSecretProviderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new FileSecretProviderOptions();
        configure(options);
        return AddSecretProvider(builder, new FileSecretProvider(options));
    }

    /// <summary>
    /// Adds a <see cref="ConfigurationSecretProvider"/> over the application's <see cref="IConfiguration"/>, for
    /// development with dotnet user-secrets. Do not keep production secrets in <c>appsettings.json</c>.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddSecureWa</c>.</param>
    /// <param name="configure">Sets the section and key mappings; the defaults read <c>WhatsApp:AccessToken</c> and so on.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddConfigurationSecrets(this IHttpClientBuilder builder, Action<ConfigurationSecretProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new ConfigurationSecretProviderOptions();
        configure?.Invoke(options);
        return AddSecretProvider(builder, sp => new ConfigurationSecretProvider(sp.GetRequiredService<IConfiguration>(), options));
    }

    /// <summary>
    /// Adds a <see cref="ConfigurationSecretProvider"/> over <paramref name="configuration"/>, for development with
    /// dotnet user-secrets. Do not keep production secrets in <c>appsettings.json</c>.
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddSecureWa</c>.</param>
    /// <param name="configuration">The configuration to read.</param>
    /// <param name="configure">Sets the section and key mappings; the defaults read <c>WhatsApp:AccessToken</c> and so on.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configuration"/> is <see langword="null"/>.</exception>
    public static IHttpClientBuilder AddConfigurationSecrets(this IHttpClientBuilder builder, IConfiguration configuration, Action<ConfigurationSecretProviderOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new ConfigurationSecretProviderOptions();
        configure?.Invoke(options);
        return AddSecretProvider(builder, new ConfigurationSecretProvider(configuration, options));
    }

    /// <summary>Configures the <see cref="CachingSecretProvider"/> that wraps the registered providers (time to live, refresh-ahead, rotation callback).</summary>
    /// <param name="builder">The builder returned by <c>AddSecureWa</c>.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IHttpClientBuilder ConfigureSecretCaching(this IHttpClientBuilder builder, Action<CachingSecretProviderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        builder.Services.Configure<SecretCachingMode>(static mode => mode.Enabled = true);
        return builder;
    }

    /// <summary>
    /// Uses the registered providers without the <see cref="CachingSecretProvider"/>: every request reads its secrets
    /// from them. Only sensible for cheap providers (environment, files, memory).
    /// </summary>
    /// <param name="builder">The builder returned by <c>AddSecureWa</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    public static IHttpClientBuilder DisableSecretCaching(this IHttpClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<SecretCachingMode>(static mode => mode.Enabled = false);
        return builder;
    }

    private static void AddSecretProviderCore(IServiceCollection services)
    {
        services.TryAddSingleton(CreateSecretProvider);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WhatsAppClientOptions>, SecretProviderOptionsValidator>());
    }

    private static ISecretProvider CreateSecretProvider(IServiceProvider serviceProvider)
    {
        var registrations = serviceProvider.GetServices<SecretProviderRegistration>().ToArray();
        ISecretProvider provider = registrations.Length switch
        {
            0 => new EnvironmentSecretProvider(),
            1 => registrations[0].Factory(serviceProvider),
            _ => new ChainedSecretProvider(registrations.Select(registration => registration.Factory(serviceProvider))),
        };

        if (!serviceProvider.GetRequiredService<IOptions<SecretCachingMode>>().Value.Enabled)
        {
            return provider;
        }

        return new CachingSecretProvider(
            provider,
            serviceProvider.GetRequiredService<IOptions<CachingSecretProviderOptions>>().Value,
            serviceProvider.GetService<TimeProvider>() ?? TimeProvider.System,
            serviceProvider.GetService<ILoggerFactory>()?.CreateLogger<CachingSecretProvider>());
    }
}
