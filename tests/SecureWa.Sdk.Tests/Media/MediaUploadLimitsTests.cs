using SecureWa.Sdk.Media;

namespace SecureWa.Sdk.Tests.Media;

public class MediaUploadLimitsTests
{
    [Theory]
    [InlineData("image/jpeg", 5_242_880L)]
    [InlineData("IMAGE/PNG", 5_242_880L)]
    [InlineData("audio/aac", 16_777_216L)]
    [InlineData("audio/mp4", 16_777_216L)]
    [InlineData("audio/amr", 16_777_216L)]
    [InlineData("audio/ogg; codecs=opus", 16_777_216L)]
    [InlineData("video/3gp", 16_777_216L)]
    [InlineData("text/plain", 104_857_600L)]
    [InlineData("application/msword", 104_857_600L)]
    [InlineData("application/vnd.ms-excel", 104_857_600L)]
    [InlineData("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 104_857_600L)]
    [InlineData("application/vnd.ms-powerpoint", 104_857_600L)]
    [InlineData("application/vnd.openxmlformats-officedocument.presentationml.presentation", 104_857_600L)]
    [InlineData("image/webp", 102_400L)]
    public void GetMaxBytes_AcceptedType_ReturnsBinaryUnitLimit(string mimeType, long expected)
    {
        Assert.Equal(expected, MediaUploadLimits.GetMaxBytes(mimeType));
    }

    [Fact]
    public void GetMaxBytes_AnimatedSticker_Returns500Kilobytes()
    {
        Assert.Equal(512_000L, MediaUploadLimits.GetMaxBytes("image/webp", animatedSticker: true));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("image/gif")]
    [InlineData("application/octet-stream")]
    [InlineData("imagejpeg")]
    public void GetMaxBytes_UnacceptedType_ReturnsNull(string? mimeType)
    {
        Assert.Null(MediaUploadLimits.GetMaxBytes(mimeType));
    }
}
