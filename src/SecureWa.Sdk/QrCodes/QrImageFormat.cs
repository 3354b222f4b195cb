namespace SecureWa.Sdk.QrCodes;

/// <summary>The image format of a QR code (<c>generate_qr_image</c>, <c>qr_image_url.format(…)</c>).</summary>
public enum QrImageFormat
{
    /// <summary>No image; only the code and its short link.</summary>
    None = 0,

    /// <summary>A PNG image.</summary>
    Png,

    /// <summary>An SVG image.</summary>
    Svg,
}
