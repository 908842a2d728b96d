using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Text;
using NodaTime;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// Answers a query from the index: gathers candidates, applies the hard filters, scores the survivors with
/// numbers only, sorts, and builds readable matches (with their reasons) only for the ones returned.
/// </summary>
internal static class ReferralMatcher
{
    // By urgent or not, then open 24/7, open now or closed now.
    private static readonly string[] AvailabilityReasons =
        ["open 24/7", "open now", "closed now", "not urgent, so not scored: open 24/7", "not urgent, so not scored: open now", "not urgent, so not scored: closed now"];

    // Degrees of latitude spanning the distance horizon and a kilometre.
    private static readonly double BeyondHorizonDegrees =
        (RankingWeights.DistanceHorizonKilometers + 1) / GreatCircle.MeanEarthRadiusKilometers * (180 / Math.PI);

    private static readonly string[] FactorNames =
        ["", "distance", "locality", "language", "availability", "warmTransfer", "freshness", "needsCovered", "capacity"];

    public static ReferralResult Match(ReferralIndex index, ReferralQuery query)
    {
        // The working arrays are the thread's own, reused from query to query; nothing of them reaches the result.
        var scratch = Scratch.Take();
        try
        {
            return Match(index, query, scratch);
        }
        finally
        {
            Scratch.Return(scratch);
        }
    }

    private static ReferralResult Match(ReferralIndex index, ReferralQuery query, Scratch scratch)
    {
        var needs = query.Needs;
        var candidates = scratch.Candidates;
        foreach (var need in needs)
        {
            index.Candidates(need, query.Place, candidates);
        }

        candidates.Sort();
        var context = new Context(query);
        var scored = scratch.ScoredFor(candidates.Count);
        var eligible = 0;
        var previous = -1;
        foreach (var i in CollectionsMarshal.AsSpan(candidates))
        {
            if (i == previous)
            {
                continue;
            }

            previous = i;
            ref readonly var entry = ref index.Entries[i];
            if (Filter(entry, context) is { } level)
            {
                var points = Score(entry, level, context);
                scored[eligible++] = new Scored(i, level, entry.TypeMask & context.NeedMask, points.Total);
            }
        }

        // Scores are whole hundredths, so (10000 - hundredths, position) packed in a long sorts by score
        // descending then service id ascending without comparing the structs.
        var keys = scratch.KeysFor(eligible).AsSpan(0, eligible);
        for (var k = 0; k < keys.Length; k++)
        {
            keys[k] = ((10_000L - (long)Math.Round(scored[k].Total * 100)) << 32) | (uint)k;
        }

        keys.Sort();
        var count = Math.Min(query.Count, eligible);
        var matches = new ReferralMatch[count];
        for (var r = 0; r < count; r++)
        {
            ref readonly var s = ref scored[(int)(keys[r] & 0xFFFF_FFFF)];
            matches[r] = Build(index.Entries[s.Index], s, context, r + 1);
        }

        var (plan, uncovered) = Plan(index, scored, keys, needs, scratch);
        return new ReferralResult(query, ImmutableCollectionsMarshal.AsImmutableArray(matches), eligible, plan, uncovered);
    }

    /// <summary>The coverage level when every hard filter passes; otherwise null.</summary>
    private static CoverageLevel? Filter(in ServiceEntry entry, Context context)
    {
        var query = context.Query;
        if ((entry.TypeMask & context.NeedMask) == 0)
        {
            return null;
        }

        if (query.ExcludeFull && entry.Service.Capacity == Capacity.Full)
        {
            return null;
        }

        var level = entry.Cover(query.Place, context.Origin);
        return level is not null && entry.Service.Population.IsEligible(query.Client) ? level : null;
    }

