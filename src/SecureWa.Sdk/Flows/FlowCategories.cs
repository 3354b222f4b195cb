namespace SecureWa.Sdk.Flows;

/// <summary>The flow category names the Flows API accepts (<c>categories</c> of a flow).</summary>
public static class FlowCategories
{
    /// <summary>Sign up.</summary>
    public const string SignUp = "SIGN_UP";

    /// <summary>Sign in.</summary>
    public const string SignIn = "SIGN_IN";

    /// <summary>Appointment booking.</summary>
    public const string AppointmentBooking = "APPOINTMENT_BOOKING";

    /// <summary>Lead generation.</summary>
    public const string LeadGeneration = "LEAD_GENERATION";

    /// <summary>Contact us.</summary>
    public const string ContactUs = "CONTACT_US";

    /// <summary>Customer support.</summary>
    public const string CustomerSupport = "CUSTOMER_SUPPORT";

    /// <summary>Survey.</summary>
    public const string Survey = "SURVEY";

    /// <summary>Anything else.</summary>
    public const string Other = "OTHER";
}
