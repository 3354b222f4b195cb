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

    /// <summary>
    /// A management POST whose repetition leaves the same state (register, deregister, verify a code, set the
    /// two-step PIN, update the profile, block users, subscribe the app, edit a template): retried on transient
    /// failures like a query.
    /// </summary>
    Manage,

    /// <summary>
    /// A management POST that creates something or triggers an outside effect each time it succeeds (create a
    /// template or a QR code, request a verification code by SMS or voice): duplicate-sensitive like a send, so only
    /// provably-unsent attempts are retried and an ambiguous failure is surfaced, never repeated.
    /// </summary>
    Create,
}