    // Every eligible service is scored to rank it, but only the ones returned are explained, so the
    // points are recomputed (by this same method) for those rather than kept for all. Ranking needs only
    // the points, and a location further north or south of the place than the distance horizon scores
    // none, so its distance is measured only to explain (no great-circle distance is shorter than the
    // difference in latitude, and the kilometre of margin dwarfs rounding).
    private static Points Score(in ServiceEntry entry, CoverageLevel level, Context context, bool explain = false)
    {
        var query = context.Query;
        var service = entry.Service;
        var p = new Points { Distance = double.NaN };

        if (query.Place.Kind != ReferralPlaceKind.State)
        {
            for (var i = 0; i < service.Locations.Length; i++)
            {
                var point = entry.PointOf(i, context.ForPublic);
                if (!explain && Math.Abs(point.Latitude - query.Place.Point.Latitude) > BeyondHorizonDegrees)
                {
                    continue;
                }

                var d = GreatCircle.DistanceKilometersFrom(context.Origin, point);
                if (!(d >= p.Distance))
                {
                    p.Distance = d;
                }
            }
        }

        p.DistancePoints = double.IsNaN(p.Distance) ? 0 : Round(RankingWeights.Distance * Math.Max(0, 1 - (p.Distance / RankingWeights.DistanceHorizonKilometers)));
        p.LocalityPoints = LocalityPoints(level);
        p.LanguagePoints = context.Language is { } language && entry.OffersLanguage(language) ? RankingWeights.Language : 0;
        if (query.Urgency == Urgency.Urgent)
        {
            p.AvailabilityPoints = service.Availability.IsAlwaysOpen ? RankingWeights.Availability
                : service.Availability.IsOpen(query.At, context.QueryYear) ? 10 : 0;
        }

        p.WarmTransferPoints = service.AcceptsWarmTransfers ? RankingWeights.WarmTransfer : 0;
        var age = Math.Max(0, context.QueryDay - entry.VerifiedDay);
        p.FreshnessPoints = Round(RankingWeights.Freshness * Math.Max(0, 1 - (age / (double)RankingWeights.FreshnessHorizonDays)));
        var needCount = query.Needs.Length;
        p.NeedsPoints = needCount > 1 ? Round(RankingWeights.NeedsCovered * (uint.PopCount(entry.TypeMask & context.NeedMask) - 1) / (needCount - 1)) : 0;
        p.CapacityPoints = service.Capacity switch
        {
            Capacity.Accepting => RankingWeights.Capacity,
            Capacity.Waitlist => 2,
            _ => 0,
        };
        p.Total = Round(p.DistancePoints + p.LocalityPoints + p.LanguagePoints + p.AvailabilityPoints + p.WarmTransferPoints
            + p.FreshnessPoints + p.NeedsPoints + p.CapacityPoints);
        return p;
    }

    internal static double LocalityPoints(CoverageLevel level) => level switch
    {
        CoverageLevel.Zip => RankingWeights.Locality,
        CoverageLevel.Radius or CoverageLevel.County => 12,
        CoverageLevel.State => 6,
        _ => 0,
    };

    internal static double Round(double points) => Math.Round(points * 100, MidpointRounding.AwayFromZero) / 100;

