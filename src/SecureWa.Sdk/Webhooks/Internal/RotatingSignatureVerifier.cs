using SecureWa.Sdk.Secrets;

namespace SecureWa.Sdk.Webhooks.Internal;

/// <summary>
/// The signature verifier for the current app secret (and the previous one during rotation), rebuilt only when either
/// secret changes. Shared by the webhook endpoint and the Flows endpoint. Thread-safe: a verifier it replaces may still
/// serve a request in flight, so it is not disposed; its native state is released when it is collected.
/// </summary>
internal sealed class RotatingSignatureVerifier
{
    private Entry? _entry;

    /// <summary>The verifier for <paramref name="current"/> and <paramref name="previous"/>.</summary>
    /// <param name="current">The app secret.</param>
    /// <param name="previous">The previous app secret during rotation, if any.</param>
    /// <param name="rebuiltWithSecrets">0 when the cached verifier served; else how many secrets the new one accepts.</param>
    public WebhookSignatureVerifier Get(SecretValue current, SecretValue? previous, out int rebuiltWithSecrets)
    {
        var cached = Volatile.Read(ref _entry);
        if (cached is not null && cached.Matches(current, previous))
        {
            rebuiltWithSecrets = 0;
            return cached.Verifier;
        }

        var secrets = previous is null || previous.HasSameValueAs(current) ? new[] { current } : new[] { current, previous };
        var entry = new Entry(current, previous, new WebhookSignatureVerifier(secrets));
        Volatile.Write(ref _entry, entry);
        rebuiltWithSecrets = secrets.Length;
        return entry.Verifier;
    }

    private sealed record Entry(SecretValue Current, SecretValue? Previous, WebhookSignatureVerifier Verifier)
    {
        public bool Matches(SecretValue current, SecretValue? previous) =>
            Current.HasSameValueAs(current) && (Previous is null ? previous is null : Previous.HasSameValueAs(previous));
    }
}
