using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Messages;
using SecureWa.Sdk.Messages.Internal;
using SecureWa.Sdk.Webhooks;

namespace SecureWa.Sdk.Consent.Internal;

/// <summary>
/// Feeds the customer-service window from verified inbound messages and records opt-outs from keywords (STOP, …)
/// and the marketing "Stop promotions" button, before the application's handler runs.
/// </summary>
internal sealed partial class ConsentWebhookObserver : IWebhookNotificationObserver
{
    private const int MaxEvidenceLength = 256;
    private readonly IConsentLedger _ledger;
    private readonly IRecipientPseudonymizer _pseudonymizer;
    private readonly ICustomerServiceWindow _window;
    private readonly ConsentOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly IServiceScopeFactory? _scopes;
    private readonly ILogger _logger;
    private readonly OptOutKeywordMatcher _keywords;
    private readonly OptOutKeywordMatcher _buttons;

    public ConsentWebhookObserver(
        IConsentLedger ledger,
        IRecipientPseudonymizer pseudonymizer,
        ICustomerServiceWindow window,
        IOptions<ConsentOptions> options,
        TimeProvider timeProvider,
        ILogger logger,
        IServiceScopeFactory? scopes = null)
    {
        _ledger = ledger;
        _pseudonymizer = pseudonymizer;
        _window = window;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        _scopes = scopes;
        _keywords = new OptOutKeywordMatcher(_options.OptOutKeywords);
        _buttons = new OptOutKeywordMatcher(_options.MarketingOptOutButtons);
    }

    public async ValueTask OnVerifiedNotificationAsync(WebhookNotification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        foreach (var message in notification.AllMessages)
        {
            if (string.IsNullOrEmpty(message.From))
            {
                continue;
            }

            try
            {
                MessageValidator.ValidateRecipient(message.From);
            }
            catch (WhatsAppValidationException)
            {
                continue;
            }

            var now = _timeProvider.GetUtcNow();
            var sentAt = message.Timestamp == default || message.Timestamp > now ? now : message.Timestamp;
            var subject = await _pseudonymizer.GetSubjectKeyAsync(MessageValidator.NormalizeRecipient(message.From), cancellationToken).ConfigureAwait(false);
            _window.RecordInbound(subject, sentAt);

            if (!_options.EnableConversationalOptOut)
            {
                continue;
            }

            var evidence = message.Id is { Length: > 0 and <= MaxEvidenceLength } id ? id : null;
            if (string.Equals(message.Type, "text", StringComparison.Ordinal) && _keywords.IsMatch(message.Text?.Body))
            {
                await _ledger.RecordOptOutAsync(message.From, _options.KeywordOptOutPurpose, ConsentSources.WhatsAppKeyword, evidence, cancellationToken).ConfigureAwait(false);
                LogOptOut(_logger, ConsentSources.WhatsAppKeyword, _options.KeywordOptOutPurpose ?? "*");
                await ConfirmAsync(message.From, cancellationToken).ConfigureAwait(false);
            }
            else if (string.Equals(message.Type, "button", StringComparison.Ordinal) && message.Button is { } button
                && (_buttons.IsMatch(button.Payload) || _buttons.IsMatch(button.Text)))
            {
                await _ledger.RecordOptOutAsync(message.From, ConsentPurposes.Marketing, ConsentSources.WhatsAppButton, evidence, cancellationToken).ConfigureAwait(false);
                LogOptOut(_logger, ConsentSources.WhatsAppButton, ConsentPurposes.Marketing);
                await ConfirmAsync(message.From, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask ConfirmAsync(string to, CancellationToken cancellationToken)
    {
        if (!_options.SendOptOutConfirmation || _scopes is null)
        {
            return;
        }

        try
        {
            var scope = _scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                var client = scope.ServiceProvider.GetService<WhatsAppClient>();
                if (client is null)
                {
                    LogConfirmationFailed(_logger, "no WhatsAppClient registered");
                    return;
                }

                await client.Messages.SendAsync(new TextMessage(to, _options.OptOutConfirmationText), cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The opt-out is recorded; a failed courtesy reply must not fail the webhook (Meta would redeliver it).
            LogConfirmationFailed(_logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 520, Level = LogLevel.Information, Message = "Opt-out recorded from an inbound {Source} (purpose {Purpose})")]
    private static partial void LogOptOut(ILogger logger, string source, string purpose);

    [LoggerMessage(EventId = 521, Level = LogLevel.Warning, Message = "Opt-out confirmation reply not sent ({Reason})")]
    private static partial void LogConfirmationFailed(ILogger logger, string reason);
}
