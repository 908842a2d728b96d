using System.Collections.Immutable;
using System.Globalization;
using Nhtrc.Sdk.Contacts;
using NodaTime;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// One service that passed every hard filter, with its rank, its score broken down by factor and the
/// reasons for it. Holds only what the query's audience may see. Immutable.
/// </summary>
public sealed class ReferralMatch
{
    // Built only by the matcher; internal setters keep users from making or changing a match.
    internal ReferralMatch(Service service, Organization organization)
    {
        ServiceId = service.Id;
        ServiceName = service.Name;
        OrganizationId = organization.Id;
        OrganizationName = organization.Name;
    }

    /// <summary>The position in the result, from 1.</summary>
    public int Rank { get; internal init; }

    /// <summary>The service's id.</summary>
    public string ServiceId { get; }

    /// <summary>The service's name.</summary>
    public string ServiceName { get; }

    /// <summary>The organization's id.</summary>
    public string OrganizationId { get; }

    /// <summary>The organization's name.</summary>
    public string OrganizationName { get; }

    /// <summary>The organization's kind.</summary>
    public OrganizationKind OrganizationKind { get; internal init; }

    /// <summary>The organization's web site; may be null.</summary>
    public string? Website { get; internal init; }

    /// <summary>Every type the service offers.</summary>
    public ImmutableArray<ServiceType> ServiceTypes { get; internal init; }

    /// <summary>The query's needs this service offers, in the query's order; never empty.</summary>
    public ImmutableArray<ServiceType> CoveredNeeds { get; internal init; }

    /// <summary>How locally the service's area covers the place.</summary>
    public CoverageLevel Coverage { get; internal init; }

    /// <summary>
    /// Kilometres from the place to the nearest location (a confidential one counted at the centre of its grid cell in a
    /// public result); null without locations or for a whole-state query.
    /// </summary>
    public double? DistanceKilometers { get; internal init; }

    /// <summary>The service's locations, nearest first, as the audience may see them.</summary>
    public ImmutableArray<MatchedLocation> Locations { get; internal init; }

    /// <summary>How to reach the service.</summary>
    public ImmutableArray<ServiceContact> Contacts { get; internal init; }

    /// <summary>The languages the service offers.</summary>
    public ImmutableArray<LanguageTag> Languages { get; internal init; }

    /// <summary>True when the service is open 24/7.</summary>
    public bool IsAlwaysOpen { get; internal init; }

    /// <summary>True when the service is open at the query's instant.</summary>
    public bool IsOpenAtQueryTime { get; internal init; }

    /// <summary>True when the service accepts warm transfers.</summary>
    public bool AcceptsWarmTransfers { get; internal init; }

    /// <summary>Whether the service takes new clients.</summary>
    public Capacity Capacity { get; internal init; }

    /// <summary>When the entry was last verified.</summary>
    public LocalDate LastVerified { get; internal init; }

    /// <summary>The sum of <see cref="Breakdown"/>'s points rounded to 0.01, from 0 to 100.</summary>
    public double Score { get; internal init; }

    /// <summary>The points of every factor, in <see cref="ReferralFactor"/> order.</summary>
    public ImmutableArray<ScoreComponent> Breakdown { get; internal init; }

    /// <summary>Readable reasons: why the service passed the filters, then each factor's reason.</summary>
    public ImmutableArray<string> Reasons { get; internal init; }

    /// <summary>Returns for example <c>1. Sample Harbor Shelter (fictional): Emergency shelter, 72.5 points, 3.2 km</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Rank}. {OrganizationName}: {ServiceName}, {Score:0.##} points{(DistanceKilometers is { } d ? $", {d:0.#} km" : "")}");
}
