namespace SecureWa.Sdk.PhoneNumbers;

/// <summary>
/// The settings of a phone number registration (<c>POST /{phone-number-id}/register</c>): the two-step verification PIN
/// and, optionally, the country where message content is stored at rest (Local Storage).
/// </summary>
/// <param name="pin">The six-digit two-step verification PIN; a secret, never shown by <see cref="ToString"/>.</param>
public sealed class PhoneNumberRegistration(string pin)
{
    /// <summary>The six-digit two-step verification PIN; a secret.</summary>
    public string Pin { get; } = pin;

    /// <summary>
    /// The ISO 3166-1 alpha-2 country code where Meta stores message content at rest (<c>data_localization_region</c>),
    /// such as <c>DE</c>; <see langword="null"/> for Meta's default storage.
    /// </summary>
    public string? DataLocalizationRegion { get; init; }

    /// <summary>A description without the PIN.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"PhoneNumberRegistration (PIN redacted{(DataLocalizationRegion is null ? string.Empty : ", region " + DataLocalizationRegion)})";
}
