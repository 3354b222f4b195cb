using SecureWa.Sdk.Errors;

namespace SecureWa.Sdk.Flows;

/// <summary>A flow data exchange request could not be decrypted. The message names the step, never key material or data.</summary>
public sealed class FlowDecryptionException : WhatsAppException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failure">Which step failed.</param>
    /// <param name="message">A description without key material or data.</param>
    public FlowDecryptionException(FlowDecryptionFailure failure, string message)
        : base(message)
    {
        Failure = failure;
    }

    /// <summary>Which step failed.</summary>
    public FlowDecryptionFailure Failure { get; }
}
