namespace SecureWa.Sdk.BusinessProfiles;

/// <summary>The industry of a business profile (<c>vertical</c>), as Meta's OpenAPI (<c>WhatsAppBusinessVertical</c>) lists it.</summary>
public enum BusinessVertical
{
    /// <summary><c>OTHER</c>.</summary>
    Other = 0,

    /// <summary><c>AUTO</c>: automotive.</summary>
    Auto,

    /// <summary><c>BEAUTY</c>: beauty, spa and salon.</summary>
    Beauty,

    /// <summary><c>APPAREL</c>: clothing and apparel.</summary>
    Apparel,

    /// <summary><c>EDU</c>: education.</summary>
    Education,

    /// <summary><c>ENTERTAIN</c>: entertainment.</summary>
    Entertainment,

    /// <summary><c>EVENT_PLAN</c>: event planning and service.</summary>
    EventPlanning,

    /// <summary><c>FINANCE</c>: finance and banking.</summary>
    Finance,

    /// <summary><c>GROCERY</c>: food and grocery.</summary>
    Grocery,

    /// <summary><c>GOVT</c>: public service.</summary>
    Government,

    /// <summary><c>HOTEL</c>: hotel and lodging.</summary>
    Hotel,

    /// <summary><c>HEALTH</c>: medical and health.</summary>
    Health,

    /// <summary><c>NONPROFIT</c>: non-profit.</summary>
    Nonprofit,

    /// <summary><c>PROF_SERVICES</c>: professional services.</summary>
    ProfessionalServices,

    /// <summary><c>RETAIL</c>: shopping and retail.</summary>
    Retail,

    /// <summary><c>TRAVEL</c>: travel and transportation.</summary>
    Travel,

    /// <summary><c>RESTAURANT</c>: restaurant.</summary>
    Restaurant,

    /// <summary><c>ALCOHOL</c>: alcoholic beverages.</summary>
    Alcohol,

    /// <summary><c>ONLINE_GAMBLING</c>: online gambling and gaming.</summary>
    OnlineGambling,

    /// <summary><c>PHYSICAL_GAMBLING</c>: non-online gambling and gaming.</summary>
    PhysicalGambling,

    /// <summary><c>OTC_DRUGS</c>: over-the-counter drugs.</summary>
    OverTheCounterDrugs,
}
