namespace SecureWa.Sdk.Messages;

/// <summary>The <c>type</c> of an <see cref="InteractiveHeader"/>.</summary>
public enum InteractiveHeaderType
{
    /// <summary><c>text</c>.</summary>
    Text = 0,

    /// <summary><c>image</c>.</summary>
    Image,

    /// <summary><c>video</c>.</summary>
    Video,

    /// <summary><c>document</c>.</summary>
    Document,
}
