using System.Text.Json;
using SecureWa.Sdk.Webhooks.Internal;

namespace SecureWa.Sdk.Webhooks;

/// <summary>
/// Turns a webhook body into a <see cref="WebhookNotification"/>. <see cref="VerifyAndParse"/> checks the signature
/// over the raw bytes first and is the method to use for requests; <see cref="ParseUnverified"/> skips the check and is
/// meant for bodies that were already verified (or for tooling and tests).
/// </summary>
/// <remarks>
/// Unknown message types and unknown fields are kept as raw JSON (<c>AdditionalProperties</c> on every model type),
/// never dropped and never an error. A <c>null</c> element in a list (<c>"entry":[null]</c>, <c>"messages":[null]</c>…) is
/// malformed (<see cref="WebhookParseError.MalformedJson"/>, naming the path), so every list of a parsed notification
/// holds only objects. The body size and the JSON depth are capped (<see cref="WebhookParserOptions"/>).
/// Instances are immutable and thread-safe.
/// </remarks>
public sealed class WebhookParser
{
    private readonly int _maxBodySize;
    private readonly WebhookJsonContext _context;

    /// <summary>Creates a parser with the default limits (1 MiB, depth 32).</summary>
    public WebhookParser()
        : this(new WebhookParserOptions())
    {
    }

    /// <summary>Creates a parser.</summary>
    /// <param name="options">The limits.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit is not positive.</exception>
    public WebhookParser(WebhookParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBodySize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDepth, 1, nameof(options));
        _maxBodySize = options.MaxBodySize;
        _context = new WebhookJsonContext(new JsonSerializerOptions
        {
            MaxDepth = options.MaxDepth,
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        });
    }

    /// <summary>The largest body accepted, in bytes.</summary>
    public int MaxBodySize => _maxBodySize;

    /// <summary>Verifies the signature over the raw bytes, then parses. Nothing is parsed when the signature is wrong.</summary>
    /// <param name="body">The request body exactly as received.</param>
    /// <param name="signatureHeader">The <c>X-Hub-Signature-256</c> header value.</param>
    /// <param name="verifier">The verifier holding the app secret(s).</param>
    /// <returns>The notification.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="verifier"/> is <see langword="null"/>.</exception>
    /// <exception cref="WebhookSignatureException">The signature is missing, malformed or wrong.</exception>
    /// <exception cref="WebhookParseException">The body is too large, empty or not a valid notification.</exception>
    public WebhookNotification VerifyAndParse(ReadOnlySpan<byte> body, ReadOnlySpan<char> signatureHeader, WebhookSignatureVerifier verifier)
    {
        ArgumentNullException.ThrowIfNull(verifier);
        var result = verifier.Verify(body, signatureHeader);
        if (result != WebhookSignatureResult.Valid)
        {
            throw new WebhookSignatureException(result);
        }

        return ParseUnverified(body);
    }

    /// <summary>
    /// Parses a body <b>without verifying its signature</b>. Only for bodies whose signature was already checked with
    /// <see cref="WebhookSignatureVerifier"/>, or for tests and tooling: anyone can POST a forged body.
    /// </summary>
    /// <param name="body">The body.</param>
    /// <returns>The notification.</returns>
    /// <exception cref="WebhookParseException">The body is too large, empty or not a valid notification.</exception>
    public WebhookNotification ParseUnverified(ReadOnlySpan<byte> body)
    {
        if (body.Length > _maxBodySize)
        {
            throw new WebhookParseException(WebhookParseError.BodyTooLarge, $"The webhook body is larger than the limit of {_maxBodySize} bytes.");
        }

        if (body.IsEmpty)
        {
            throw new WebhookParseException(WebhookParseError.EmptyBody, "The webhook body is empty.");
        }

        WebhookNotification? notification;
        try
        {
            notification = JsonSerializer.Deserialize(body, _context.WebhookNotification);
        }
        catch (JsonException ex)
        {
            // JsonException messages carry the path and position, never the content; still, do not chain the body anywhere.
            throw new WebhookParseException(WebhookParseError.MalformedJson, $"The webhook body is not a valid notification (path {ex.Path ?? "$"}, line {ex.LineNumber}, byte {ex.BytePositionInLine}).", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new WebhookParseException(WebhookParseError.MalformedJson, "The webhook body is not a valid notification.", ex);
        }

        if (notification is null)
        {
            throw new WebhookParseException(WebhookParseError.MalformedJson, "The webhook body is the JSON literal null.");
        }

        WebhookShapeCheck.Check(notification);
        return notification;
    }
}
