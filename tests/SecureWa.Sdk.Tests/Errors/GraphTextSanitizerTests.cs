using System.Net.Http.Headers;
using SecureWa.Sdk.Errors.Internal;

namespace SecureWa.Sdk.Tests.Errors;

public sealed class GraphTextSanitizerTests
{
    [Fact]
    public void Sanitize_KnownSecretsOfTheSentRequest_RemovedByValueEvenWhenNotShapedLikeOne()
    {
        // A token of no recognizable shape (short, with punctuation) is still removed when the request carried it.
        const string token = "tok.en-42:xy";
        const string proof = "proof-value-123";
        using var sent = new HttpRequestMessage(HttpMethod.Post, $"https://graph.facebook.com/v23.0/1/messages?appsecret_proof={proof}");
        sent.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var secrets = GraphTextSanitizer.KnownSecretsOf(sent);
        var text = GraphTextSanitizer.Sanitize($"bad request: got {token} and {proof} and {Uri.EscapeDataString(token)}", secrets);

        Assert.Equal([token, proof], secrets);
        Assert.DoesNotContain(token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(proof, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(token), text, StringComparison.Ordinal);
        Assert.StartsWith("bad request: got [redacted]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void KnownSecretsOf_NoRequest_Empty()
    {
        Assert.Empty(GraphTextSanitizer.KnownSecretsOf(null));
    }
}
