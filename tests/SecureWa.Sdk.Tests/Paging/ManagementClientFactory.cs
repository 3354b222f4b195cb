using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SecureWa.Sdk.Tests.TestSupport;

namespace SecureWa.Sdk.Tests.Paging;

/// <summary>A <see cref="WhatsAppClient"/> over a scripted terminal handler, with a phone number id and a WABA id.</summary>
internal static class ManagementClientFactory
{
    public const string PhoneNumberId = "106540352242922";
    public const string BusinessAccountId = "102290129340398";

    public static WhatsAppClient Create(ScriptedHandler handler, ILoggerFactory? loggerFactory = null, string? businessAccountId = BusinessAccountId) =>
        new(new HttpClient(handler), new WhatsAppClientOptions { PhoneNumberId = PhoneNumberId, BusinessAccountId = businessAccountId }, loggerFactory ?? NullLoggerFactory.Instance);
}
