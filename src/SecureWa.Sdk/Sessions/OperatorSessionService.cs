using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SecureWa.Sdk.Access;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Governance;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Sessions.Internal;

namespace SecureWa.Sdk.Sessions;

/// <summary>
/// Issues and validates short-lived operator sessions (compact JWS, ES256 by default) and revokes them: one session, all
/// sessions of an operator, or all sessions. Also accepts tokens of configured identity providers (SSO). Thread-safe; one
/// per application (a DI singleton after <c>AddSecureWaOperatorSessions</c>).
/// </summary>
/// <remarks>
/// Validation checks, in order: shape, issuer, signature, audience, lifetime (on the <see cref="TimeProvider"/>, with
/// <see cref="OperatorSessionOptions.ClockSkew"/>), the maximum session lifetime, roles, then the
/// <see cref="IOperatorSessionStore"/>: revocation, operator suspension, idle timeout. Tokens are never logged; only
/// <c>sid</c> and <c>sub</c> of a token whose signature verified appear in logs, events and exception messages.
/// Revocations work by <c>iat</c> in whole seconds: a session issued in the same second as a forced logout is revoked too.
/// </remarks>
public partial class OperatorSessionService
{
    private const int MaxTokenLength = 16 * 1024;
    private const string RolesClaim = "roles";
    private const string SessionIdClaim = "sid";
    private static readonly string[] DefaultSsoAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256];

    private readonly OperatorSessionOptions _options = null!;
    private readonly ISecretProvider _secrets = null!;
    private readonly IOperatorSessionStore _store = null!;
    private readonly WhatsAppRoleMap _roleMap = null!;
    private readonly TimeProvider _time = null!;
    private readonly ILogger _logger = null!;
    private readonly IOperatorSessionEvents[] _events = null!;
    private readonly IWhatsAppOperatorAccessor? _accessor;
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly Dictionary<string, Provider> _providers = null!;
    private KeyEntry? _current;
    private KeyEntry? _previous;
    private TokenValidationParameters? _ownParameters;
    private long _nextPurgeTicks;

    /// <summary>For mocking only.</summary>
    protected OperatorSessionService()
    {
    }

    /// <summary>Creates the service.</summary>
    /// <param name="options">The session options; validated here.</param>
    /// <param name="secretProvider">Where the signing keys come from (<see cref="OperatorSessionOptions.SigningKeySecretName"/>).</param>
    /// <param name="store">Where revocations and last use live.</param>
    /// <param name="roleMap">The role map (<see cref="WhatsAppRoleMap.BuiltIn"/> by default): roles must be known to it; revocation needs <see cref="WhatsAppPermissions.SessionsManage"/>.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="loggerFactory">Where logs go.</param>
    /// <param name="events">Receivers of session events (audit).</param>
    /// <param name="operatorAccessor">The ambient operator, for revocations called without an explicit actor.</param>
    /// <exception cref="ArgumentNullException">A required argument is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid.</exception>
    public OperatorSessionService(
        OperatorSessionOptions options,
        ISecretProvider secretProvider,
        IOperatorSessionStore store,
        WhatsAppRoleMap? roleMap = null,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        IEnumerable<IOperatorSessionEvents>? events = null,
        IWhatsAppOperatorAccessor? operatorAccessor = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(secretProvider);
        ArgumentNullException.ThrowIfNull(store);
        _roleMap = roleMap ?? WhatsAppRoleMap.BuiltIn;
        var problems = OperatorSessionOptionsValidator.Check(options, _roleMap);
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(OperatorSessionOptions), problems);
        }

        _options = options;
        _secrets = secretProvider;
        _store = store;
        _time = timeProvider ?? TimeProvider.System;
        _logger = loggerFactory?.CreateLogger("SecureWa.Sdk.Sessions") ?? NullLogger.Instance;
        _events = events?.ToArray() ?? [];
        _accessor = operatorAccessor;
        _providers = new Dictionary<string, Provider>(StringComparer.Ordinal);
        foreach (var provider in options.IdentityProviders)
        {
            _providers[provider.Issuer] = new Provider(provider, CreateParameters(provider.Issuer, provider.Audiences, SessionKeys.ParseProviderKeys(provider), provider.ValidAlgorithms ?? DefaultSsoAlgorithms, provider.RoleClaim));
        }
    }

    /// <summary>
    /// Issues a session for an operator the application has just authenticated (its login). Requires no permission:
    /// it is the login itself. A suspended operator gets none.
    /// </summary>
    /// <param name="operatorId">The opaque operator id (<c>sub</c>); never an e-mail address or a phone number.</param>
    /// <param name="roles">The operator's roles; each must be known to the role map.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The token and its descriptors.</returns>
    /// <exception cref="ArgumentException"><paramref name="operatorId"/> is empty or longer than 256 characters.</exception>
    /// <exception cref="WhatsAppValidationException">No role, or a role unknown to the role map.</exception>
    /// <exception cref="OperatorSessionRejectedException">The operator is suspended (<see cref="OperatorSessionRejection.Suspended"/>).</exception>
    /// <exception cref="SecretProviderException">The signing key is missing or is not a PEM EC private key of the algorithm's curve.</exception>
    public virtual async Task<IssuedOperatorSession> IssueAsync(string operatorId, IEnumerable<string> roles, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operatorId);
        ArgumentNullException.ThrowIfNull(roles);
        if (operatorId.Length > 256)
        {
            throw new ArgumentException("An operator id is at most 256 characters.", nameof(operatorId));
        }

        var roleList = roles.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (roleList.Length == 0)
        {
            throw new WhatsAppValidationException("roles", "A session needs at least one role.");
        }

        foreach (var role in roleList)
        {
            if (!_roleMap.IsKnownRole(role))
            {
                throw new WhatsAppValidationException("roles", $"Role '{role}' is not in the role map.");
            }
        }

        var key = (await GetKeysAsync(cancellationToken).ConfigureAwait(false)).Current;
        var now = TruncateToSeconds(_time.GetUtcNow());
        var sessionId = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        var state = await _store.GetStateAsync(operatorId, sessionId, cancellationToken).ConfigureAwait(false);
        if (IsSuspended(state, now))
        {
            LogRefused(_logger, OperatorSessionRejection.Suspended, "(new)", operatorId);
            throw new OperatorSessionRejectedException(OperatorSessionRejection.Suspended, null, operatorId);
        }

        var expires = now + _options.SessionLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = _options.Issuer,
            Audience = _options.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key, _options.Algorithm),
            Claims = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                [JwtRegisteredClaimNames.Sub] = operatorId,
                [SessionIdClaim] = sessionId,
                [RolesClaim] = roleList,
            },
        });

        await _store.RecordUseAsync(operatorId, sessionId, now, expires + _options.ClockSkew, cancellationToken).ConfigureAwait(false);
        await PurgeIfDueAsync(now, cancellationToken).ConfigureAwait(false);
        await RaiseAsync(new OperatorSessionEvent { Kind = OperatorSessionEventKind.Issued, At = now, OperatorId = operatorId, SessionId = sessionId }, cancellationToken).ConfigureAwait(false);
        LogIssued(_logger, sessionId, operatorId, expires);
        return new IssuedOperatorSession(new SecretValue(token), sessionId, operatorId, roleList, now, expires);
    }

    /// <summary>Validates a session token (this application's or a configured identity provider's) and records its use.</summary>
    /// <param name="token">The compact JWS (without the <c>Bearer </c> prefix).</param>
    /// <param name="clientIp">The client's IP address, carried on the operator (audit, alerts).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The operator, or the typed reason of the refusal.</returns>
    public virtual async Task<OperatorSessionValidationResult> ValidateAsync(string? token, string? clientIp = null, CancellationToken cancellationToken = default)
    {
        var result = await ValidateCoreAsync(token, clientIp, cancellationToken).ConfigureAwait(false);
        if (!result.IsValid)
        {
            var rejection = result.Rejection ?? OperatorSessionRejection.Malformed;
            LogRefused(_logger, rejection, result.SessionId ?? "(unverified)", result.OperatorId ?? "(unverified)");
            try
            {
                await RaiseAsync(new OperatorSessionEvent
                {
                    Kind = OperatorSessionEventKind.Rejected,
                    At = _time.GetUtcNow(),
                    OperatorId = result.OperatorId,
                    SessionId = result.SessionId,
                    Rejection = rejection,
                    IdentityProvider = result.IdentityProvider,
                }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogEventFailed(_logger, OperatorSessionEventKind.Rejected, ex.GetType().Name);
            }
        }

        return result;
    }

    /// <summary>Ends the caller's own session (logout). Needs no permission.</summary>
    /// <param name="self">The operator whose session ends; it must carry a session id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the revocation is stored.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="self"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="self"/> has no session id.</exception>
    public virtual async Task LogoutAsync(WhatsAppOperator self, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(self);
        if (string.IsNullOrEmpty(self.SessionId))
        {
            throw new ArgumentException("The operator has no session id.", nameof(self));
        }

        var now = _time.GetUtcNow();
        await _store.RevokeSessionAsync(self.SessionId, now, RetainRevocationUntil(now), cancellationToken).ConfigureAwait(false);
        LogRevoked(_logger, OperatorSessionEventKind.LoggedOut, self.SessionId, self.Id, self.Id);
        await RaiseAsync(new OperatorSessionEvent { Kind = OperatorSessionEventKind.LoggedOut, At = now, OperatorId = self.Id, SessionId = self.SessionId, ActorId = self.Id, ActorSessionId = self.SessionId }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Revokes one session: its tokens are refused from the next call on.</summary>
    /// <param name="sessionId">The session id (<c>sid</c>).</param>
    /// <param name="actor">Who revokes (needs <see cref="WhatsAppPermissions.SessionsManage"/>); the ambient operator when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the revocation is stored.</returns>
    /// <exception cref="ArgumentException"><paramref name="sessionId"/> is empty.</exception>
    /// <exception cref="WhatsAppAccessDeniedException">No actor, or the actor lacks <see cref="WhatsAppPermissions.SessionsManage"/>.</exception>
    [WhatsAppPermission(WhatsAppPermissions.SessionsManage)]
    public virtual async Task RevokeSessionAsync(string sessionId, WhatsAppOperator? actor = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionId);
        var who = Authorize(actor);
        var now = _time.GetUtcNow();
        await _store.RevokeSessionAsync(sessionId, now, RetainRevocationUntil(now), cancellationToken).ConfigureAwait(false);
        LogRevoked(_logger, OperatorSessionEventKind.SessionRevoked, sessionId, "(any)", who.Id);
        await RaiseAsync(new OperatorSessionEvent { Kind = OperatorSessionEventKind.SessionRevoked, At = now, SessionId = sessionId, ActorId = who.Id, ActorSessionId = who.SessionId }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Revokes every session of an operator issued so far (forced logout); later logins work.</summary>
    /// <param name="operatorId">The operator id.</param>
    /// <param name="actor">Who revokes (needs <see cref="WhatsAppPermissions.SessionsManage"/>); the ambient operator when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the revocation is stored.</returns>
    /// <exception cref="ArgumentException"><paramref name="operatorId"/> is empty.</exception>
    /// <exception cref="WhatsAppAccessDeniedException">No actor, or the actor lacks <see cref="WhatsAppPermissions.SessionsManage"/>.</exception>
    [WhatsAppPermission(WhatsAppPermissions.SessionsManage)]
    public virtual async Task RevokeOperatorSessionsAsync(string operatorId, WhatsAppOperator? actor = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operatorId);
        var who = Authorize(actor);
        var now = _time.GetUtcNow();
        await _store.RevokeOperatorSessionsAsync(operatorId, now, cancellationToken).ConfigureAwait(false);
        LogRevoked(_logger, OperatorSessionEventKind.OperatorSessionsRevoked, "(all)", operatorId, who.Id);
        await RaiseAsync(new OperatorSessionEvent { Kind = OperatorSessionEventKind.OperatorSessionsRevoked, At = now, OperatorId = operatorId, ActorId = who.Id, ActorSessionId = who.SessionId }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Revokes every session of every operator issued so far (incident response); later logins work.</summary>
    /// <param name="actor">Who revokes (needs <see cref="WhatsAppPermissions.SessionsManage"/>); the ambient operator when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the revocation is stored.</returns>
    /// <exception cref="WhatsAppAccessDeniedException">No actor, or the actor lacks <see cref="WhatsAppPermissions.SessionsManage"/>.</exception>
    [WhatsAppPermission(WhatsAppPermissions.SessionsManage)]
    public virtual async Task RevokeAllSessionsAsync(WhatsAppOperator? actor = null, CancellationToken cancellationToken = default)
    {
        var who = Authorize(actor);
        var now = _time.GetUtcNow();
        await _store.RevokeAllSessionsAsync(now, cancellationToken).ConfigureAwait(false);
        LogRevoked(_logger, OperatorSessionEventKind.AllSessionsRevoked, "(all)", "(all)", who.Id);
        await RaiseAsync(new OperatorSessionEvent { Kind = OperatorSessionEventKind.AllSessionsRevoked, At = now, ActorId = who.Id, ActorSessionId = who.SessionId }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reinstates an operator suspended for inactivity (its activity clock restarts now).</summary>
    /// <param name="operatorId">The operator id.</param>
    /// <param name="actor">Who reinstates (needs <see cref="WhatsAppPermissions.SessionsManage"/>); the ambient operator when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when it is stored.</returns>
    /// <exception cref="ArgumentException"><paramref name="operatorId"/> is empty.</exception>
    /// <exception cref="WhatsAppAccessDeniedException">No actor, or the actor lacks <see cref="WhatsAppPermissions.SessionsManage"/>.</exception>
    [WhatsAppPermission(WhatsAppPermissions.SessionsManage)]
    public virtual async Task ReinstateOperatorAsync(string operatorId, WhatsAppOperator? actor = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(operatorId);
        var who = Authorize(actor);
        var now = _time.GetUtcNow();
        await _store.RecordOperatorActivityAsync(operatorId, now, cancellationToken).ConfigureAwait(false);
        LogRevoked(_logger, OperatorSessionEventKind.OperatorReinstated, "(none)", operatorId, who.Id);
        await RaiseAsync(new OperatorSessionEvent { Kind = OperatorSessionEventKind.OperatorReinstated, At = now, OperatorId = operatorId, ActorId = who.Id, ActorSessionId = who.SessionId }, cancellationToken).ConfigureAwait(false);
    }

    private async Task<OperatorSessionValidationResult> ValidateCoreAsync(string? token, string? clientIp, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return OperatorSessionValidationResult.Refused(OperatorSessionRejection.Malformed);
        }

        JsonWebToken parsed;
        string issuer;
        try
        {
            parsed = _handler.ReadJsonWebToken(token);
            issuer = parsed.Issuer;
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException)
        {
            return OperatorSessionValidationResult.Refused(OperatorSessionRejection.Malformed);
        }

        TokenValidationParameters parameters;
        Provider? provider = null;
        if (string.Equals(issuer, _options.Issuer, StringComparison.Ordinal))
        {
            parameters = await GetOwnParametersAsync(cancellationToken).ConfigureAwait(false);
        }
        else if (issuer is not null && _providers.TryGetValue(issuer, out provider))
        {
            parameters = provider.Parameters;
        }
        else
        {
            return OperatorSessionValidationResult.Refused(OperatorSessionRejection.WrongIssuer);
        }

        var validated = await _handler.ValidateTokenAsync(parsed, parameters).ConfigureAwait(false);
        if (!validated.IsValid || validated.SecurityToken is not JsonWebToken jwt)
        {
            return OperatorSessionValidationResult.Refused(Classify(validated.Exception), identityProvider: provider?.Options.Name);
        }

        return await CheckSessionAsync(jwt, provider, clientIp, token, cancellationToken).ConfigureAwait(false);
    }

    private async Task<OperatorSessionValidationResult> CheckSessionAsync(JsonWebToken jwt, Provider? provider, string? clientIp, string token, CancellationToken cancellationToken)
    {
        var providerName = provider?.Options.Name;
        var subject = provider is null ? jwt.Subject : ReadString(jwt, provider.Options.SubjectClaim);
        var sessionId = provider is null ? ReadString(jwt, SessionIdClaim) : SsoSessionId(jwt, provider, token);
        var expires = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero);
        if (string.IsNullOrEmpty(subject) || subject.Length > 256 || string.IsNullOrEmpty(sessionId) || sessionId.Length > 256 || jwt.IssuedAt == DateTime.MinValue)
        {
            return OperatorSessionValidationResult.Refused(OperatorSessionRejection.Malformed, identityProvider: providerName);
        }

        var now = _time.GetUtcNow();
        var issuedAt = new DateTimeOffset(jwt.IssuedAt, TimeSpan.Zero);
        var max = _options.MaxSessionLifetime + _options.ClockSkew;
        if (now - issuedAt > max || expires - issuedAt > max)
        {
            return OperatorSessionValidationResult.Refused(OperatorSessionRejection.TooOld, sessionId, subject, expires, providerName);
        }

        var roles = provider is null ? ReadOwnRoles(jwt) : MapRoles(jwt, provider.Options);
        if (roles is null)
        {
            return OperatorSessionValidationResult.Refused(OperatorSessionRejection.UnknownRole, sessionId, subject, expires, providerName);
        }

        var state = await _store.GetStateAsync(subject, sessionId, cancellationToken).ConfigureAwait(false);
        if (state.SessionRevoked
            || (state.OperatorSessionsRevokedAt is { } operatorRevoked && issuedAt <= TruncateToSeconds(operatorRevoked))
            || (state.AllSessionsRevokedAt is { } allRevoked && issuedAt <= TruncateToSeconds(allRevoked)))
        {
            return OperatorSessionValidationResult.Refused(OperatorSessionRejection.Revoked, sessionId, subject, expires, providerName);
        }

        if (IsSuspended(state, now))
        {
            return OperatorSessionValidationResult.Refused(OperatorSessionRejection.Suspended, sessionId, subject, expires, providerName);
        }

        // An SSO session first seen now starts its idle clock now; this application's own sessions started it when issued.
        var lastUsed = state.SessionLastUsedAt ?? (provider is null ? issuedAt : now);
        if (now - lastUsed > _options.IdleTimeout)
        {
            return OperatorSessionValidationResult.Refused(OperatorSessionRejection.Idle, sessionId, subject, expires, providerName);
        }

        if (state.SessionLastUsedAt is not { } recorded || now - recorded >= _options.LastUseResolution)
        {
            await _store.RecordUseAsync(subject, sessionId, now, expires + _options.ClockSkew, cancellationToken).ConfigureAwait(false);
        }

        return OperatorSessionValidationResult.Valid(new WhatsAppOperator(subject, roles, sessionId, clientIp), expires, providerName);
    }

    private string[]? ReadOwnRoles(JsonWebToken jwt)
    {
        var roles = new List<string>();
        foreach (var claim in jwt.Claims)
        {
            if (claim.Type == RolesClaim)
            {
                if (!_roleMap.IsKnownRole(claim.Value))
                {
                    return null;
                }

                roles.Add(claim.Value);
            }
        }

        return roles.Count == 0 ? null : roles.ToArray();
    }

    private string[]? MapRoles(JsonWebToken jwt, OperatorIdentityProviderOptions provider)
    {
        var roles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var claim in jwt.Claims)
        {
            if (claim.Type == provider.RoleClaim && provider.RoleMap.TryGetValue(claim.Value, out var mapped))
            {
                foreach (var role in mapped)
                {
                    if (_roleMap.IsKnownRole(role))
                    {
                        roles.Add(role);
                    }
                }
            }
        }

        return roles.Count == 0 ? null : roles.ToArray();
    }

    private static string? SsoSessionId(JsonWebToken jwt, Provider provider, string token)
    {
        var raw = ReadString(jwt, provider.Options.SessionIdClaim) ?? ReadString(jwt, JwtRegisteredClaimNames.Jti);
        if (raw is null)
        {
            // No session claim: a stable id derived from the token (its hash, never the token).
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token), hash);
            raw = "h" + Base64UrlEncoder.Encode(hash[..16].ToArray());
        }

        return provider.Options.Name + ":" + raw;
    }

    private static string? ReadString(JsonWebToken jwt, string claim) =>
        jwt.TryGetPayloadValue<string>(claim, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    private static OperatorSessionRejection Classify(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => OperatorSessionRejection.Expired,
        SecurityTokenNotYetValidException => OperatorSessionRejection.NotYetValid,
        SecurityTokenInvalidAudienceException => OperatorSessionRejection.WrongAudience,
        SecurityTokenInvalidIssuerException => OperatorSessionRejection.WrongIssuer,
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidAlgorithmException => OperatorSessionRejection.BadSignature,
        _ => OperatorSessionRejection.Malformed,
    };

    /// <summary>At most once an hour, on a login, drops the store's session records no token can need any more.</summary>
    private async ValueTask PurgeIfDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = Interlocked.Read(ref _nextPurgeTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextPurgeTicks, now.UtcTicks + TimeSpan.TicksPerHour, due) != due)
        {
            return;
        }

        try
        {
            await _store.PurgeExpiredAsync(now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Best effort: a failed purge is retried an hour later and never fails the login.
            LogPurgeFailed(_logger, ex.GetType().Name);
        }
    }

    private bool IsSuspended(OperatorSessionState state, DateTimeOffset now) =>
        _options.SuspendAfterInactivity > TimeSpan.Zero && state.OperatorLastUsedAt is { } active && now - active > _options.SuspendAfterInactivity;

    private DateTimeOffset RetainRevocationUntil(DateTimeOffset now) => now + _options.MaxSessionLifetime + _options.ClockSkew + _options.ClockSkew;

    private WhatsAppOperator Authorize(WhatsAppOperator? actor)
    {
        actor ??= _accessor?.Current;
        if (actor is null)
        {
            throw new WhatsAppAccessDeniedException(WhatsAppAccessDeniedReason.NoOperator, WhatsAppPermissions.SessionsManage, null, []);
        }

        if (!_roleMap.Grants(actor.Roles, WhatsAppPermissions.SessionsManage))
        {
            throw new WhatsAppAccessDeniedException(WhatsAppAccessDeniedReason.PermissionNotGranted, WhatsAppPermissions.SessionsManage, actor.Id, actor.Roles);
        }

        return actor;
    }

    private async ValueTask RaiseAsync(OperatorSessionEvent sessionEvent, CancellationToken cancellationToken)
    {
        foreach (var handler in _events)
        {
            await handler.OnSessionEventAsync(sessionEvent, cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<TokenValidationParameters> GetOwnParametersAsync(CancellationToken cancellationToken)
    {
        var (current, previous) = await GetKeysAsync(cancellationToken).ConfigureAwait(false);
        var cached = _ownParameters;
        if (cached is not null && cached.IssuerSigningKeys is IList<SecurityKey> keys && keys.Count == (previous is null ? 1 : 2)
            && ReferenceEquals(keys[0], current) && (previous is null || ReferenceEquals(keys[1], previous)))
        {
            return cached;
        }

        SecurityKey[] signingKeys = previous is null ? [current] : [current, previous];
        var parameters = CreateParameters(_options.Issuer, [_options.Audience], signingKeys, [_options.Algorithm], RolesClaim);
        _ownParameters = parameters;
        return parameters;
    }

    private TokenValidationParameters CreateParameters(string issuer, IEnumerable<string> audiences, IList<SecurityKey> keys, IEnumerable<string> algorithms, string roleClaim) => new()
    {
        ValidIssuer = issuer,
        ValidAudiences = audiences.ToArray(),
        IssuerSigningKeys = keys,
        ValidAlgorithms = algorithms.ToArray(),
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        RequireAudience = true,
        TryAllIssuerSigningKeys = true,
        ClockSkew = _options.ClockSkew,
        // The handler's own lifetime check reads the system clock; this one reads the service's TimeProvider.
        LifetimeValidator = ValidateLifetime,
        NameClaimType = JwtRegisteredClaimNames.Sub,
        RoleClaimType = roleClaim,
    };

    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken securityToken, TokenValidationParameters validationParameters)
    {
        if (expires is not { } exp)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiration time.");
        }

        var now = _time.GetUtcNow().UtcDateTime;
        var skew = validationParameters.ClockSkew;
        if (notBefore is { } nbf && nbf > exp)
        {
            throw new SecurityTokenInvalidLifetimeException("The token's nbf is after its exp.");
        }

        if (notBefore is { } start && start > now + skew)
        {
            throw new SecurityTokenNotYetValidException("The token is not yet valid.") { NotBefore = start };
        }

        if (exp < now - skew)
        {
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = exp };
        }

        return true;
    }

    private async ValueTask<(ECDsaSecurityKey Current, ECDsaSecurityKey? Previous)> GetKeysAsync(CancellationToken cancellationToken)
    {
        var currentSecret = await _secrets.GetSecretAsync(_options.SigningKeySecretName, cancellationToken).ConfigureAwait(false);
        var current = Resolve(ref _current, currentSecret, _options.SigningKeySecretName);
        ECDsaSecurityKey? previous = null;
        if (!string.IsNullOrWhiteSpace(_options.PreviousSigningKeySecretName))
        {
            try
            {
                var previousSecret = await _secrets.GetSecretAsync(_options.PreviousSigningKeySecretName, cancellationToken).ConfigureAwait(false);
                previous = Resolve(ref _previous, previousSecret, _options.PreviousSigningKeySecretName);
            }
            catch (SecretNotFoundException)
            {
                // No rotation under way.
            }
        }

        return (current, previous);
    }

    private ECDsaSecurityKey Resolve(ref KeyEntry? cache, SecretValue secret, string secretName)
    {
        var entry = Volatile.Read(ref cache);
        if (entry is not null && (ReferenceEquals(entry.Secret, secret) || entry.Secret.HasSameValueAs(secret)))
        {
            return entry.Key;
        }

        var key = SessionKeys.ParsePrivateEcKey(secret.Reveal(), secretName, _options.Algorithm);
        Volatile.Write(ref cache, new KeyEntry(secret, key));
        return key;
    }

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    [LoggerMessage(EventId = 420, Level = LogLevel.Information, Message = "Issued operator session {SessionId} for {OperatorId}, valid until {ExpiresAt:O}")]
    private static partial void LogIssued(ILogger logger, string sessionId, string operatorId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 421, Level = LogLevel.Information, Message = "Operator session refused: {Reason} (sid {SessionId}, sub {OperatorId})")]
    private static partial void LogRefused(ILogger logger, OperatorSessionRejection reason, string sessionId, string operatorId);

    [LoggerMessage(EventId = 422, Level = LogLevel.Warning, Message = "Operator sessions {Kind}: sid {SessionId}, sub {OperatorId}, by {ActorId}")]
    private static partial void LogRevoked(ILogger logger, OperatorSessionEventKind kind, string sessionId, string operatorId, string actorId);

    [LoggerMessage(EventId = 423, Level = LogLevel.Error, Message = "An operator session event handler failed on {Kind} ({ExceptionType})")]
    private static partial void LogEventFailed(ILogger logger, OperatorSessionEventKind kind, string exceptionType);

    [LoggerMessage(EventId = 424, Level = LogLevel.Warning, Message = "Purging expired operator session records failed ({ExceptionType}); retried in an hour")]
    private static partial void LogPurgeFailed(ILogger logger, string exceptionType);

    private sealed record KeyEntry(SecretValue Secret, ECDsaSecurityKey Key);

    private sealed record Provider(OperatorIdentityProviderOptions Options, TokenValidationParameters Parameters);
}