    private static ReferralMatch Build(in ServiceEntry entry, in Scored s, Context context, int rank)
    {
        var p = Score(entry, s.Level, context, explain: true);
        var query = context.Query;
        var service = entry.Service;
        var place = query.Place;
        var withholdConfidential = context.ForPublic;
        var locations = new (double Distance, int Index, ServiceLocation Location)[service.Locations.Length];
        for (var i = 0; i < locations.Length; i++)
        {
            var location = service.Locations[i];
            locations[i] = (place.Kind == ReferralPlaceKind.State ? 0 : GreatCircle.DistanceKilometersFrom(context.Origin, entry.PointOf(i, context.ForPublic)), i, location);
        }

        // Equal distances keep the listed order (a public cell centre can tie with another location).
        locations.AsSpan().Sort(static (a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.Index.CompareTo(b.Index));
        var matched = new MatchedLocation[locations.Length];
        for (var i = 0; i < locations.Length; i++)
        {
            var (distance, _, location) = locations[i];
            matched[i] = new MatchedLocation(location, place.Kind == ReferralPlaceKind.State ? null : distance, withholdConfidential && location.IsConfidential);
        }

        var covered = new ServiceType[uint.PopCount(s.Covered)];
        var coveredCount = 0;
        foreach (var need in query.Needs)
        {
            if ((s.Covered & (1u << (int)need)) != 0)
            {
                covered[coveredCount++] = need;
            }
        }

        var isOpen = service.Availability.IsOpen(query.At, context.QueryYear);
        var nearest = locations.Length > 0 ? locations[0].Location : null;
        var org = entry.Organization;
        return new ReferralMatch(service, org, new Explanation(context, service, s.Level, p, nearest, covered, isOpen, Math.Max(0, context.QueryDay - entry.VerifiedDay)))
        {
            Rank = rank,
            CoveredNeeds = ImmutableCollectionsMarshal.AsImmutableArray(covered),
            Coverage = s.Level,
            DistanceKilometers = double.IsNaN(p.Distance) ? null : p.Distance,
            Locations = ImmutableCollectionsMarshal.AsImmutableArray(matched),
            IsOpenAtQueryTime = isOpen,
            Score = s.Total,
        };
    }

    /// <summary>
    /// What a returned match's breakdown and reasons are made from, kept by the match until they are first read: the
    /// query's context (shared by the result's matches), the service, its coverage, points, nearest location, covered
    /// needs, whether it is open at the query's instant and the days since it was verified.
    /// </summary>
    private sealed class Explanation(
        Context context, Service service, CoverageLevel level, Points p, ServiceLocation? nearest, ServiceType[] covered, bool isOpen, int daysSinceVerified)
        : IReferralExplanation
    {
        public (ImmutableArray<ScoreComponent> Breakdown, ImmutableArray<string> Reasons) Explain()
        {
            var query = context.Query;
            var place = query.Place;
            var distanceMeasured = nearest is not null && place.Kind != ReferralPlaceKind.State;
            var availability = service.Availability.IsAlwaysOpen ? AvailabilityState.AlwaysOpen : isOpen ? AvailabilityState.OpenNow : AvailabilityState.ClosedNow;
            ScoreComponent[] breakdown =
            [
                new ScoreComponent(ReferralFactor.Distance, p.DistancePoints, RankingWeights.Distance,
                    nearest is null ? "no location listed"
                    : place.Kind == ReferralPlaceKind.State ? "distance not scored for a whole-state place"
                    : string.Concat(NumberText.Kilometers(p.Distance), " km away (", nearest.City, ", ", nearest.State.Code, ")"))
                {
                    IsScored = distanceMeasured,
                    DistanceKilometers = distanceMeasured ? Math.Round(p.Distance * 10, MidpointRounding.AwayFromZero) / 10 : null,
                    NearestCity = distanceMeasured ? nearest!.City : null,
                    NearestState = distanceMeasured ? nearest!.State : null,
                },
                new ScoreComponent(ReferralFactor.Locality, p.LocalityPoints, RankingWeights.Locality, context.LocalityReason(level)) { Coverage = level },
                new ScoreComponent(ReferralFactor.Language, p.LanguagePoints, RankingWeights.Language, context.LanguageReason(p.LanguagePoints > 0))
                {
                    IsScored = query.Language is not null,
                    Language = query.Language,
                    LanguageOffered = query.Language is null ? null : p.LanguagePoints > 0,
                },
                new ScoreComponent(ReferralFactor.Availability, p.AvailabilityPoints, RankingWeights.Availability,
                    AvailabilityReasons[(query.Urgency == Urgency.Urgent ? 0 : 3) + (service.Availability.IsAlwaysOpen ? 0 : isOpen ? 1 : 2)])
                {
                    IsScored = query.Urgency == Urgency.Urgent,
                    Availability = availability,
                    ClosesAt = availability == AvailabilityState.OpenNow ? NextChange(service.Availability, query.At, context.QueryYear, opening: false) : null,
                    OpensAt = availability == AvailabilityState.ClosedNow ? NextChange(service.Availability, query.At, context.QueryYear, opening: true) : null,
                },
                new ScoreComponent(ReferralFactor.WarmTransfer, p.WarmTransferPoints, RankingWeights.WarmTransfer,
                    service.AcceptsWarmTransfers ? "accepts warm transfers" : "no warm transfers")
                { AcceptsWarmTransfers = service.AcceptsWarmTransfers },
                new ScoreComponent(ReferralFactor.Freshness, p.FreshnessPoints, RankingWeights.Freshness,
                    string.Concat("verified ", NumberText.Date(service.LastVerified), " (", Days(daysSinceVerified), " before the query)"))
                { LastVerified = service.LastVerified, DaysSinceVerified = daysSinceVerified },
                new ScoreComponent(ReferralFactor.NeedsCovered, p.NeedsPoints, RankingWeights.NeedsCovered,
                    query.Needs.Length == 1 ? "covers the need"
                    : string.Concat("covers ", covered.Length.ToString(CultureInfo.InvariantCulture), " of ", query.Needs.Length.ToString(CultureInfo.InvariantCulture), " needs"))
                { IsScored = query.Needs.Length > 1, NeedsCovered = covered.Length, NeedsAsked = query.Needs.Length },
                new ScoreComponent(ReferralFactor.Capacity, p.CapacityPoints, RankingWeights.Capacity, service.Capacity switch
                {
                    Capacity.Accepting => "accepting new clients",
                    Capacity.Waitlist => "waitlist",
                    _ => "full",
                })
                { Capacity = service.Capacity },
            ];

            var reasons = new string[breakdown.Length + 1];
            reasons[0] = string.Concat("offers ", covered.Length == 1 ? WireNames.Of(covered[0]) : Ids(covered), "; eligible for the client's profile");
            for (var i = 0; i < breakdown.Length; i++)
            {
                var component = breakdown[i];
                reasons[i + 1] = string.Concat("+", NumberText.Points(component.Points), " ", FactorNames[(int)component.Factor], ": ", component.Reason);
            }

            return (ImmutableCollectionsMarshal.AsImmutableArray(breakdown), ImmutableCollectionsMarshal.AsImmutableArray(reasons));
        }
    }

    /// <summary>
    /// The next closing (or opening) of a calendar-bound service after the query's instant, in the calendar's zone;
    /// null when there is none, or the instant is outside the years the calendar answers for (closed, as for IsOpen).
    /// </summary>
    private static ZonedDateTime? NextChange(ServiceAvailability availability, Instant at, int utcYear, bool opening)
    {
        var calendar = availability.Calendar!;
        if (utcYear <= calendar.FirstSupportedYear || utcYear >= calendar.LastSupportedYear)
        {
            return null;
        }

        var next = opening ? calendar.NextOpening(at) : calendar.NextClosing(at);
        return next?.InZone(calendar.Zone);
    }

    private static string Ids(ServiceType[] types)
    {
        var ids = new string[types.Length];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = WireNames.Of(types[i]);
        }

        return string.Join(", ", ids);
    }

