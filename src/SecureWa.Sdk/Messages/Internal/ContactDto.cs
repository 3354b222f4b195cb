using System.Text.Json.Serialization;

namespace SecureWa.Sdk.Messages.Internal;

/// <summary>Wire shape of one entry of <c>contacts</c>.</summary>
internal sealed class ContactDto
{
    [JsonPropertyName("addresses")]
    public List<ContactAddressDto>? Addresses { get; set; }

    [JsonPropertyName("birthday")]
    public string? Birthday { get; set; }

    [JsonPropertyName("emails")]
    public List<ContactEmailDto>? Emails { get; set; }

    [JsonPropertyName("name")]
    public ContactNameDto? Name { get; set; }

    [JsonPropertyName("org")]
    public ContactOrgDto? Org { get; set; }

    [JsonPropertyName("phones")]
    public List<ContactPhoneDto>? Phones { get; set; }

    [JsonPropertyName("urls")]
    public List<ContactUrlDto>? Urls { get; set; }
}

/// <summary>Wire shape of <c>contacts[].name</c>.</summary>
internal sealed class ContactNameDto
{
    [JsonPropertyName("formatted_name")]
    public string? FormattedName { get; set; }

    [JsonPropertyName("first_name")]
    public string? FirstName { get; set; }

    [JsonPropertyName("last_name")]
    public string? LastName { get; set; }

    [JsonPropertyName("middle_name")]
    public string? MiddleName { get; set; }

    [JsonPropertyName("suffix")]
    public string? Suffix { get; set; }

    [JsonPropertyName("prefix")]
    public string? Prefix { get; set; }
}

/// <summary>Wire shape of <c>contacts[].phones[]</c>.</summary>
internal sealed class ContactPhoneDto
{
    [JsonPropertyName("phone")]
    public string? Phone { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("wa_id")]
    public string? WaId { get; set; }
}

/// <summary>Wire shape of <c>contacts[].emails[]</c>.</summary>
internal sealed class ContactEmailDto
{
    [JsonPropertyName("email")]
    public string? Email { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }
}

/// <summary>Wire shape of <c>contacts[].addresses[]</c>.</summary>
internal sealed class ContactAddressDto
{
    [JsonPropertyName("street")]
    public string? Street { get; set; }

    [JsonPropertyName("city")]
    public string? City { get; set; }

    [JsonPropertyName("state")]
    public string? State { get; set; }

    [JsonPropertyName("zip")]
    public string? Zip { get; set; }

    [JsonPropertyName("country")]
    public string? Country { get; set; }

    [JsonPropertyName("country_code")]
    public string? CountryCode { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }
}

/// <summary>Wire shape of <c>contacts[].org</c>.</summary>
internal sealed class ContactOrgDto
{
    [JsonPropertyName("company")]
    public string? Company { get; set; }

    [JsonPropertyName("department")]
    public string? Department { get; set; }

    [JsonPropertyName("title")]
    public string? Title { get; set; }
}

/// <summary>Wire shape of <c>contacts[].urls[]</c>.</summary>
internal sealed class ContactUrlDto
{
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }
}
