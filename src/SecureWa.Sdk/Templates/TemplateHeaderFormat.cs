namespace SecureWa.Sdk.Templates;

/// <summary>The kind of a template header (<c>format</c>).</summary>
public enum TemplateHeaderFormat
{
    /// <summary><c>TEXT</c>: at most 60 characters and one variable.</summary>
    Text = 0,

    /// <summary><c>IMAGE</c>: an image, exampled by an uploaded media handle.</summary>
    Image,

    /// <summary><c>VIDEO</c>: a video, exampled by an uploaded media handle.</summary>
    Video,

    /// <summary><c>DOCUMENT</c>: a document, exampled by an uploaded media handle.</summary>
    Document,

    /// <summary><c>LOCATION</c>: a location given when the template is sent.</summary>
    Location,
}
