using SecureWa.Sdk.Paging;

namespace SecureWa.Sdk.Templates;

/// <summary>Filters and paging of <see cref="TemplatesClient.ListAsync"/>.</summary>
public sealed class TemplateListOptions : WhatsAppListOptions
{
    /// <summary>Only templates whose name contains this text (<c>name</c>).</summary>
    public string? Name { get; set; }

    /// <summary>Only templates with this status (<c>status</c>).</summary>
    public TemplateStatus? Status { get; set; }

    /// <summary>Only templates of this category (<c>category</c>).</summary>
    public TemplateCategory? Category { get; set; }

    /// <summary>Only templates in this language (<c>language</c>), such as <c>en_US</c>.</summary>
    public string? Language { get; set; }
}
