using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using Nhtrc.Sdk.Contacts;
using NodaTime;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// One service that passed every hard filter, with its rank, its score broken down by factor and the
/// reasons for it. Holds only what the query's audience may see. Immutable.
/// </summary>
public sealed class ReferralMatch
{
    // What the match says of the service and organization is read from them (they are immutable), not copied.
    private readonly Service _service;
    private readonly Organization _organization;
    private readonly IReferralExplanation _explanation;
    private Explained? _explained;

    // Built only by the matcher; internal setters keep users from making or changing a match. The breakdown and the
    // reasons are words for people, so they are made when first read (once, whichever thread reads first), not for
    // every match of every query.
    internal ReferralMatch(Service service, Organization organization, IReferralExplanation explanation)
    {
        _explanation = explanation;
        _service = service;
        _organization = organization;
    }

    /// <summary>The position in the result, from 1.</summary>
    public int Rank { get; internal init; }

    /// <summary>The service's id.</summary>
    public string ServiceId => _service.Id;

    /// <summary>The service's name.</summary>
    public string ServiceName => _service.Name;

    /// <summary>The organization's id.</summary>
    public string OrganizationId => _organization.Id;

    /// <summary>The organization's name.</summary>
    public string OrganizationName => _organization.Name;

    /// <summary>The organization's kind.</summary>
    public OrganizationKind OrganizationKind => _organization.Kind;

    /// <summary>The organization's web site; may be null.</summary>
    public string? Website => _organization.Website;

    /// <summary>Every type the service offers.</summary>
    public ImmutableArray<ServiceType> ServiceTypes => _service.Types;

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
    public ImmutableArray<ServiceContact> Contacts => _service.Contacts;

    /// <summary>The languages the service offers.</summary>
    public ImmutableArray<LanguageTag> Languages => _service.Languages;

    /// <summary>True when the service is open 24/7.</summary>
    public bool IsAlwaysOpen => _service.Availability.IsAlwaysOpen;

    /// <summary>True when the service is open at the query's instant.</summary>
    public bool IsOpenAtQueryTime { get; internal init; }

    /// <summary>True when the service accepts warm transfers.</summary>
    public bool AcceptsWarmTransfers => _service.AcceptsWarmTransfers;

    /// <summary>Whether the service takes new clients.</summary>
    public Capacity Capacity => _service.Capacity;

    /// <summary>When the entry was last verified.</summary>
    public LocalDate LastVerified => _service.LastVerified;

    /// <summary>The sum of <see cref="Breakdown"/>'s points rounded to 0.01, from 0 to 100.</summary>
    public double Score { get; internal init; }

    /// <summary>The points of every factor, in <see cref="ReferralFactor"/> order.</summary>
    public ImmutableArray<ScoreComponent> Breakdown => Explain().Breakdown;

    /// <summary>Readable reasons: why the service passed the filters, then each factor's reason.</summary>
    public ImmutableArray<string> Reasons => Explain().Reasons;

    /// <summary>Returns for example <c>1. Sample Harbor Shelter (fictional): Emergency shelter, 72.5 points, 3.2 km</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Rank}. {OrganizationName}: {ServiceName}, {Score:0.##} points{(DistanceKilometers is { } d ? $", {d:0.#} km" : "")}");

    private Explained Explain()
    {
        if (Volatile.Read(ref _explained) is { } explained)
        {
            return explained;
        }

        // The same inputs give equal arrays, so a race only decides which of two equal answers is kept.
        var (breakdown, reasons) = _explanation.Explain();
        return Interlocked.CompareExchange(ref _explained, new Explained(breakdown, reasons), null) ?? _explained!;
    }

    private sealed record Explained(ImmutableArray<ScoreComponent> Breakdown, ImmutableArray<string> Reasons);
}

/// <summary>Makes a match's breakdown and reasons from what the matcher kept of it.</summary>
internal interface IReferralExplanation
{
    (ImmutableArray<ScoreComponent> Breakdown, ImmutableArray<string> Reasons) Explain();
}
