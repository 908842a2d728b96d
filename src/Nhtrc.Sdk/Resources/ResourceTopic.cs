namespace Nhtrc.Sdk.Resources;

/// <summary>
/// What a resource material is about. JSON names are the camelCase member names (<c>laborTrafficking</c>,
/// <c>lawEnforcementResponse</c>); for search, a topic also reads as its words (<c>labor trafficking</c>).
/// The default value (0) is not a topic and is rejected wherever a topic is required.
/// </summary>
public enum ResourceTopic
{
    /// <summary>Labor trafficking: labor or services obtained by force, fraud or coercion.</summary>
    LaborTrafficking = 1,

    /// <summary>Sex trafficking: commercial sex induced by force, fraud or coercion, or involving a minor.</summary>
    SexTrafficking = 2,

    /// <summary>Recognizing the indicators of trafficking and identifying potential victims.</summary>
    VictimIdentification = 3,

    /// <summary>Screening and assessment instruments and how to use them.</summary>
    ScreeningTools = 4,

    /// <summary>Immigration relief for foreign-national survivors (for example T and U visas, continued presence).</summary>
    ImmigrationRelief = 5,

    /// <summary>Children and youth, including runaway and homeless youth and child welfare.</summary>
    Youth = 6,

    /// <summary>Health care: identifying and serving victims in clinical and emergency settings.</summary>
    Healthcare = 7,

    /// <summary>Investigation, victim-centered policing and prosecution.</summary>
    LawEnforcementResponse = 8,

    /// <summary>Training for service providers: case management, trauma-informed care, shelter.</summary>
    ServiceProviderTraining = 9,

    /// <summary>Awareness campaigns and outreach to the public.</summary>
    PublicAwareness = 10,

    /// <summary>The legal rights of victims and survivors: labor rights, civil remedies, criminal-justice rights.</summary>
    LegalRights = 11,

    /// <summary>The hotline itself: how to reach it, what it does, what happens when someone calls.</summary>
    HotlineInformation = 12,
}
