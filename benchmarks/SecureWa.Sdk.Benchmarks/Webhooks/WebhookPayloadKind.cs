namespace SecureWa.Sdk.Benchmarks.Webhooks;

/// <summary>The webhook bodies the parsing benchmark covers.</summary>
public enum WebhookPayloadKind
{
    /// <summary>One inbound text message with its contact (about 0.5 KB).</summary>
    SmallText,

    /// <summary>A batch of 25 delivery statuses with conversation and pricing, a few failed with errors (about 10 KB).</summary>
    StatusBatch,

    /// <summary>Seven entries with 350 inbound messages of mixed kinds (about 100 KB).</summary>
    LargeMixed,
}
