namespace SecureWa.Sdk.Errors;

/// <summary>
/// A message or argument breaks a documented Cloud API rule. Thrown before any network call, so nothing
/// was sent. <see cref="Field"/> names the offending field as a JSON path (<c>interactive.action.buttons[3].reply.title</c>).
/// </summary>
public class WhatsAppValidationException : WhatsAppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="field">The JSON path of the offending field.</param>
    /// <param name="message">What is wrong, naming the limit; never the field's value when it may be personal data.</param>
    /// <param name="limit">The numeric limit that was broken, if the rule is a limit.</param>
    public WhatsAppValidationException(string field, string message, int? limit = null)
        : base(message)
    {
        Field = field;
        Limit = limit;
    }

    /// <summary>The JSON path of the offending field.</summary>
    public string Field { get; }

    /// <summary>The numeric limit that was broken, when the rule is a limit.</summary>
    public int? Limit { get; }
}
