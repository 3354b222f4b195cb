namespace SecureWa.Sdk.IntegrationTests.Infrastructure;

/// <summary>
/// The WireMock.Net harness could not provide a server (it did not start, or reported a non-loopback address) or
/// cannot perform a requested fault. Always a test failure, never a skip.
/// </summary>
public sealed class WireMockHarnessException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WireMockHarnessException()
    {
    }

    /// <summary>Creates the exception with a message saying what happened and what to do.</summary>
    public WireMockHarnessException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public WireMockHarnessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
