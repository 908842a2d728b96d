namespace Nhtrc.Sdk.Contacts;

/// <summary>
/// Who the person contacting the hotline is, as the advocate records it. JSON names are the camelCase
/// member names (<c>possibleVictim</c>, <c>lawEnforcement</c>).
/// </summary>
public enum CallerRole
{
    /// <summary>A person who may be a victim or survivor of trafficking, contacting for themselves.</summary>
    PossibleVictim = 1,

    /// <summary>A member of the public: a neighbour, friend, relative, co-worker or customer.</summary>
    CommunityMember = 2,

    /// <summary>Local law enforcement: police, sheriff, prosecutor's investigator.</summary>
    LawEnforcement = 3,

    /// <summary>A federal government official or employee (for example DOJ, DHS, HHS, DOL).</summary>
    FederalOfficial = 4,

    /// <summary>A state, tribal or local government official other than law enforcement.</summary>
    StateOfficial = 5,

    /// <summary>A doctor, nurse, EMT or other health-care worker.</summary>
    MedicalProfessional = 6,

    /// <summary>An attorney, paralegal or other legal professional.</summary>
    LegalProfessional = 7,

    /// <summary>A student, typically researching or asking for information.</summary>
    Student = 8,

    /// <summary>A legislator, policy maker or their staff.</summary>
    PolicyMaker = 9,

    /// <summary>A social-service, shelter or other non-governmental service provider.</summary>
    ServiceProvider = 10,

    /// <summary>Anyone not covered by the other roles, or a role the caller did not disclose.</summary>
    Other = 11,
}
