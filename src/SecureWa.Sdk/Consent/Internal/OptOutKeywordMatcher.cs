using System.Globalization;
using System.Text;

namespace SecureWa.Sdk.Consent.Internal;

/// <summary>
/// Whole-message keyword matching: the text, trimmed of whitespace and punctuation, compared case- and
/// accent-insensitively with each keyword. "Stop!" matches STOP; "please stop sending me stuff" does not.
/// </summary>
internal sealed class OptOutKeywordMatcher
{
    private const int MaxCandidateLength = 64;
    private readonly HashSet<string> _keywords;

    public OptOutKeywordMatcher(IEnumerable<string> keywords)
    {
        _keywords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var keyword in keywords)
        {
            var folded = Fold(keyword);
            if (folded.Length > 0)
            {
                _keywords.Add(folded);
            }
        }
    }

    public bool IsMatch(string? text)
    {
        if (string.IsNullOrEmpty(text) || _keywords.Count == 0)
        {
            return false;
        }

        var span = text.AsSpan();
        var start = 0;
        var end = span.Length;
        while (start < end && IsTrimmed(span[start]))
        {
            start++;
        }

        while (end > start && IsTrimmed(span[end - 1]))
        {
            end--;
        }

        // A keyword is a word or two, not a paragraph: long messages are never opt-outs (and cost nothing to reject).
        if (end - start is 0 or > MaxCandidateLength)
        {
            return false;
        }

        return _keywords.Contains(Fold(span[start..end].ToString()));
    }

    internal static string Fold(string value)
    {
        var trimmed = value.AsSpan().Trim();
        string decomposed;
        try
        {
            decomposed = trimmed.ToString().Normalize(NormalizationForm.FormD);
        }
        catch (PlatformNotSupportedException)
        {
            decomposed = trimmed.ToString();
        }

        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                // Inner whitespace runs count as one space ("stop  promotions" = "stop promotions").
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            lastWasSpace = false;
            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString().Trim();
    }

    // Surrogates at the edges are emoji (🛑, 🙏) in practice; format characters include the emoji variation selector.
    private static bool IsTrimmed(char c) => char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || char.IsSurrogate(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark;
}
