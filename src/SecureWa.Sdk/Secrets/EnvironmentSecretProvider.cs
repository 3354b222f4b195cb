namespace SecureWa.Sdk.Secrets;

/// <summary>
/// Reads secrets from environment variables. By default <see cref="SecretNames.AccessToken"/> comes from
/// <c>WHATSAPP_ACCESS_TOKEN</c>, <see cref="SecretNames.AppSecret"/> from <c>WHATSAPP_APP_SECRET</c> and
/// <see cref="SecretNames.WebhookVerifyToken"/> from <c>WHATSAPP_WEBHOOK_VERIFY_TOKEN</c>; any logical name
/// can be mapped to another variable.
/// </summary>
/// <remarks>Variables are read on every call, so a process that updates its environment rotates without a restart.</remarks>
public sealed class EnvironmentSecretProvider : ISecretProvider, ISecretCatalog
{
    private readonly Dictionary<string, string> _variables;

    /// <summary>Creates a provider with the default variable names.</summary>
    public EnvironmentSecretProvider()
        : this(null)
    {
    }

    /// <summary>Creates a provider with extra or replacement mappings from logical name to variable name.</summary>
    /// <param name="variableNames">Logical name to environment variable; merged over the defaults.</param>
    public EnvironmentSecretProvider(IEnumerable<KeyValuePair<string, string>>? variableNames)
    {
        _variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SecretNames.AccessToken] = "WHATSAPP_ACCESS_TOKEN",
            [SecretNames.AppSecret] = "WHATSAPP_APP_SECRET",
            [SecretNames.WebhookVerifyToken] = "WHATSAPP_WEBHOOK_VERIFY_TOKEN",
        };
        if (variableNames is not null)
        {
            foreach (var pair in variableNames)
            {
                ArgumentException.ThrowIfNullOrEmpty(pair.Value);
                _variables[pair.Key] = pair.Value;
            }
        }
    }

    /// <summary>The environment variable that holds a logical name, if one is mapped.</summary>
    /// <param name="name">The logical name.</param>
    /// <returns>The variable's name, or <see langword="null"/>.</returns>
    public string? GetVariableName(string name) => _variables.TryGetValue(name, out var variable) ? variable : null;

    /// <summary>Tells whether a variable is mapped to <paramref name="name"/> and set (the value is not inspected further).</summary>
    /// <param name="name">The logical name.</param>
    /// <returns><see langword="true"/> when the mapped variable is set and not empty.</returns>
    public bool CanProvide(string name) =>
        name is not null && _variables.TryGetValue(name, out var variable) && !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable));

    /// <inheritdoc />
    public ValueTask<SecretValue> GetSecretAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        cancellationToken.ThrowIfCancellationRequested();
        if (!_variables.TryGetValue(name, out var variable))
        {
            return ValueTask.FromException<SecretValue>(new SecretNotFoundException(name, $"No environment variable is mapped to the secret '{name}'."));
        }

        var value = Environment.GetEnvironmentVariable(variable);
        if (value is null)
        {
            return ValueTask.FromException<SecretValue>(new SecretNotFoundException(name, $"The environment variable '{variable}' for the secret '{name}' is not set."));
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return ValueTask.FromException<SecretValue>(new SecretProviderException(name, $"The environment variable '{variable}' for the secret '{name}' is empty."));
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            return ValueTask.FromException<SecretValue>(new SecretProviderException(name, $"The environment variable '{variable}' for the secret '{name}' has leading or trailing white space."));
        }

        return new ValueTask<SecretValue>(new SecretValue(value));
    }
}
