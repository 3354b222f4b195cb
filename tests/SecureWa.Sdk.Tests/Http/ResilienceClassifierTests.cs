using System.Net;
using System.Net.Sockets;
using Polly.CircuitBreaker;
using Polly.Timeout;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Http.Internal;

namespace SecureWa.Sdk.Tests.Http;

public class ResilienceClassifierTests
{
    public static readonly TheoryData<int, int?, int> ResponseCases = new()
    {
        { 200, null, (int)FailureKind.None },
        { 429, null, (int)FailureKind.Throttled },
        { 400, 4, (int)FailureKind.Throttled },
        { 400, 80007, (int)FailureKind.Throttled },
        { 400, 130429, (int)FailureKind.Throttled },
        { 400, 131056, (int)FailureKind.RecipientThrottled },
        { 500, 1, (int)FailureKind.Transient },
        { 503, 2, (int)FailureKind.Transient },
        { 500, 131000, (int)FailureKind.Transient },
        { 500, null, (int)FailureKind.Transient },
        { 502, null, (int)FailureKind.Transient },
        { 408, null, (int)FailureKind.Transient },
        { 400, 100, (int)FailureKind.Permanent },
        { 400, 131047, (int)FailureKind.Permanent },
        { 400, 131026, (int)FailureKind.Permanent },
        { 400, 131051, (int)FailureKind.Permanent },
        { 400, 133010, (int)FailureKind.Permanent },
        { 400, 368, (int)FailureKind.Permanent },
        { 401, 190, (int)FailureKind.Permanent },
        { 400, 131048, (int)FailureKind.Permanent },
        { 500, 100, (int)FailureKind.Permanent },
        { 404, null, (int)FailureKind.Permanent },
        { 400, null, (int)FailureKind.Permanent },
    };

    [Theory]
    [MemberData(nameof(ResponseCases))]
    public void Classify_Response_KeysOnCodeThenStatus(int status, int? code, int expected)
    {
        var error = new WhatsAppApiError { StatusCode = (HttpStatusCode)status, Code = code };
        Assert.Equal((FailureKind)expected, ResilienceClassifier.Classify((HttpStatusCode)status, error));
    }

    [Fact]
    public void Classify_UnknownCodeMarkedTransient_IsTransient()
    {
        var error = new WhatsAppApiError { StatusCode = HttpStatusCode.BadRequest, Code = 999999, IsTransient = true };
        Assert.Equal(FailureKind.Transient, ResilienceClassifier.Classify(HttpStatusCode.BadRequest, error));
    }

    [Theory]
    [InlineData(HttpRequestError.ConnectionError, (int)FailureKind.NotSent)]
    [InlineData(HttpRequestError.NameResolutionError, (int)FailureKind.NotSent)]
    [InlineData(HttpRequestError.SecureConnectionError, (int)FailureKind.NotSent)]
    [InlineData(HttpRequestError.ResponseEnded, (int)FailureKind.Transient)]
    [InlineData(HttpRequestError.InvalidResponse, (int)FailureKind.Transient)]
    [InlineData(HttpRequestError.Unknown, (int)FailureKind.Transient)]
    public void Classify_HttpRequestError_OnlyPreSendFailuresAreNotSent(HttpRequestError error, int expected)
    {
        Assert.Equal((FailureKind)expected, ResilienceClassifier.Classify(new HttpRequestException(error, "x"), dispatched: true));
    }

    [Fact]
    public void Classify_CertificateOrPinRejection_IsPermanent_NotRetried()
    {
        // A TLS failure is "not sent", but a rejected certificate or pin cannot heal by trying again.
        var rejected = new HttpRequestException(
            HttpRequestError.SecureConnectionError,
            "The SSL connection could not be established.",
            new System.Security.Authentication.AuthenticationException("The remote certificate was rejected by the provided RemoteCertificateValidationCallback."));

        var kind = ResilienceClassifier.Classify(rejected, dispatched: true);

        Assert.Equal(FailureKind.Permanent, kind);
        Assert.False(ResilienceClassifier.ShouldRetry(WhatsAppOperationKind.Query, kind, retryAmbiguousSends: true));
        Assert.False(ResilienceClassifier.ShouldRetry(WhatsAppOperationKind.SendMessage, kind, retryAmbiguousSends: true));
    }

