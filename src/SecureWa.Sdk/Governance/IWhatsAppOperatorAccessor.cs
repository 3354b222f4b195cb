namespace SecureWa.Sdk.Governance;

/// <summary>
/// Supplies the operator of the current call when none was bound with <see cref="WhatsAppClient.ForOperator"/>
/// (in ASP.NET Core: the signed-in <c>HttpContext.User</c>). Implementations are thread-safe and cheap.
/// </summary>
public interface IWhatsAppOperatorAccessor
{
    /// <summary>The operator acting in the current execution context, or <see langword="null"/> when there is none.</summary>
    WhatsAppOperator? Current { get; }
}
