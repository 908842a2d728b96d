using System;
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

    /// <summary>The client's age in whole years, from 0 to <see cref="PopulationServed.MaximumAge"/>; null when unknown.</summary>
    /// <exception cref="ArgumentOutOfRangeException">On init, the value is outside 0 to <see cref="PopulationServed.MaximumAge"/>.</exception>
    public int? Age
    {
        get;
        init
        {
            if (value is < 0 or > PopulationServed.MaximumAge)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, $"An age must be from 0 to {PopulationServed.MaximumAge}.");
            }

            field = value;
        }
    }

    /// <summary>The client's gender; null when unknown.</summary>
    public Gender? Gender { get; init; }

    /// <summary>The form of trafficking; <see cref="TraffickingType.Unknown"/> (the default) excludes nothing.</summary>
    public TraffickingType TraffickingType { get; init; }

    /// <summary>Nationality and immigration status; null when unknown.</summary>
    public ImmigrationStatus? ImmigrationStatus { get; init; }
}
