using Microsoft.Extensions.Options;

namespace SecureWa.Sdk.DependencyInjection;

/// <summary>Source-generated (AOT-safe) validation of the data annotations on <see cref="WhatsAppClientOptions"/>.</summary>
[OptionsValidator]
internal sealed partial class WhatsAppClientOptionsAnnotationsValidator : IValidateOptions<WhatsAppClientOptions>
{
}
