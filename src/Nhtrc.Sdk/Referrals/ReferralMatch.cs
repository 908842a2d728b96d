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
    internal ReferralMatch() { }

    /// <summary>The position in the result, from 1.</summary>
    public int Rank { get; internal init; }

    /// <summary>The service's id.</summary>
    public required string ServiceId { get; init; }

    /// <summary>The service's name.</summary>
    public required string ServiceName { get; init; }

    /// <summary>The organization's id.</summary>
    public required string OrganizationId { get; init; }

    /// <summary>The organization's name.</summary>
    public required string OrganizationName { get; init; }

    /// <summary>The organization's kind.</summary>
    public required OrganizationKind OrganizationKind { get; init; }

    /// <summary>The organization's web site; may be null.</summary>
    public string? Website { get; init; }

    /// <summary>Every type the service offers.</summary>
    public required ImmutableArray<ServiceType> ServiceTypes { get; init; }

    /// <summary>The query's needs this service offers, in the query's order; never empty.</summary>
    public required ImmutableArray<ServiceType> CoveredNeeds { get; init; }

    /// <summary>How locally the service's area covers the place.</summary>
    public required CoverageLevel Coverage { get; init; }

    /// <summary>Kilometres from the place to the nearest location; null without locations or for a whole-state query.</summary>
    public double? DistanceKilometers { get; init; }

    /// <summary>The service's locations, nearest first, as the audience may see them.</summary>
    public required ImmutableArray<MatchedLocation> Locations { get; init; }

    /// <summary>How to reach the service.</summary>
    public required ImmutableArray<ServiceContact> Contacts { get; init; }

    /// <summary>The languages the service offers.</summary>
    public required ImmutableArray<LanguageTag> Languages { get; init; }

    /// <summary>True when the service is open 24/7.</summary>
    public required bool IsAlwaysOpen { get; init; }

    /// <summary>True when the service is open at the query's instant.</summary>
    public required bool IsOpenAtQueryTime { get; init; }

    /// <summary>True when the service accepts warm transfers.</summary>
    public required bool AcceptsWarmTransfers { get; init; }

    /// <summary>Whether the service takes new clients.</summary>
    public required Capacity Capacity { get; init; }

    /// <summary>When the entry was last verified.</summary>
    public required LocalDate LastVerified { get; init; }

    /// <summary>The sum of <see cref="Breakdown"/>'s points rounded to 0.01, from 0 to 100.</summary>
    public required double Score { get; init; }

    /// <summary>The points of every factor, in <see cref="ReferralFactor"/> order.</summary>
    public required ImmutableArray<ScoreComponent> Breakdown { get; init; }

    /// <summary>Readable reasons: why the service passed the filters, then each factor's reason.</summary>
    public required ImmutableArray<string> Reasons { get; init; }

    /// <summary>Returns for example <c>1. Sample Harbor Shelter (fictional): Emergency shelter, 72.5 points, 3.2 km</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Rank}. {OrganizationName}: {ServiceName}, {Score:0.##} points{(DistanceKilometers is { } d ? $", {d:0.#} km" : "")}");
}
