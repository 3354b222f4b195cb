using Microsoft.Extensions.Options;

namespace SecureWa.Sdk.DependencyInjection;

/// <summary>Validates <see cref="WhatsAppClientOptions"/> as a whole, including rules across fields.</summary>
public sealed class WhatsAppClientOptionsValidator : IValidateOptions<WhatsAppClientOptions>
{
    private static readonly WhatsAppClientOptionsAnnotationsValidator Annotations = new();

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, WhatsAppClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Collect(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws when the options are invalid. Used by clients built without DI.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid; the message lists every failure.</exception>
    internal static void ThrowIfInvalid(WhatsAppClientOptions options)
    {
        var failures = Collect(options);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(WhatsAppClientOptions), failures);
        }
    }

    private static List<string> Collect(WhatsAppClientOptions options)
    {
        var failures = new List<string>();
        var annotations = Annotations.Validate(null, options);
        if (annotations.Failed)
        {
            failures.AddRange(annotations.Failures);
        }

        if (options.BaseAddress is { } baseAddress)
        {
            if (!baseAddress.IsAbsoluteUri)
            {
                failures.Add("BaseAddress must be an absolute URI.");
            }
            else if (baseAddress.Scheme != Uri.UriSchemeHttps && !(baseAddress.Scheme == Uri.UriSchemeHttp && baseAddress.IsLoopback))
            {
                failures.Add("BaseAddress must be https (plain http is accepted only for a loopback stand-in such as a local WireMock).");
            }
            else if (!string.IsNullOrEmpty(baseAddress.Query) || !string.IsNullOrEmpty(baseAddress.UserInfo) || !string.IsNullOrEmpty(baseAddress.Fragment))
            {
                failures.Add("BaseAddress must not carry a query string, a fragment or user information.");
            }
            else if (baseAddress.AbsolutePath is not ("/" or ""))
            {
                failures.Add($"BaseAddress must be a scheme and host without a path, such as https://graph.facebook.com/ (the SDK adds /{{ApiVersion}}/...); it has the path '{baseAddress.AbsolutePath}'. Set the version with ApiVersion instead.");
            }
        }

        options.Transport?.Validate(failures);
        options.RateLimiting?.Validate(failures);
        options.Resilience?.Validate(failures);
        options.Media?.Validate(failures);
        return failures;
    }
}
