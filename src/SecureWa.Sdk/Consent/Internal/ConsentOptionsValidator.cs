using Microsoft.Extensions.Options;

namespace SecureWa.Sdk.Consent.Internal;

/// <summary>Validates <see cref="ConsentOptions"/> on start (names the setting, never a value).</summary>
internal sealed class ConsentOptionsValidator : IValidateOptions<ConsentOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsentOptions options)
    {
        var failures = new List<string>();
        if (options.PendingConfirmationTimeout < TimeSpan.FromMinutes(1) || options.PendingConfirmationTimeout > TimeSpan.FromDays(30))
        {
            failures.Add("ConsentOptions.PendingConfirmationTimeout must be between 1 minute and 30 days.");
        }

        if (options.ServiceWindow <= TimeSpan.Zero || options.ServiceWindow > TimeSpan.FromHours(24))
        {
            failures.Add("ConsentOptions.ServiceWindow must be positive and at most 24 hours (Meta's customer-service window).");
        }

        if (options.ServiceWindowMaxEntries < 10)
        {
            failures.Add("ConsentOptions.ServiceWindowMaxEntries must be at least 10.");
        }

        if (string.IsNullOrWhiteSpace(options.PseudonymSecretName))
        {
            failures.Add("ConsentOptions.PseudonymSecretName is required.");
        }

        if (options.TemplateCategoryCacheDuration < TimeSpan.Zero)
        {
            failures.Add("ConsentOptions.TemplateCategoryCacheDuration must not be negative.");
        }

        if (options.KeywordOptOutPurpose is not null && !ConsentPurposes.IsValid(options.KeywordOptOutPurpose))
        {
            failures.Add("ConsentOptions.KeywordOptOutPurpose must be null (all purposes) or a purpose name of a-z, 0-9 and '_'.");
        }

        if (options.OptOutKeywords.Any(static k => string.IsNullOrWhiteSpace(k) || k.Length > 64))
        {
            failures.Add("ConsentOptions.OptOutKeywords entries must be 1 to 64 characters.");
        }

        if (options.SendOptOutConfirmation && (string.IsNullOrWhiteSpace(options.OptOutConfirmationText) || options.OptOutConfirmationText.Length > 4096))
        {
            failures.Add("ConsentOptions.OptOutConfirmationText must be 1 to 4096 characters when SendOptOutConfirmation is on.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
