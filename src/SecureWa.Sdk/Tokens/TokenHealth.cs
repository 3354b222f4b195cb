using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Alerts;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Tokens.Internal;

namespace SecureWa.Sdk.Tokens;

/// <summary>
/// Checks the access token: asks <see cref="TokensClient.InspectAsync"/> and turns the answer into typed findings
/// (expiry, rotation, scopes, app, WABA), keeps the last report for the health check, counts metrics and reports the
/// findings to the <see cref="ISecurityEventRecorder"/>. Thread-safe; concurrent checks share one call.
/// </summary>
public sealed partial class TokenHealth
{
    private readonly Func<TokensClient> _tokens;
    private readonly TokenHealthOptions _options;
    private readonly string? _businessAccountId;
    private readonly ITokenFirstSeenStore _firstSeen;
    private readonly ISecurityEventRecorder? _securityEvents;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TokenHealthReport? _last;

    /// <summary>Creates the checker.</summary>
    /// <param name="tokens">The client's token inspector (<see cref="WhatsAppClient.Tokens"/>).</param>
    /// <param name="options">What the token is compared with; validated here.</param>
    /// <param name="businessAccountId">The WhatsApp Business Account the token must reach; <see cref="WhatsAppClientOptions.BusinessAccountId"/> of the client when <see langword="null"/>.</param>
    /// <param name="firstSeen">Where first-seen times are kept; in memory when <see langword="null"/>.</param>
    /// <param name="securityEvents">Where findings are reported as alerts; none when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="logger">Where check results are logged (never the token); none by default.</param>
    /// <exception cref="ArgumentNullException"><paramref name="tokens"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public TokenHealth(TokensClient tokens, TokenHealthOptions options, string? businessAccountId = null, ITokenFirstSeenStore? firstSeen = null, ISecurityEventRecorder? securityEvents = null, TimeProvider? timeProvider = null, ILogger<TokenHealth>? logger = null)
        : this(Wrap(tokens), options, businessAccountId ?? tokens?.BusinessAccountId, firstSeen, securityEvents, timeProvider, logger)
    {
    }

    /// <summary>Creates the checker over a fresh <see cref="TokensClient"/> per check (DI: a transient client from the HTTP client factory).</summary>
    internal TokenHealth(Func<TokensClient> tokens, TokenHealthOptions options, string? businessAccountId, ITokenFirstSeenStore? firstSeen, ISecurityEventRecorder? securityEvents, TimeProvider? timeProvider, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        options.Validate(failures);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(TokenHealthOptions), failures);
        }

        _tokens = tokens;
        _options = options;
        _businessAccountId = businessAccountId;
        _firstSeen = firstSeen ?? new InMemoryTokenFirstSeenStore();
        _securityEvents = securityEvents;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The last report, or <see langword="null"/> before the first check.</summary>
    public TokenHealthReport? LastReport => Volatile.Read(ref _last);

    /// <summary>The options the token is compared with.</summary>
    public TokenHealthOptions Options => _options;

    /// <summary>
    /// Checks the token now. Never throws for a failed check: a rejected token is an <see cref="TokenHealthFindingKind.Invalid"/>
    /// finding, an unreachable Graph a <see cref="TokenHealthFindingKind.CheckFailed"/> one. Concurrent callers share one check.
    /// </summary>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <returns>The report (also <see cref="LastReport"/>).</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<TokenHealthReport> CheckAsync(CancellationToken cancellationToken = default)
    {
        var before = LastReport;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A check that completed while this caller waited is as fresh as a new one.
            var current = LastReport;
            if (current is not null && !ReferenceEquals(current, before))
            {
                return current;
            }

            var report = await RunAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _last, report);
            TokenHealthTelemetry.Record(report);
            LogChecked(_logger, report.Status, report.Findings.Count == 0 ? "none" : string.Join(", ", report.Findings.Select(static f => f.Kind)));
            _securityEvents?.RecordTokenHealth(report);
            return report;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Evaluates what <c>debug_token</c> said (no call): the findings for <paramref name="token"/> at <paramref name="now"/>.</summary>
    /// <param name="token">What <c>debug_token</c> said.</param>
    /// <param name="firstSeenAt">When the SDK first saw this token version.</param>
    /// <param name="now">The time to evaluate at.</param>
    /// <returns>The findings; empty when healthy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<TokenHealthFinding> Evaluate(TokenInfo token, DateTimeOffset firstSeenAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(token);
        return TokenHealthEvaluator.Evaluate(token, _options, _businessAccountId, firstSeenAt, now);
    }

    private async Task<TokenHealthReport> RunAsync(CancellationToken cancellationToken)
    {
        TokenInfo token;
        try
        {
            token = await _tokens().InspectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (WhatsAppAuthenticationException ex) when (ex.ErrorCode is 190 or 0 or null)
        {
            return Failed(TokenHealthFindingKind.Invalid, TokenHealthStatus.Unhealthy, $"Graph rejected the access token (error {ex.ErrorCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}, subcode {ex.ErrorSubcode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}): it is invalid, expired or revoked.", ex.ErrorCode ?? 0, "error code");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A check that cannot run is a finding, not a crash of the hosted check.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var detail = ex is WhatsAppApiException api ? $"Graph error {api.ErrorCode}" : ex.GetType().Name;
            return Failed(TokenHealthFindingKind.CheckFailed, TokenHealthStatus.Degraded, $"The token could not be checked ({detail}); its state is unknown.", 0, "checks");
        }

        var now = _time.GetUtcNow();
        var fingerprint = token.Fingerprint ?? token.TokenId;
        var firstSeen = await _firstSeen.GetOrAddFirstSeenAsync(fingerprint, now, cancellationToken).ConfigureAwait(false);
        var findings = TokenHealthEvaluator.Evaluate(token, _options, _businessAccountId, firstSeen, now);
        return new TokenHealthReport(now, token, token.TokenId, firstSeen, findings);
    }

    private TokenHealthReport Failed(TokenHealthFindingKind kind, TokenHealthStatus status, string description, double observed, string unit) =>
        new(_time.GetUtcNow(), null, null, null, [new TokenHealthFinding(kind, status, description, observed, 0, unit)]);

    private static Func<TokensClient> Wrap(TokensClient tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        return () => tokens;
    }

    [LoggerMessage(EventId = 1700, Level = LogLevel.Information, Message = "Access token health: {Status}; findings: {Findings}")]
    private static partial void LogChecked(ILogger logger, TokenHealthStatus status, string findings);
}