    private static string Days(long days) => days == 1 ? "1 day" : string.Concat(days.ToString(CultureInfo.InvariantCulture), " days");

    private static string LocalityReason(CoverageLevel level, ReferralPlace place) => level switch
    {
        CoverageLevel.Zip => place.Kind is ReferralPlaceKind.Zip or ReferralPlaceKind.Point ? $"serves ZIP {place.Zip!.Zip}" : $"serves ZIP codes in {PlaceName(place)}",
        CoverageLevel.Radius => place.Kind == ReferralPlaceKind.State ? $"serves a radius centred in {place.State!.Name}" : "serves a radius that reaches the place",
        CoverageLevel.County => place.Kind == ReferralPlaceKind.State ? $"serves counties in {place.State!.Name}" : $"serves {place.County!.Name} county, {place.County.State.Code}",
        CoverageLevel.State => $"serves all of {place.State!.Name}",
        _ => "national service",
    };

    private static string PlaceName(ReferralPlace place) => place.Kind == ReferralPlaceKind.State ? place.State!.Name : $"{place.County!.Name} county, {place.County.State.Code}";

    private static (ImmutableArray<ReferralPlanStep> Plan, ImmutableArray<ServiceType> Uncovered) Plan(
        ReferralIndex index, Scored[] scored, ReadOnlySpan<long> ranked, ImmutableArray<ServiceType> needs, Scratch scratch)
    {
        uint all = 0;
        foreach (var need in needs)
        {
            all |= 1u << (int)need;
        }

        // Per organization: the needs its eligible services cover, its best score (the first seen in rank
        // order), and for each need the rank of its first service covering it; for one need only the best
        // service counts. Organizations are told apart by their position, which needs no organization read
        // from memory.
        var seen = needs.Length == 1 ? Math.Min(1, ranked.Length) : ranked.Length;
        var orgs = scratch.Organizations;
        var infos = scratch.InfosFor(seen);
        var firstRanks = scratch.FirstRanksFor(seen * needs.Length);
        var infoCount = 0;
        for (var r = 0; r < seen; r++)
        {
            ref readonly var s = ref scored[(int)(ranked[r] & 0xFFFF_FFFF)];
            ref readonly var entry = ref index.Entries[s.Index];
            if (orgs.TryGetValue(entry.OrganizationIndex, out var i))
            {
                infos[i].Mask |= s.Covered;
            }
            else
            {
                orgs.Add(entry.OrganizationIndex, i = infoCount++);
                infos[i] = (entry.Organization, s.Covered, s.Total);
            }

            // Rank + 1, so that 0 is none.
            for (var k = 0; k < needs.Length; k++)
            {
                ref var first = ref firstRanks[(i * needs.Length) + k];
                if (first == 0 && (s.Covered & (1u << (int)needs[k])) != 0)
                {
                    first = r + 1;
                }
            }
        }

        var steps = ImmutableArray.CreateBuilder<ReferralPlanStep>();
        var covered = 0u;
        while (covered != all)
        {
            var best = -1;
            var bestGain = 0;
            for (var i = 0; i < infoCount; i++)
            {
                // Infos are in rank order of their best service, so a later one wins only with a larger
                // gain, or an equal gain, equal best score and a smaller id.
                var gain = (int)uint.PopCount(infos[i].Mask & all & ~covered);
                if (gain > bestGain
                    || (gain == bestGain && gain > 0 && infos[i].Best == infos[best].Best && string.CompareOrdinal(infos[i].Org.Id, infos[best].Org.Id) < 0))
                {
                    (best, bestGain) = (i, gain);
                }
            }

            if (best < 0)
            {
                break;
            }

            var chosen = infos[best];
            var stepNeeds = ImmutableArray.CreateBuilder<ServiceType>(bestGain);
            var serviceIds = ImmutableArray.CreateBuilder<string>(bestGain);
            for (var k = 0; k < needs.Length; k++)
            {
                var bit = 1u << (int)needs[k];
                if ((chosen.Mask & bit) != 0 && (covered & bit) == 0)
                {
                    var rank = firstRanks[(best * needs.Length) + k] - 1;
                    stepNeeds.Add(needs[k]);
                    serviceIds.Add(index.Entries[scored[(int)(ranked[rank] & 0xFFFF_FFFF)].Index].Service.Id);
                }
            }

            covered |= chosen.Mask & all;
            steps.Add(new ReferralPlanStep(chosen.Org.Id, chosen.Org.Name, stepNeeds.MoveToImmutable(), serviceIds.MoveToImmutable()));
        }

        var uncovered = ImmutableArray.CreateBuilder<ServiceType>();
        foreach (var need in needs)
        {
            if ((covered & (1u << (int)need)) == 0)
            {
                uncovered.Add(need);
            }
        }

        return (steps.ToImmutable(), uncovered.ToImmutable());
    }

