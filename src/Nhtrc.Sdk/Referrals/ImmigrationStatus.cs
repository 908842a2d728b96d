namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// Nationality and immigration status, as eligibility rules use it. JSON ids: <c>foreignNational</c>,
/// <c>usCitizen</c>, <c>lawfulPermanentResident</c>.
/// </summary>
public enum ImmigrationStatus
{
    /// <summary>A foreign national (neither a US citizen nor a lawful permanent resident).</summary>
    ForeignNational = 1,

    /// <summary>A US citizen.</summary>
    UsCitizen = 2,

    /// <summary>A lawful permanent resident (green card holder).</summary>
    LawfulPermanentResident = 3,
}
