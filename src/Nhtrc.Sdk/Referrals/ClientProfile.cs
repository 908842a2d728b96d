using Nhtrc.Sdk.Contacts;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// What the client has disclosed that eligibility depends on; every part is optional and an unknown part
/// never excludes a service. Immutable. Holds no personal data beyond an age and categories.
/// </summary>
public sealed record ClientProfile
{
    /// <summary>Nothing disclosed.</summary>
    public static ClientProfile Unknown { get; } = new();

    /// <summary>
    /// The client's age, exact or a range (as disclosed: "about 16" is a range); null when unknown. A service's age bounds
    /// exclude the client only when no age of the range is within them, so a range never excludes a service that an age
    /// it allows would be eligible for.
    /// </summary>
    public AgeRange? Age { get; init; }

    /// <summary>The client's gender; null when unknown.</summary>
    public Gender? Gender { get; init; }

    /// <summary>The form of trafficking; <see cref="TraffickingType.Unknown"/> (the default) excludes nothing.</summary>
    public TraffickingType TraffickingType { get; init; }

    /// <summary>Nationality and immigration status; null when unknown.</summary>
    public ImmigrationStatus? ImmigrationStatus { get; init; }
}