    private sealed class Context(ReferralQuery query)
    {
        public ReferralQuery Query { get; } = query;

        /// <summary>True unless the results are for advocates: confidential locations are then seen only through the grid.</summary>
        public bool ForPublic { get; } = query.Audience != ReferralAudience.Advocate;

        public uint NeedMask { get; } = NeedsMask(query.Needs);

        /// <summary>The place's point, where distances are measured from.</summary>
        public GreatCircle.Endpoint Origin { get; } = new(query.Place.Point);

        public string? Language { get; } = query.Language?.Language;

        public int QueryDay { get; } = ServiceEntry.DayNumber(query.At.InUtc().Date);

        public int QueryYear { get; } = query.At.InUtc().Year;

        private static readonly int CoverageLevels = Enum.GetValues<CoverageLevel>().Length + 1;

        private readonly string?[] _localityReasons = new string?[CoverageLevels];

        /// <summary>Why the level scores as it does at the query's place; the same for every match at that level.</summary>
        public string LocalityReason(CoverageLevel level) => _localityReasons[(int)level] ??= ReferralMatcher.LocalityReason(level, Query.Place);

        public string LanguageReason(bool offered) =>
            Query.Language is null ? "no language asked for" : string.Concat(offered ? "offers " : "does not list ", Query.Language.Value);

