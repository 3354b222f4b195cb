namespace SecureWa.Sdk.BusinessProfiles;

/// <summary>
/// The fields of a business profile update (<c>POST /{phone-number-id}/whatsapp_business_profile</c>). Only the fields
/// set (not <see langword="null"/>) are sent; the others stay as they are.
/// </summary>
public sealed class BusinessProfileUpdate
{
    /// <summary>The "About" text: 1 to 139 characters.</summary>
    public string? About { get; set; }

    /// <summary>The business address: at most 256 characters.</summary>
    public string? Address { get; set; }

    /// <summary>The business description: at most 512 characters.</summary>
    public string? Description { get; set; }

    /// <summary>The contact email address: a valid address of at most 128 characters.</summary>
    public string? Email { get; set; }

    /// <summary>The websites: at most two http(s) URLs of at most 256 characters each. An empty list is sent as <c>[]</c>.</summary>
    public IReadOnlyList<string>? Websites { get; set; }

    /// <summary>The industry.</summary>
    public BusinessVertical? Vertical { get; set; }

    /// <summary>The handle of a profile picture uploaded with the Resumable Upload API (<c>profile_picture_handle</c>).</summary>
    public string? ProfilePictureHandle { get; set; }
}
