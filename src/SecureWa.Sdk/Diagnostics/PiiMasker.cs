namespace SecureWa.Sdk.Diagnostics;

/// <summary>Masks personal data before it reaches a log, a metric tag or an exception message.</summary>
public static class PiiMasker
{
    /// <summary>
    /// Masks a phone number or WhatsApp id, keeping a leading <c>+</c> and the last four digits:
    /// <c>+16505551234</c> becomes <c>+*******1234</c>. Values of four characters or fewer are masked whole.
    /// </summary>
    /// <param name="phoneNumber">The number; may be <see langword="null"/>.</param>
    /// <returns>The masked number, or an empty string for <see langword="null"/> or empty input.</returns>
    public static string MaskPhoneNumber(string? phoneNumber)
    {
        if (string.IsNullOrEmpty(phoneNumber))
        {
            return string.Empty;
        }

        var value = phoneNumber.AsSpan().Trim();
        var plus = value.Length > 0 && value[0] == '+';
        if (plus)
        {
            value = value[1..];
        }

        const int visible = 4;
        if (value.Length <= visible)
        {
            return plus ? "+****" : "****";
        }

        return string.Create(value.Length + (plus ? 1 : 0), (Plus: plus, Digits: phoneNumber.Trim()), static (span, state) =>
        {
            var digits = state.Digits.AsSpan(state.Plus ? 1 : 0);
            var offset = 0;
            if (state.Plus)
            {
                span[0] = '+';
                offset = 1;
            }

            var hidden = digits.Length - visible;
            span.Slice(offset, hidden).Fill('*');
            digits[hidden..].CopyTo(span[(offset + hidden)..]);
        });
    }
}
