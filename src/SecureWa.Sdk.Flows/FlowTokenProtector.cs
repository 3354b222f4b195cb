using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using SecureWa.Sdk.Flows.Internal;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Flows;

/// <summary>
/// Issues and checks opaque, signed, expiring flow tokens, so a flow endpoint can trust that a request's <c>flow_token</c>
/// was issued by this application: <c>v1.&lt;payload&gt;.&lt;mac&gt;</c>, where the payload (base64url) holds the expiry,
/// a 128-bit random nonce and a short application subject, and the MAC is HMAC-SHA256 over <c>v1.&lt;payload&gt;</c> with a
/// key from the <see cref="ISecretProvider"/> (<see cref="FlowTokenOptions.KeySecretName"/>).
/// </summary>
/// <remarks>
/// <para>The token is signed, not encrypted: Meta and the customer's device carry it, so the subject must be an opaque
/// reference (an order id), never personal data. MACs are compared in constant time, and with every configured key
/// (current and previous) so the time taken does not tell which key matched.</para>
/// <para>Thread-safe. Register it with <c>services.AddSecureWaFlows()</c> or create it directly.</para>
/// </remarks>
public class FlowTokenProtector
{
    /// <summary>The most UTF-8 bytes a subject may have.</summary>
    public const int MaxSubjectBytes = 256;

    /// <summary>The shortest HMAC key accepted, in UTF-8 bytes.</summary>
    public const int MinKeyBytes = 32;

    private const string Prefix = "v1.";
    private const int HeaderBytes = 8 + 16;
    private const int MacBytes = 32;

    private readonly ISecretProvider _secrets;
    private readonly FlowTokenOptions _options;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a protector.</summary>
    /// <param name="secrets">Where the HMAC key comes from.</param>
    /// <param name="options">Key names and lifetime.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="secrets"/> or <paramref name="options"/> is <see langword="null"/>.</exception>
    public FlowTokenProtector(ISecretProvider secrets, IOptions<FlowTokenOptions> options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(options);
        _secrets = secrets;
        _options = options.Value;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>For mocking only.</summary>
    protected FlowTokenProtector()
    {
        _secrets = null!;
        _options = new FlowTokenOptions();
        _timeProvider = TimeProvider.System;
    }

    /// <summary>Issues a token for <paramref name="subject"/>, valid for <see cref="FlowTokenOptions.Lifetime"/>.</summary>
    /// <param name="subject">An opaque application reference (an order id), at most <see cref="MaxSubjectBytes"/> UTF-8 bytes; no personal data.</param>
    /// <param name="cancellationToken">Cancels reading the key.</param>
    /// <returns>The token, to send as the flow message's <c>flow_token</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="subject"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="subject"/> is longer than <see cref="MaxSubjectBytes"/> bytes.</exception>
    /// <exception cref="InvalidOperationException">The key is shorter than <see cref="MinKeyBytes"/> bytes.</exception>
    /// <exception cref="SecretNotFoundException">The key is not in the secret provider.</exception>
    public virtual async ValueTask<string> CreateAsync(string subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var subjectBytes = Encoding.UTF8.GetBytes(subject);
        if (subjectBytes.Length > MaxSubjectBytes)
        {
            throw new ArgumentException($"The flow token subject is longer than {MaxSubjectBytes} UTF-8 bytes.", nameof(subject));
        }

        var secret = await _secrets.GetSecretAsync(_options.KeySecretName, cancellationToken).ConfigureAwait(false);
        var key = KeyBytes(secret);
        try
        {
            var payload = new byte[HeaderBytes + subjectBytes.Length];
            var expires = _timeProvider.GetUtcNow().Add(_options.Lifetime).ToUnixTimeSeconds();
            BinaryPrimitives.WriteInt64BigEndian(payload, expires);
            RandomNumberGenerator.Fill(payload.AsSpan(8, 16));
            subjectBytes.CopyTo(payload, HeaderBytes);
            var signed = Prefix + Base64Url.Encode(payload);
            Span<byte> mac = stackalloc byte[MacBytes];
            HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signed), mac);
            return signed + "." + Base64Url.Encode(mac);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Checks a token's signature (constant time, every configured key) and expiry.</summary>
    /// <param name="token">The request's <c>flow_token</c>.</param>
    /// <param name="cancellationToken">Cancels reading the keys.</param>
    /// <returns>The outcome; the subject and expiry only when the signature verified.</returns>
    /// <exception cref="InvalidOperationException">The key is shorter than <see cref="MinKeyBytes"/> bytes.</exception>
    /// <exception cref="SecretNotFoundException">The current key is not in the secret provider.</exception>
    public virtual async ValueTask<FlowTokenValidationResult> ValidateAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048 || !token.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return new FlowTokenValidationResult { Status = FlowTokenValidationStatus.Malformed };
        }

