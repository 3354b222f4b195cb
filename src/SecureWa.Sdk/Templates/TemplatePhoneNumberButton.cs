namespace SecureWa.Sdk.Templates;

/// <summary>A call button (<c>PHONE_NUMBER</c>).</summary>
/// <param name="text">The label (at most 25 characters).</param>
/// <param name="phoneNumber">The business number to call, with its country code (at most 20 characters).</param>
public sealed class TemplatePhoneNumberButton(string text, string phoneNumber) : TemplateButtonDefinition(text)
{
    /// <inheritdoc />
    public override string Type => "PHONE_NUMBER";

    /// <summary>The number to call.</summary>
    public string PhoneNumber { get; } = phoneNumber;
}
