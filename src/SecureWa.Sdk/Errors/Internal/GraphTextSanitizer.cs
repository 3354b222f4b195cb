using System.Text;
using System.Text.RegularExpressions;
using SecureWa.Sdk.Diagnostics;

namespace SecureWa.Sdk.Errors.Internal;

/// <summary>
/// Makes text a server wrote (Graph's <c>error.message</c> and <c>error_data.details</c>) safe to keep in an exception:
/// capped, phone numbers masked with <see cref="PiiMasker"/>, and anything shaped like a secret the SDK sends redacted —
/// bearer tokens and <c>access_token</c>/<c>appsecret_proof</c> parameters, Meta access tokens (<c>EAA…</c>), hex runs
/// of 32 characters or more (app secrets are 32, proofs 64) and other long opaque runs (JWTs, base64 keys).
/// </summary>
internal static partial class GraphTextSanitizer
{
    /// <summary>The most characters kept of one text; longer text is cut and marked.</summary>
    public const int MaxLength = 512;

    public const string Redacted = "[redacted]";

    /// <summary>
    /// The credentials a sent request carried (the bearer token and the <c>appsecret_proof</c> value), so an error
    /// read from its response can have them removed by value: <see cref="Sanitize(string?, IReadOnlyList{string})"/>.
    /// Meant for the invoker, which has <see cref="HttpResponseMessage.RequestMessage"/> when it parses an error.
    /// </summary>
    public static IReadOnlyList<string> KnownSecretsOf(HttpRequestMessage? sent)
    {
        if (sent is null)
        {
            return [];
        }

        var secrets = new List<string>(2);
        if (sent.Headers.Authorization?.Parameter is { Length: > 0 } token)
        {
            secrets.Add(token);
        }

        var query = sent.RequestUri is { IsAbsoluteUri: true } uri ? uri.Query : string.Empty;
        const string Proof = "appsecret_proof=";
        var at = query.IndexOf(Proof, StringComparison.Ordinal);
        if (at >= 0)
        {
            var start = at + Proof.Length;
            var end = query.IndexOf('&', start);
            var value = end < 0 ? query[start..] : query[start..end];
            if (value.Length > 0)
            {
                secrets.Add(value);
            }
        }

        return secrets;
    }

    /// <summary>Removes each of <paramref name="knownSecrets"/> by value (also JSON- and URL-escaped), then applies <see cref="Sanitize(string?)"/>.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? Sanitize(string? text, IReadOnlyList<string> knownSecrets)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        foreach (var secret in knownSecrets)
        {
            if (secret.Length >= 8)
            {
                text = text.Replace(secret, Redacted, StringComparison.Ordinal)
                    .Replace(Uri.EscapeDataString(secret), Redacted, StringComparison.Ordinal);
            }
        }

        return Sanitize(text);
    }

    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? Sanitize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        // Cap first (with room for what the replacements add), so the expressions never scan a huge echo.
        var truncated = text.Length > MaxLength * 2;
        var value = truncated ? text[..(MaxLength * 2)] : text;
        value = CredentialParameter().Replace(value, static m => m.Groups["name"].Value + Redacted);
        value = MetaToken().Replace(value, Redacted);
        value = LongHex().Replace(value, Redacted);
        value = LongOpaque().Replace(value, Redacted);
        value = PhoneNumber().Replace(value, static m => PiiMasker.MaskPhoneNumber(Digits(m.Value)));
        if (value.Length > MaxLength)
        {
            value = value[..MaxLength];
            truncated = true;
        }

        return truncated ? value + "… (truncated)" : value;
    }

    private static string Digits(string match)
    {
        var builder = new StringBuilder(match.Length);
        foreach (var c in match)
        {
            if (c == '+' || char.IsAsciiDigit(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"(?<name>\b(?:Bearer|OAuth)\s+|\b(?:access_token|appsecret_proof|input_token|client_secret)\s*[=:]\s*)[^\s&,;)""']+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CredentialParameter();

    [GeneratedRegex(@"\bEAA[A-Za-z0-9]{16,}", RegexOptions.CultureInvariant)]
    private static partial Regex MetaToken();

    [GeneratedRegex(@"\b[0-9A-Fa-f]{32,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex LongHex();

    [GeneratedRegex(@"[A-Za-z0-9_\-+=]{40,}", RegexOptions.CultureInvariant)]
    private static partial Regex LongOpaque();

    [GeneratedRegex(@"(?<![\w+])\+?\d(?:[ \-.]?\d){7,14}(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumber();
}
