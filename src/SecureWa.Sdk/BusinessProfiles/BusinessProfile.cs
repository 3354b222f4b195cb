namespace SecureWa.Sdk.BusinessProfiles;

/// <summary>The WhatsApp business profile of a phone number, as <c>GET /{phone-number-id}/whatsapp_business_profile</c> returns it.</summary>
public sealed class BusinessProfile
{
    /// <summary>The "About" text.</summary>
    public string? About { get; init; }

    /// <summary>The business address.</summary>
    public string? Address { get; init; }

    /// <summary>The business description.</summary>
    public string? Description { get; init; }

    /// <summary>The contact email address.</summary>
    public string? Email { get; init; }

    /// <summary>The websites (at most two). Empty (never <see langword="null"/>) when none.</summary>
    public IReadOnlyList<string> Websites { get; init; } = [];

    /// <summary>The industry as sent (<c>vertical</c>), such as <c>RESTAURANT</c>; may be a value newer than <see cref="BusinessVertical"/> or <c>UNDEFINED</c>.</summary>
    public string? Vertical { get; init; }

    /// <summary>The profile picture's URL, when set.</summary>
    public Uri? ProfilePictureUrl { get; init; }

    /// <summary>A description: the vertical only (the profile is public, but short).</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"BusinessProfile {Vertical}";
}