        private static uint NeedsMask(ImmutableArray<ServiceType> needs)
        {
            uint mask = 0;
            foreach (var need in needs)
            {
                mask |= 1u << (int)need;
            }

            return mask;
        }
    }

    /// <summary>
    /// A thread's working arrays for one query at a time: the candidates, their scores, the sort keys and the plan's
    /// tables. Taken at the start of a query and given back at its end (a query inside a query, from a telemetry
    /// listener say, gets fresh ones); arrays grown past <see cref="KeptLength"/> entries are not kept.
    /// </summary>
    private sealed class Scratch
    {
        private const int KeptLength = 1 << 16;

        [ThreadStatic]
        private static Scratch? t_current;

        private Scored[] _scored = new Scored[512];
        private long[] _keys = new long[512];
        private (Organization Org, uint Mask, double Best)[] _infos = new (Organization, uint, double)[64];
        private int[] _firstRanks = new int[256];
        private int _infosInUse;

        public List<int> Candidates { get; } = new(1024);

        public Dictionary<int, int> Organizations { get; } = new(64);

        public static Scratch Take()
        {
            var scratch = t_current ?? new Scratch();
            t_current = null;
            return scratch;
        }

        public static void Return(Scratch scratch)
        {
            if (scratch.Candidates.Capacity > KeptLength || scratch._scored.Length > KeptLength || scratch._keys.Length > KeptLength
                || scratch._infos.Length > KeptLength || scratch._firstRanks.Length > KeptLength || scratch.Organizations.Count > KeptLength)
            {
                return;
            }

            // The thread keeps the arrays: they must not keep the organizations (and their directory) alive.
            scratch.Candidates.Clear();
            scratch.Organizations.Clear();
            scratch._infos.AsSpan(0, scratch._infosInUse).Clear();
            scratch._infosInUse = 0;
            t_current = scratch;
        }

        public Scored[] ScoredFor(int length) => _scored.Length >= length ? _scored : _scored = new Scored[Grow(length)];

        public long[] KeysFor(int length) => _keys.Length >= length ? _keys : _keys = new long[Grow(length)];

        public (Organization Org, uint Mask, double Best)[] InfosFor(int length)
        {
            _infosInUse = length;
            return _infos.Length >= length ? _infos : _infos = new (Organization, uint, double)[Grow(length)];
        }

        // Cleared: a zero rank is "none yet".
        public int[] FirstRanksFor(int length)
        {
            if (_firstRanks.Length < length)
            {
                _firstRanks = new int[Grow(length)];
            }
            else
            {
                Array.Clear(_firstRanks, 0, length);
            }

            return _firstRanks;
        }

        private static int Grow(int length) => (int)Math.Min(Array.MaxLength, Math.Max(2L * length, 512));
    }

    /// <summary>What ranking and the plan need of an eligible service.</summary>
    private readonly record struct Scored(int Index, CoverageLevel Level, uint Covered, double Total);

    /// <summary>A service's points for each factor; NaN distance when it lists no location or the place is a state.</summary>
    private struct Points
    {
        public double Distance;
        public double DistancePoints;
        public double LocalityPoints;
        public double LanguagePoints;
        public double AvailabilityPoints;
        public double WarmTransferPoints;
        public double FreshnessPoints;
        public double NeedsPoints;
        public double CapacityPoints;
        public double Total;
    }
}
