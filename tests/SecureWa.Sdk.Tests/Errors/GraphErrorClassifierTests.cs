using System.Net;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Errors.Internal;

namespace SecureWa.Sdk.Tests.Errors;

public class GraphErrorClassifierTests
{
    [Theory]
    [InlineData(401, 190, WhatsAppErrorCategory.Authentication)]
    [InlineData(400, 0, WhatsAppErrorCategory.Authentication)]
    [InlineData(403, 10, WhatsAppErrorCategory.Authentication)]
    [InlineData(400, 100, WhatsAppErrorCategory.InvalidRequest)]
    [InlineData(400, 131047, WhatsAppErrorCategory.OutsideCustomerServiceWindow)]
    [InlineData(400, 131026, WhatsAppErrorCategory.RecipientUnavailable)]
    [InlineData(400, 131051, WhatsAppErrorCategory.RecipientUnavailable)]
    [InlineData(400, 133010, WhatsAppErrorCategory.RecipientUnavailable)]
    [InlineData(400, 368, WhatsAppErrorCategory.PolicyBlock)]
    [InlineData(400, 130429, WhatsAppErrorCategory.Throttling)]
    [InlineData(400, 131056, WhatsAppErrorCategory.Throttling)]
    [InlineData(400, 80007, WhatsAppErrorCategory.Throttling)]
    [InlineData(400, 4, WhatsAppErrorCategory.Throttling)]
    [InlineData(500, 1, WhatsAppErrorCategory.Server)]
    [InlineData(503, 2, WhatsAppErrorCategory.Server)]
    public void Categorize_KnownCodes(int status, int code, WhatsAppErrorCategory expected)
    {
        Assert.Equal(expected, GraphErrorClassifier.Categorize((HttpStatusCode)status, code));
    }

    [Theory]
    [InlineData(429, WhatsAppErrorCategory.Throttling)]
    [InlineData(502, WhatsAppErrorCategory.Server)]
    [InlineData(401, WhatsAppErrorCategory.Authentication)]
    [InlineData(400, WhatsAppErrorCategory.InvalidRequest)]
    [InlineData(418, WhatsAppErrorCategory.Unknown)]
    public void Categorize_WithoutCode_FallsBackToStatus(int status, WhatsAppErrorCategory expected)
    {
        Assert.Equal(expected, GraphErrorClassifier.Categorize((HttpStatusCode)status, null));
    }

    [Fact]
    public void CreateException_PicksTheSubtypeCallersBranchOn()
    {
        Assert.IsType<WhatsAppThrottlingException>(GraphErrorClassifier.CreateException(new WhatsAppApiError { StatusCode = HttpStatusCode.BadRequest, Code = 130429 }));
        Assert.IsType<WhatsAppAuthenticationException>(GraphErrorClassifier.CreateException(new WhatsAppApiError { StatusCode = HttpStatusCode.Unauthorized, Code = 190 }));
        Assert.IsType<WhatsAppApiException>(GraphErrorClassifier.CreateException(new WhatsAppApiError { StatusCode = HttpStatusCode.BadRequest, Code = 100 }));
    }
}
