namespace SecureWa.Sdk.Messages;

/// <summary>The <c>recipient_type</c> of a message: whom <see cref="WhatsAppMessage.To"/> names.</summary>
public enum MessageRecipientType
{
    /// <summary><c>individual</c>: a user, by phone number or WhatsApp id (the default).</summary>
    Individual = 0,

    /// <summary>
    /// <c>group</c>: a WhatsApp group, by the group id the Groups API returned. Groups accept text, media and
    /// template messages only.
    /// </summary>
    Group,
}
