using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Messages;

namespace SecureWa.Sdk.Consent.Internal;

/// <summary>
/// The consent step of the operation pipeline: before any I/O, a marketing template needs a current marketing opt-in,
/// a utility/authentication template no opt-out on file, a free-form message the customer-service window open.
/// </summary>
internal sealed partial class ConsentPolicy : WhatsAppOperationPolicy
{
    private readonly IConsentLedger _ledger;
    private readonly IRecipientPseudonymizer _pseudonymizer;
    private readonly ICustomerServiceWindow _window;
    private readonly CachedTemplateCategoryResolver? _resolver;
    private readonly IConsentRefusalObserver[] _observers;
    private readonly ConsentOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    public ConsentPolicy(
        IConsentLedger ledger,
        IRecipientPseudonymizer pseudonymizer,
        ICustomerServiceWindow window,
        IOptions<ConsentOptions> options,
        TimeProvider timeProvider,
        ILogger logger,
        ITemplateCategoryResolver? resolver = null,
        IEnumerable<IConsentRefusalObserver>? observers = null)
    {
        _ledger = ledger;
        _pseudonymizer = pseudonymizer;
        _window = window;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _resolver = resolver is null ? null : new CachedTemplateCategoryResolver(resolver, _options.TemplateCategoryCacheDuration, timeProvider);
        _observers = observers?.ToArray() ?? [];
    }

    public override int Order => WhatsAppOperationPolicyOrder.Consent;

    public override ValueTask BeforeAsync(WhatsAppOperationContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(context.Recipient))
        {
            // Not a send (or a send without a recipient, which validation refuses before any I/O).
            return default;
        }

        if (string.Equals(context.Permission, WhatsAppPermissions.MessagesSendTemplate, StringComparison.Ordinal))
        {
            return CheckTemplateAsync(context, cancellationToken);
        }

        if (string.Equals(context.Permission, WhatsAppPermissions.MessagesSend, StringComparison.Ordinal) && _options.EnforceServiceWindow)
        {
            return CheckWindowAsync(context, cancellationToken);
        }

        return default;
    }

    private async ValueTask CheckTemplateAsync(WhatsAppOperationContext context, CancellationToken cancellationToken)
    {
        var category = context.TemplateCategory;
        if (category is null && _resolver is not null && context.TemplateName is { Length: > 0 } name)
        {
            try
            {
                category = await _resolver.GetCategoryAsync(name, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Fail closed: an unknown category is treated as marketing.
                LogResolverFailed(_logger, ex.GetType().Name);
            }

            context.TemplateCategory = category;
        }

        string purpose;
        bool needsOptIn;
        var unknown = false;
        if (string.Equals(category, TemplateCategory.Utility, StringComparison.OrdinalIgnoreCase))
        {
            purpose = ConsentPurposes.Utility;
            needsOptIn = false;
            if (!_options.RefuseUtilityAfterOptOut)
            {
                return;
            }
        }
        else if (string.Equals(category, TemplateCategory.Authentication, StringComparison.OrdinalIgnoreCase))
        {
            purpose = ConsentPurposes.Authentication;
            needsOptIn = false;
            if (!_options.RefuseAuthenticationAfterOptOut)
            {
                return;
            }
        }
        else
        {
            unknown = !string.Equals(category, TemplateCategory.Marketing, StringComparison.OrdinalIgnoreCase);
            purpose = ConsentPurposes.Marketing;
            needsOptIn = true;
        }

        var subject = await _pseudonymizer.GetSubjectKeyAsync(context.Recipient!, cancellationToken).ConfigureAwait(false);
        var state = await _ledger.GetStatusBySubjectAsync(subject, purpose, cancellationToken).ConfigureAwait(false);
        ConsentRefusalReason? reason = state.Status switch
        {
            ConsentStatus.OptedOut => ConsentRefusalReason.OptedOut,
            ConsentStatus.OptedIn => null,
            _ when !needsOptIn => null,
            ConsentStatus.PendingConfirmation => ConsentRefusalReason.PendingConfirmation,
            _ => unknown ? ConsentRefusalReason.CategoryUnknown : ConsentRefusalReason.NoConsent,
        };

        if (reason is { } r)
        {
            await RefuseAsync(context, new WhatsAppConsentException(purpose, r), cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask CheckWindowAsync(WhatsAppOperationContext context, CancellationToken cancellationToken)
    {
        var subject = await _pseudonymizer.GetSubjectKeyAsync(context.Recipient!, cancellationToken).ConfigureAwait(false);
        var last = _window.GetLastInbound(subject);
        if (last is null || _timeProvider.GetUtcNow() - last.Value >= _options.ServiceWindow)
        {
            await RefuseAsync(context, new WhatsAppConsentException(ConsentPurposes.Service, ConsentRefusalReason.WindowClosed), cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask RefuseAsync(WhatsAppOperationContext context, WhatsAppConsentException refusal, CancellationToken cancellationToken)
    {
        LogRefused(_logger, context.Permission, refusal.Purpose, refusal.Reason);
        foreach (var observer in _observers)
        {
            try
            {
                await observer.OnConsentRefusedAsync(context, refusal, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogObserverFailed(_logger, observer.GetType().Name, ex.GetType().Name);
            }
        }

        throw refusal;
    }

    [LoggerMessage(EventId = 510, Level = LogLevel.Warning, Message = "Consent refused {Permission} for purpose {Purpose}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string permission, string purpose, ConsentRefusalReason reason);

    [LoggerMessage(EventId = 511, Level = LogLevel.Warning, Message = "Template category resolver failed ({ExceptionType}); the template is treated as marketing")]
    private static partial void LogResolverFailed(ILogger logger, string exceptionType);

    [LoggerMessage(EventId = 512, Level = LogLevel.Error, Message = "Consent refusal observer {Observer} failed ({ExceptionType})")]
    private static partial void LogObserverFailed(ILogger logger, string observer, string exceptionType);
}
