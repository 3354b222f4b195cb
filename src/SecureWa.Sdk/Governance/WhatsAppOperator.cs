namespace SecureWa.Sdk.Governance;

/// <summary>
/// Who acts through the SDK: a person (agent, supervisor, admin) or a service, as the application's own
/// authentication established it. Immutable; its <see cref="ToString"/> names only the opaque id.
/// </summary>
public sealed class WhatsAppOperator
{
    /// <summary>Creates an operator.</summary>
    /// <param name="id">The opaque operator id (<c>sub</c>); never an e-mail address or a phone number.</param>
    /// <param name="roles">The operator's roles (<c>agent</c>, <c>supervisor</c>, <c>admin</c>, <c>service</c> or configured ones).</param>
    /// <param name="sessionId">The session id (<c>sid</c>), when the operator came from a session token.</param>
    /// <param name="clientIp">The client IP address, when known (audit, alerts).</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is empty, or a role is empty.</exception>
    public WhatsAppOperator(string id, IEnumerable<string> roles, string? sessionId = null, string? clientIp = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(roles);
        var list = roles.ToArray();
        foreach (var role in list)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(role, nameof(roles));
        }

        Id = id;
        Roles = list;
        SessionId = sessionId;
        ClientIp = clientIp;
    }

    /// <summary>The opaque operator id.</summary>
    public string Id { get; }

    /// <summary>The operator's roles.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>The session id, when known.</summary>
    public string? SessionId { get; }

    /// <summary>The client IP address, when known.</summary>
    public string? ClientIp { get; }

    /// <inheritdoc />
    public override string ToString() => "operator " + Id;
}
