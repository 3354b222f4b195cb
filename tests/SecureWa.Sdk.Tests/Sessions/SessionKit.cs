using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SecureWa.Sdk.Access;
using SecureWa.Sdk.Secrets;
using SecureWa.Sdk.Sessions;
using SecureWa.Sdk.Tests.Access;

namespace SecureWa.Sdk.Tests.Sessions;

/// <summary>An operator session service on a fake clock with a generated ES256 key, and helpers to forge tokens with it.</summary>
internal sealed class SessionKit : IDisposable
{
    public const string Issuer = "https://crm.example.test/securewa";
    public const string Audience = "securewa-operators";

    public SessionKit(Action<OperatorSessionOptions>? configure = null, WhatsAppRoleMap? roleMap = null)
    {
        CurrentKeyPem = NewKeyPem();
        Secrets.Set(SecretNames.OperatorSessionSigningKey, CurrentKeyPem);
        configure?.Invoke(Options);
        LoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddProvider(new ListLoggerProvider(Logs)).SetMinimumLevel(LogLevel.Trace));
        Service = new OperatorSessionService(Options, Secrets, Store, roleMap, Clock, LoggerFactory, [Events]);
    }

    public OperatorSessionOptions Options { get; } = new() { Issuer = Issuer, Audience = Audience };

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public InMemorySecretProvider Secrets { get; } = new();

    public InMemoryOperatorSessionStore Store { get; } = new();

    public RecordingEvents Events { get; } = new();

    public List<string> Logs { get; } = [];

    public ILoggerFactory LoggerFactory { get; }

    public OperatorSessionService Service { get; }

    public string CurrentKeyPem { get; private set; }

    public static string NewKeyPem(ECCurve? curve = null)
    {
        using var key = ECDsa.Create(curve ?? ECCurve.NamedCurves.nistP256);
        return key.ExportECPrivateKeyPem();
    }

    public static ECDsaSecurityKey KeyFromPem(string pem)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(pem);
        return new ECDsaSecurityKey(ecdsa) { KeyId = "forged" };
    }

    /// <summary>Signs a token with <paramref name="pem"/> (the service's key by default) and the given claims.</summary>
    public string Forge(
        string? pem = null,
        string issuer = Issuer,
        string audience = Audience,
        DateTimeOffset? issuedAt = null,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? expires = null,
        string? sub = "op-forged",
        string? sid = "sid-forged",
        object? roles = null,
        string algorithm = SecurityAlgorithms.EcdsaSha256,
        SecurityKey? key = null)
    {
        var now = Clock.GetUtcNow();
        var claims = new Dictionary<string, object>(StringComparer.Ordinal);
        if (sub is not null)
        {
            claims["sub"] = sub;
        }

        if (sid is not null)
        {
            claims["sid"] = sid;
        }

        claims["roles"] = roles ?? new[] { WhatsAppRoles.Agent };
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (issuedAt ?? now).UtcDateTime,
            NotBefore = (notBefore ?? issuedAt ?? now).UtcDateTime,
            Expires = (expires ?? now.AddHours(1)).UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key ?? KeyFromPem(pem ?? CurrentKeyPem), algorithm),
        });
    }

    public void RotateTo(string newPem, bool keepPrevious)
    {
        if (keepPrevious)
        {
            Secrets.Set(SecretNames.OperatorSessionPreviousSigningKey, CurrentKeyPem);
        }
        else
        {
            Secrets.Remove(SecretNames.OperatorSessionPreviousSigningKey);
        }

        Secrets.Set(SecretNames.OperatorSessionSigningKey, newPem);
        CurrentKeyPem = newPem;
    }

    public void Dispose() => LoggerFactory.Dispose();

    internal sealed class RecordingEvents : IOperatorSessionEvents
    {
        public List<OperatorSessionEvent> Received { get; } = [];

        public Func<OperatorSessionEvent, bool>? FailOn { get; set; }

        public ValueTask OnSessionEventAsync(OperatorSessionEvent sessionEvent, CancellationToken cancellationToken = default)
        {
            lock (Received)
            {
                Received.Add(sessionEvent);
            }

            return FailOn?.Invoke(sessionEvent) == true ? throw new InvalidOperationException("audit store down") : default;
        }
    }
}
