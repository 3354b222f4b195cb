namespace SecureWa.Sdk.Secrets;

/// <summary>Settings of a <see cref="ConfigurationSecretProvider"/>.</summary>
public sealed class ConfigurationSecretProviderOptions
{
    /// <summary>
    /// The section under which a logical name not listed in <see cref="Keys"/> is looked up: with the default,
    /// <c>WhatsApp</c>, the access token is <c>WhatsApp:AccessToken</c>
    /// (<c>dotnet user-secrets set "WhatsApp:AccessToken" "..."</c>).
    /// </summary>
    public string SectionName { get; set; } = "WhatsApp";

    /// <summary>Logical name to full configuration key (for example <c>[SecretNames.AccessToken] = "Meta:SystemUserToken"</c>).</summary>
    public IDictionary<string, string> Keys { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