        var dot = token.IndexOf('.', Prefix.Length);
        if (dot < 0 || token.IndexOf('.', dot + 1) >= 0)
        {
            return new FlowTokenValidationResult { Status = FlowTokenValidationStatus.Malformed };
        }

        var expected = new byte[MacBytes + 3];
        var payload = new byte[HeaderBytes + MaxSubjectBytes + 3];
        if (!Base64Url.TryDecode(token.AsSpan(dot + 1), expected, out var macLength) || macLength != MacBytes
            || !Base64Url.TryDecode(token.AsSpan(Prefix.Length, dot - Prefix.Length), payload, out var payloadLength) || payloadLength < HeaderBytes)
        {
            return new FlowTokenValidationResult { Status = FlowTokenValidationStatus.Malformed };
        }

        var current = await _secrets.GetSecretAsync(_options.KeySecretName, cancellationToken).ConfigureAwait(false);
        SecretValue? previous = null;
        if (_options.PreviousKeySecretName is { Length: > 0 } previousName)
        {
            try
            {
                previous = await _secrets.GetSecretAsync(previousName, cancellationToken).ConfigureAwait(false);
            }
            catch (SecretNotFoundException)
            {
                // No previous key configured right now.
            }
        }

        var signed = Encoding.ASCII.GetBytes(token, 0, dot);
        var matches = Matches(current, signed, expected.AsSpan(0, MacBytes));
        if (previous is not null)
        {
            matches |= Matches(previous, signed, expected.AsSpan(0, MacBytes));
        }

        if (matches == 0)
        {
            return new FlowTokenValidationResult { Status = FlowTokenValidationStatus.BadSignature };
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(BinaryPrimitives.ReadInt64BigEndian(payload), 0, 253402300799));
        var subject = Encoding.UTF8.GetString(payload, HeaderBytes, payloadLength - HeaderBytes);
        var status = _timeProvider.GetUtcNow() > expiresAt + _options.ClockSkew ? FlowTokenValidationStatus.Expired : FlowTokenValidationStatus.Valid;
        return new FlowTokenValidationResult { Status = status, Subject = subject, ExpiresAt = expiresAt };
    }

    private static int Matches(SecretValue secret, ReadOnlySpan<byte> signed, ReadOnlySpan<byte> expected)
    {
        var key = KeyBytes(secret);
        Span<byte> actual = stackalloc byte[MacBytes];
        try
        {
            HMACSHA256.HashData(key, signed, actual);
            return CryptographicOperations.FixedTimeEquals(actual, expected) ? 1 : 0;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
            CryptographicOperations.ZeroMemory(actual);
        }
    }

    private static byte[] KeyBytes(SecretValue secret)
    {
        var key = Encoding.UTF8.GetBytes(secret.Reveal());
        if (key.Length < MinKeyBytes)
        {
            CryptographicOperations.ZeroMemory(key);
            throw new InvalidOperationException($"The flow token key must be at least {MinKeyBytes} bytes.");
        }

        return key;
    }
}
