using System.Security.Cryptography;
using System.Text;

namespace SecureWa.Sdk.Alerts.Internal;

/// <summary>The subjects of alerts: opaque ids, never a phone number, an e-mail address, a token or a session secret.</summary>
internal static class OpaqueId
{
    public const string Webhooks = "webhooks";
    public const string AccessToken = "access_token";
    public const string Consent = "consent";
    public const string UnknownOperator = "operator:unknown";

    public static string PhoneNumberId(string phoneNumberId) =>
        IsPlainId(phoneNumberId) ? "phone_number_id:" + phoneNumberId : "phone_number_id#" + Hash(phoneNumberId);

    /// <summary>
    /// <c>operator:{id}</c> for an id that is plainly an id; <c>operator#{hash}</c> for one that could be personal data
    /// (it has an <c>@</c>, or it is a phone-number-like run of digits) or is not a short plain token.
    /// </summary>
    public static string Operator(string operatorId) =>
        LooksPersonal(operatorId) || !IsPlainId(operatorId) ? "operator#" + Hash(operatorId) : "operator:" + operatorId;

    public static string Session(string sessionId) => "session#" + Hash(sessionId);

    public static string Token(string tokenId) => "token#" + tokenId;

    /// <summary>The first 16 hex digits of the SHA-256 of <paramref name="value"/>.</summary>
    public static string Hash(string value)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(value), hash);
        return Convert.ToHexString(hash[..8]).ToLowerInvariant();
    }

    private static bool IsPlainId(string id)
    {
        if (id.Length is 0 or > 64)
        {
            return false;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '_' and not '-' and not '.')
            {
                return false;
            }
        }

        return true;
    }

    private static bool LooksPersonal(string id)
    {
        if (id.Contains('@', StringComparison.Ordinal))
        {
            return true;
        }

        var digits = 0;
        foreach (var c in id)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is not '+' and not ' ' and not '-' and not '(' and not ')')
            {
                return false;
            }
        }

        return digits >= 7;
    }
}
