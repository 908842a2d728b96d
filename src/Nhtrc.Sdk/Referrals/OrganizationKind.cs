namespace Nhtrc.Sdk.Referrals;

/// <summary>What kind of organization a directory entry is. JSON ids are the camelCase member names.</summary>
public enum OrganizationKind
{
    /// <summary>A non-governmental service provider (shelter, legal aid, clinic, advocacy program).</summary>
    ServiceProvider = 1,

    /// <summary>An anti-trafficking task force, co-led by a law-enforcement agency and a victim-service provider.</summary>
    TaskForce = 2,

    /// <summary>A coalition of organizations in a region.</summary>
    Coalition = 3,

    /// <summary>A law-enforcement agency.</summary>
    LawEnforcement = 4,

    /// <summary>A government agency other than law enforcement (for example child welfare).</summary>
    GovernmentAgency = 5,

    /// <summary>A trainer or speaker.</summary>
    TrainerOrSpeaker = 6,
}
