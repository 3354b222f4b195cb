using System.Net;
using SecureWa.Sdk.Errors;
using SecureWa.Sdk.Http.Internal;

namespace SecureWa.Sdk.Tests.Http;

public sealed class ManagementOperationKindTests
{
    [Fact]
    public void IsDuplicateSensitive_CreateYesManageNo()
    {
        Assert.True(ResilienceClassifier.IsDuplicateSensitive(WhatsAppOperationKind.Create));
        Assert.False(ResilienceClassifier.IsDuplicateSensitive(WhatsAppOperationKind.Manage));
    }

    [Fact]
    public void ShouldRetry_TransientFailure_OnlyForIdempotentWrites()
    {
        Assert.False(ResilienceClassifier.ShouldRetry(WhatsAppOperationKind.Create, FailureKind.Transient, retryAmbiguousSends: false));
        Assert.True(ResilienceClassifier.ShouldRetry(WhatsAppOperationKind.Manage, FailureKind.Transient, retryAmbiguousSends: false));
    }

    [Fact]
    public void ShouldRetry_NotSent_EvenForCreate() =>
        Assert.True(ResilienceClassifier.ShouldRetry(WhatsAppOperationKind.Create, FailureKind.NotSent, retryAmbiguousSends: false));

    [Fact]
    public void DeliveryUnknown_ForCreate_SpeaksOfTheResourceNotAMessage()
    {
        var ex = new WhatsAppDeliveryUnknownException("Create", "HTTP 500", HttpStatusCode.InternalServerError, null, 1);

        Assert.Contains("resource may have been created", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("message may have been delivered", ex.Message, StringComparison.Ordinal);
    }
}
