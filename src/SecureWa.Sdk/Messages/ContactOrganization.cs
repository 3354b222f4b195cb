namespace SecureWa.Sdk.Messages;

/// <summary>The organization on a <see cref="ContactCard"/> (<c>org</c>).</summary>
public sealed class ContactOrganization
{
    /// <summary>Company name (<c>company</c>).</summary>
    public string? Company { get; init; }

    /// <summary>Department (<c>department</c>).</summary>
    public string? Department { get; init; }

    /// <summary>Job title (<c>title</c>).</summary>
    public string? Title { get; init; }
}
