namespace SecureWa.Sdk.Http.Internal;

/// <summary>Keys under which the SDK tells its handlers what a request is (<see cref="HttpRequestMessage.Options"/>).</summary>
internal static class WhatsAppRequestOptions
{
    /// <summary>The operation kind; requests without it are treated as <see cref="WhatsAppOperationKind.Query"/> for GET/HEAD and as sends otherwise.</summary>
    public static readonly HttpRequestOptionsKey<WhatsAppOperationKind> Operation = new("SecureWa.Operation");

    /// <summary>The <see cref="Governance.WhatsAppPermissions"/> name of the public operation that made the request.</summary>
    public static readonly HttpRequestOptionsKey<string> Permission = new("SecureWa.Permission");

    /// <summary>The business phone number id the request acts for (rate limiting partition).</summary>
    public static readonly HttpRequestOptionsKey<string> PhoneNumberId = new("SecureWa.PhoneNumberId");

    /// <summary>The recipient of a send (pair rate limiting partition). Personal data: never log it unmasked.</summary>
    public static readonly HttpRequestOptionsKey<string> Recipient = new("SecureWa.Recipient");

    /// <summary>One boxed value per operation kind, so tagging a request does not box an enum per call.</summary>
    private static readonly object[] BoxedOperations = Enum.GetValues<WhatsAppOperationKind>().Select(static kind => (object)kind).ToArray();

    /// <summary>Same as <c>request.Options.Set(Operation, operation)</c>, without boxing per call.</summary>
    public static void SetOperation(HttpRequestMessage request, WhatsAppOperationKind operation)
    {
        var index = (int)operation;
        ((IDictionary<string, object?>)request.Options)[Operation.Key] =
            (uint)index < (uint)BoxedOperations.Length && (WhatsAppOperationKind)BoxedOperations[index] == operation ? BoxedOperations[index] : operation;
    }

    /// <summary>Reads the operation kind of a request, inferring it from the method when it was not set.</summary>
    public static WhatsAppOperationKind GetOperation(HttpRequestMessage request)
    {
        if (request.Options.TryGetValue(Operation, out var kind))
        {
            return kind;
        }

        if (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head)
        {
            return WhatsAppOperationKind.Query;
        }

        return request.Method == HttpMethod.Delete ? WhatsAppOperationKind.Delete : WhatsAppOperationKind.SendMessage;
    }
}
