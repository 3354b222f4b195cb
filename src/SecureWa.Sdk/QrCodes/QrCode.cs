namespace SecureWa.Sdk.QrCodes;

/// <summary>A message QR code (and short link) that opens a chat with the business with a prefilled message.</summary>
public sealed class QrCode
{
    /// <summary>The code's id (<c>code</c>), such as <c>ANED2T5QRU7HG1</c>; used to read, update and delete it.</summary>
    public required string Code { get; init; }

    /// <summary>The message prefilled in the user's chat.</summary>
    public string? PrefilledMessage { get; init; }

    /// <summary>The <c>wa.me</c> short link (<c>deep_link_url</c>).</summary>
    public Uri? DeepLinkUrl { get; init; }

    /// <summary>Where the QR image can be downloaded (<c>qr_image_url</c>), when an image format was asked for.</summary>
    public Uri? QrImageUrl { get; init; }

    /// <summary>When the code was created (<c>creation_time</c>), when the API says.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>A description: the code id.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => $"QrCode {Code}";
}
