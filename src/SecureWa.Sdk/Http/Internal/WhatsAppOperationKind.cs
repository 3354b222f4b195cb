namespace SecureWa.Sdk.Http.Internal;

/// <summary>What a request does, which decides how it may be retried and whether it is rate limited.</summary>
internal enum WhatsAppOperationKind
{
    /// <summary>A GET: idempotent, retried on transient failures.</summary>
    Query = 0,

    /// <summary>A DELETE: idempotent, retried on transient failures.</summary>
    Delete,

    /// <summary>A message send: a duplicate would reach a customer, so only provably-unsent attempts are retried.</summary>
    SendMessage,

    /// <summary>Mark-as-read / typing indicator: a POST, but repeating it is harmless.</summary>
    MarkAsRead,

    /// <summary>A media upload: a duplicate only wastes storage, but the body stream may not be replayable.</summary>
    UploadMedia,

    /// <summary>A media download from Meta's media host.</summary>
    DownloadMedia,

    /// <summary>A management POST that creates something (a flow): a duplicate would create a second one, so only provably-unsent attempts are retried. Not counted against messaging rate limits.</summary>
    CreateResource,

    /// <summary>A management POST whose repetition is harmless (update metadata, publish, set a key): retried on transient failures. Not counted against messaging rate limits.</summary>
    UpdateResource,
}