    [Fact]
    public void Classify_OtherExceptions()
    {
        Assert.Equal(FailureKind.Transient, ResilienceClassifier.Classify(new IOException("reset"), dispatched: true));
        Assert.Equal(FailureKind.Transient, ResilienceClassifier.Classify(new SocketException(), dispatched: true));
        Assert.Equal(FailureKind.Transient, ResilienceClassifier.Classify(new TimeoutRejectedException(), dispatched: true));
        Assert.Equal(FailureKind.NotSentTimeout, ResilienceClassifier.Classify(new OperationCanceledException(), dispatched: false));
        Assert.Equal(FailureKind.Permanent, ResilienceClassifier.Classify(new BrokenCircuitException(), dispatched: true));
        Assert.Equal(FailureKind.Permanent, ResilienceClassifier.Classify(new WhatsAppRateLimitExceededException(WhatsAppRateLimitScope.PhoneNumber, TimeSpan.FromSeconds(1), "x"), dispatched: false));
        Assert.Equal(FailureKind.Permanent, ResilienceClassifier.Classify(new InvalidOperationException(), dispatched: true));
    }

    [Theory]
    [InlineData((int)WhatsAppOperationKind.SendMessage, (int)FailureKind.NotSent, false, true)]
    [InlineData((int)WhatsAppOperationKind.SendMessage, (int)FailureKind.Throttled, false, true)]
    [InlineData((int)WhatsAppOperationKind.SendMessage, (int)FailureKind.RecipientThrottled, false, true)]
    [InlineData((int)WhatsAppOperationKind.SendMessage, (int)FailureKind.Transient, false, false)]
    [InlineData((int)WhatsAppOperationKind.SendMessage, (int)FailureKind.Transient, true, true)]
    [InlineData((int)WhatsAppOperationKind.SendMessage, (int)FailureKind.Permanent, true, false)]
    [InlineData((int)WhatsAppOperationKind.SendMessage, (int)FailureKind.NotSentTimeout, true, false)]
    [InlineData((int)WhatsAppOperationKind.UploadMedia, (int)FailureKind.Transient, false, false)]
    [InlineData((int)WhatsAppOperationKind.UploadMedia, (int)FailureKind.Throttled, false, true)]
    [InlineData((int)WhatsAppOperationKind.Query, (int)FailureKind.Transient, false, true)]
    [InlineData((int)WhatsAppOperationKind.Delete, (int)FailureKind.Transient, false, true)]
    [InlineData((int)WhatsAppOperationKind.MarkAsRead, (int)FailureKind.Transient, false, true)]
    [InlineData((int)WhatsAppOperationKind.DownloadMedia, (int)FailureKind.Transient, false, true)]
    [InlineData((int)WhatsAppOperationKind.Create, (int)FailureKind.Transient, false, false)]
    [InlineData((int)WhatsAppOperationKind.Create, (int)FailureKind.NotSent, false, true)]
    [InlineData((int)WhatsAppOperationKind.Manage, (int)FailureKind.Transient, false, true)]
    [InlineData((int)WhatsAppOperationKind.Query, (int)FailureKind.Permanent, false, false)]
    [InlineData((int)WhatsAppOperationKind.Query, (int)FailureKind.None, false, false)]
    public void ShouldRetry_PerOperationKind(int operation, int kind, bool retryAmbiguous, bool expected)
    {
        Assert.Equal(expected, ResilienceClassifier.ShouldRetry((WhatsAppOperationKind)operation, (FailureKind)kind, retryAmbiguous));
    }

    [Theory]
    [InlineData((int)FailureKind.NotSent, true)]
    [InlineData((int)FailureKind.Transient, true)]
    [InlineData((int)FailureKind.Throttled, false)]
    [InlineData((int)FailureKind.RecipientThrottled, false)]
    [InlineData((int)FailureKind.Permanent, false)]
    [InlineData((int)FailureKind.NotSentTimeout, false)]
    [InlineData((int)FailureKind.None, false)]
    public void IsBreakerFailure_OnlyServerAndConnectionFailures(int kind, bool expected)
    {
        Assert.Equal(expected, ResilienceClassifier.IsBreakerFailure((FailureKind)kind));
    }
}
