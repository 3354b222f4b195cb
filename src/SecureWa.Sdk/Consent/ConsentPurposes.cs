namespace SecureWa.Sdk.Consent;

/// <summary>The purposes consent is recorded for; custom purposes match <c>[a-z0-9_]{1,64}</c>.</summary>
public static class ConsentPurposes
{
    /// <summary>Marketing messages (promotions, offers): need a current, confirmed opt-in.</summary>
    public const string Marketing = "marketing";

    /// <summary>Utility messages (order updates, reminders): need no opt-out on file.</summary>
    public const string Utility = "utility";

    /// <summary>Authentication messages (one-time passwords): need no opt-out on file.</summary>
    public const string Authentication = "authentication";

    /// <summary>Service (free-form) conversation messages: need the customer-service window open.</summary>
    public const string Service = "service";

    /// <summary>Whether <paramref name="purpose"/> is a valid purpose name (<c>[a-z0-9_]{1,64}</c>).</summary>
    /// <param name="purpose">The name to check.</param>
    /// <returns><see langword="true"/> when the name is valid.</returns>
    public static bool IsValid(string? purpose)
    {
        if (string.IsNullOrEmpty(purpose) || purpose.Length > 64)
        {
            return false;
        }

        foreach (var c in purpose)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
