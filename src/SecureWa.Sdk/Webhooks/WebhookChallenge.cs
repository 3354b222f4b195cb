using System.Security.Cryptography;
using System.Text;
using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Webhooks;

/// <summary>
/// The GET handshake Meta performs when a webhook URL is subscribed:
/// <c>?hub.mode=subscribe&amp;hub.verify_token=…&amp;hub.challenge=…</c>, answered with the challenge as the body
/// (HTTP 200) when the token matches, and 403 otherwise.
/// </summary>
/// <remarks>
/// The token is compared in constant time: both sides are hashed with SHA-256 first, so neither the content nor the
/// length of the configured token shows in the time taken. The challenge is echoed only when it is a plain token of at
/// most <see cref="MaxChallengeLength"/> characters from <c>[A-Za-z0-9_.-]</c>; anything else is refused, so the
/// endpoint never reflects attacker-chosen markup. Instances are immutable and thread-safe.
/// </remarks>
public sealed class WebhookChallenge
{
    /// <summary>The longest challenge echoed.</summary>
    public const int MaxChallengeLength = 128;

    /// <summary>The query parameter carrying the mode.</summary>
    public const string ModeParameter = "hub.mode";

    /// <summary>The query parameter carrying the verify token.</summary>
    public const string VerifyTokenParameter = "hub.verify_token";

    /// <summary>The query parameter carrying the challenge.</summary>
    public const string ChallengeParameter = "hub.challenge";

    private const string SubscribeMode = "subscribe";

    private readonly byte[] _expectedTokenHash;

    /// <summary>Creates the handshake validator.</summary>
    /// <param name="verifyToken">The verify token configured in the Meta app dashboard.</param>
    /// <exception cref="ArgumentNullException"><paramref name="verifyToken"/> is <see langword="null"/>.</exception>
    public WebhookChallenge(SecretValue verifyToken)
    {
        ArgumentNullException.ThrowIfNull(verifyToken);
        _expectedTokenHash = SHA256.HashData(Encoding.UTF8.GetBytes(verifyToken.Reveal()));
    }

    /// <summary>Validates a handshake request.</summary>
    /// <param name="mode">The <c>hub.mode</c> query value.</param>
    /// <param name="verifyToken">The <c>hub.verify_token</c> query value.</param>
    /// <param name="challenge">The <c>hub.challenge</c> query value.</param>
    /// <returns><see cref="WebhookChallengeStatus.Accepted"/> when the challenge may be echoed; otherwise why not.</returns>
    public WebhookChallengeStatus Validate(string? mode, string? verifyToken, string? challenge)
    {
        if (string.IsNullOrEmpty(mode) || verifyToken is null || string.IsNullOrEmpty(challenge))
        {
            return WebhookChallengeStatus.MissingParameter;
        }

        if (!string.Equals(mode, SubscribeMode, StringComparison.Ordinal))
        {
            return WebhookChallengeStatus.WrongMode;
        }

        Span<byte> actualHash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(verifyToken), actualHash);
        if (!CryptographicOperations.FixedTimeEquals(actualHash, _expectedTokenHash))
        {
            return WebhookChallengeStatus.TokenMismatch;
        }

        return IsPlainChallenge(challenge) ? WebhookChallengeStatus.Accepted : WebhookChallengeStatus.InvalidChallenge;
    }

    /// <summary>Tells whether a challenge is safe to echo: 1 to <see cref="MaxChallengeLength"/> characters of <c>[A-Za-z0-9_.-]</c>.</summary>
    /// <param name="challenge">The challenge.</param>
    /// <returns><see langword="true"/> when it may be echoed.</returns>
    public static bool IsPlainChallenge(ReadOnlySpan<char> challenge)
    {
        if (challenge.IsEmpty || challenge.Length > MaxChallengeLength)
        {
            return false;
        }

        foreach (var c in challenge)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
