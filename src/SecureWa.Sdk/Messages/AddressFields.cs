namespace SecureWa.Sdk.Messages;

/// <summary>
/// The fields of an address form (<see cref="InteractiveAddressMessage"/>): prefilled values or a saved address.
/// All are optional; which ones WhatsApp shows depends on the country (India: <see cref="InPinCode"/>, house,
/// floor, tower, building, landmark; Singapore: <see cref="SgPostCode"/>, <see cref="UnitNumber"/>).
/// </summary>
public sealed class AddressFields
{
    /// <summary>The name (<c>name</c>).</summary>
    public string? Name { get; init; }

    /// <summary>The phone number (<c>phone_number</c>).</summary>
    public string? PhoneNumber { get; init; }

    /// <summary>The Indian pin code (<c>in_pin_code</c>), at most 6 characters.</summary>
    public string? InPinCode { get; init; }

    /// <summary>The Singapore post code (<c>sg_post_code</c>), at most 6 characters.</summary>
    public string? SgPostCode { get; init; }

    /// <summary>The flat or house number (<c>house_number</c>).</summary>
    public string? HouseNumber { get; init; }

    /// <summary>The floor number (<c>floor_number</c>).</summary>
    public string? FloorNumber { get; init; }

    /// <summary>The tower number (<c>tower_number</c>).</summary>
    public string? TowerNumber { get; init; }

    /// <summary>The building or apartment name (<c>building_name</c>).</summary>
    public string? BuildingName { get; init; }

    /// <summary>The address line (<c>address</c>).</summary>
    public string? Address { get; init; }

    /// <summary>The landmark or area (<c>landmark_area</c>).</summary>
    public string? LandmarkArea { get; init; }

    /// <summary>The unit number (<c>unit_number</c>, Singapore).</summary>
    public string? UnitNumber { get; init; }

    /// <summary>The city (<c>city</c>).</summary>
    public string? City { get; init; }

    /// <summary>The state (<c>state</c>).</summary>
    public string? State { get; init; }

    /// <summary>Never includes the values, which are personal data.</summary>
    /// <returns><c>AddressFields</c>.</returns>
    public override string ToString() => nameof(AddressFields);
}
