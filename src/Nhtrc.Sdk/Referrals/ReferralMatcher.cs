using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Globalization;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// Answers a query from the index: gathers candidates, applies the hard filters, scores the survivors with
/// numbers only, sorts, and builds readable matches (with their reasons) only for the ones returned.
/// </summary>
internal static class ReferralMatcher
{
    private static readonly string[] FactorNames =
        ["", "distance", "locality", "language", "availability", "warmTransfer", "freshness", "needsCovered", "capacity"];

    public static ReferralResult Match(ReferralIndex index, ReferralQuery query)
    {
        var needs = query.Needs;
        uint needMask = 0;
        var candidates = new List<int>(256);
        foreach (var need in needs)
        {
            needMask |= 1u << (int)need;
            index.Candidates(need, query.Place, candidates);
        }

        candidates.Sort();
        var context = new Context(query);
        var scored = new List<Scored>(candidates.Count);
        var previous = -1;
        foreach (var i in candidates)
        {
            if (i == previous)
            {
                continue;
            }

            previous = i;
            ref readonly var entry = ref index.Entries[i];
            if (Filter(entry, query, needMask) is { } level)
            {
                scored.Add(Score(i, entry, level, context, needMask));
            }
        }

        // Scores are whole hundredths, so (10000 - hundredths, position) packed in a long sorts by score
        // descending then service id ascending without comparing the large structs.
        var keys = new long[scored.Count];
        for (var k = 0; k < keys.Length; k++)
        {
            keys[k] = ((10_000L - (long)Math.Round(scored[k].Total * 100)) << 32) | (uint)k;
        }

        Array.Sort(keys);
        var count = Math.Min(query.Count, scored.Count);
        var matches = ImmutableArray.CreateBuilder<ReferralMatch>(count);
        for (var r = 0; r < count; r++)
        {
            var s = scored[(int)(keys[r] & 0xFFFF_FFFF)];
            matches.Add(Build(index.Entries[s.Index], s, context, r + 1));
        }

        var (plan, uncovered) = Plan(index, scored, keys, needs);
        return new ReferralResult(query, matches.MoveToImmutable(), scored.Count, plan, uncovered);
    }

    /// <summary>The coverage level when every hard filter passes; otherwise null.</summary>
    public static CoverageLevel? Filter(in ServiceEntry entry, ReferralQuery query, uint needMask)
    {
        if ((entry.TypeMask & needMask) == 0)
        {
            return null;
        }

        if (query.ExcludeFull && entry.Service.Capacity == Capacity.Full)
        {
            return null;
        }

        var level = entry.Cover(query.Place);
        return level is not null && entry.Service.Population.Why(query.Client) is null ? level : null;
    }

    private static Scored Score(int index, in ServiceEntry entry, CoverageLevel level, Context context, uint needMask)
    {
        var query = context.Query;
        var service = entry.Service;
        var s = new Scored { Index = index, Level = level, Distance = double.NaN };

        if (query.Place.Kind != ReferralPlaceKind.State)
        {
            foreach (var location in service.Locations)
            {
                var d = GreatCircle.DistanceKilometers(query.Place.Point, location.Point);
                if (!(d >= s.Distance))
                {
                    s.Distance = d;
                }
            }
        }

        s.DistancePoints = double.IsNaN(s.Distance) ? 0 : Round(RankingWeights.Distance * Math.Max(0, 1 - (s.Distance / RankingWeights.DistanceHorizonKilometers)));
        s.LocalityPoints = LocalityPoints(level);
        s.LanguagePoints = context.Language is { } language && entry.OffersLanguage(language) ? RankingWeights.Language : 0;
        if (query.Urgency == Urgency.Urgent)
        {
            s.AvailabilityPoints = service.Availability.IsAlwaysOpen ? RankingWeights.Availability
                : service.Availability.IsOpen(query.At) ? 10 : 0;
        }

        s.WarmTransferPoints = service.AcceptsWarmTransfers ? RankingWeights.WarmTransfer : 0;
        var age = Math.Max(0, context.QueryDay - entry.VerifiedDay);
        s.FreshnessPoints = Round(RankingWeights.Freshness * Math.Max(0, 1 - (age / (double)RankingWeights.FreshnessHorizonDays)));
        s.Covered = entry.TypeMask & needMask;
        var needCount = query.Needs.Length;
        s.NeedsPoints = needCount > 1 ? Round(RankingWeights.NeedsCovered * (uint.PopCount(s.Covered) - 1) / (needCount - 1)) : 0;
        s.CapacityPoints = service.Capacity switch
        {
            Capacity.Accepting => RankingWeights.Capacity,
            Capacity.Waitlist => 2,
            _ => 0,
        };
        s.Total = Round(s.DistancePoints + s.LocalityPoints + s.LanguagePoints + s.AvailabilityPoints + s.WarmTransferPoints
            + s.FreshnessPoints + s.NeedsPoints + s.CapacityPoints);
        return s;
    }

    internal static double LocalityPoints(CoverageLevel level) => level switch
    {
        CoverageLevel.Zip => RankingWeights.Locality,
        CoverageLevel.Radius or CoverageLevel.County => 12,
        CoverageLevel.State => 6,
        _ => 0,
    };

    internal static double Round(double points) => Math.Round(points * 100, MidpointRounding.AwayFromZero) / 100;

    private static ReferralMatch Build(in ServiceEntry entry, Scored s, Context context, int rank)
    {
        var query = context.Query;
        var service = entry.Service;
        var place = query.Place;
        var withholdConfidential = query.Audience != ReferralAudience.Advocate;
        var locations = new List<(double Distance, ServiceLocation Location)>(service.Locations.Length);
        foreach (var location in service.Locations)
        {
            locations.Add((place.Kind == ReferralPlaceKind.State ? 0 : GreatCircle.DistanceKilometers(place.Point, location.Point), location));
        }

        locations.Sort(static (a, b) => a.Distance.CompareTo(b.Distance));
        var matched = ImmutableArray.CreateBuilder<MatchedLocation>(locations.Count);
        foreach (var (distance, location) in locations)
        {
            matched.Add(new MatchedLocation(location, place.Kind == ReferralPlaceKind.State ? null : distance, withholdConfidential && location.IsConfidential));
        }

        var covered = ImmutableArray.CreateBuilder<ServiceType>();
        foreach (var need in query.Needs)
        {
            if ((s.Covered & (1u << (int)need)) != 0)
            {
                covered.Add(need);
            }
        }

        var isOpen = service.Availability.IsOpen(query.At);
        var nearest = locations.Count > 0 ? locations[0].Location : null;
        var breakdown = ImmutableArray.Create(
            new ScoreComponent(ReferralFactor.Distance, s.DistancePoints, RankingWeights.Distance,
                nearest is null ? "no location listed"
                : place.Kind == ReferralPlaceKind.State ? "distance not scored for a whole-state place"
                : string.Concat(NumberText.Kilometers(s.Distance), " km away (", nearest.City, ", ", nearest.State.Code, ")")),
            new ScoreComponent(ReferralFactor.Locality, s.LocalityPoints, RankingWeights.Locality, LocalityReason(s.Level, place)),
            new ScoreComponent(ReferralFactor.Language, s.LanguagePoints, RankingWeights.Language,
                query.Language is null ? "no language asked for"
                : string.Concat(s.LanguagePoints > 0 ? "offers " : "does not list ", query.Language.Value)),
            new ScoreComponent(ReferralFactor.Availability, s.AvailabilityPoints, RankingWeights.Availability,
                (query.Urgency == Urgency.Urgent ? "" : "not urgent, so not scored: ")
                + (service.Availability.IsAlwaysOpen ? "open 24/7" : isOpen ? "open now" : "closed now")),
            new ScoreComponent(ReferralFactor.WarmTransfer, s.WarmTransferPoints, RankingWeights.WarmTransfer,
                service.AcceptsWarmTransfers ? "accepts warm transfers" : "no warm transfers"),
            new ScoreComponent(ReferralFactor.Freshness, s.FreshnessPoints, RankingWeights.Freshness,
                string.Create(CultureInfo.InvariantCulture, $"verified {NumberText.Date(service.LastVerified)} ({Days(Math.Max(0, context.QueryDay - entry.VerifiedDay))} before the query)")),
            new ScoreComponent(ReferralFactor.NeedsCovered, s.NeedsPoints, RankingWeights.NeedsCovered,
                query.Needs.Length == 1 ? "covers the need" : string.Create(CultureInfo.InvariantCulture, $"covers {covered.Count} of {query.Needs.Length} needs")),
            new ScoreComponent(ReferralFactor.Capacity, s.CapacityPoints, RankingWeights.Capacity, service.Capacity switch
            {
                Capacity.Accepting => "accepting new clients",
                Capacity.Waitlist => "waitlist",
                _ => "full",
            }));

        var reasons = ImmutableArray.CreateBuilder<string>(breakdown.Length + 1);
        reasons.Add(covered.Count == 1
            ? string.Concat("offers ", ReferralIds.Of(covered[0]), "; eligible for the client's profile")
            : string.Concat("offers ", string.Join(", ", covered.Select(ReferralIds.Of)), "; eligible for the client's profile"));
        foreach (var component in breakdown)
        {
            reasons.Add(string.Concat("+", NumberText.Points(component.Points), " ", FactorNames[(int)component.Factor], ": ", component.Reason));
        }

        var org = entry.Organization;
        return new ReferralMatch
        {
            Rank = rank,
            ServiceId = service.Id,
            ServiceName = service.Name,
            OrganizationId = org.Id,
            OrganizationName = org.Name,
            OrganizationKind = org.Kind,
            Website = org.Website,
            ServiceTypes = service.Types,
            CoveredNeeds = covered.ToImmutable(),
            Coverage = s.Level,
            DistanceKilometers = double.IsNaN(s.Distance) ? null : s.Distance,
            Locations = matched.MoveToImmutable(),
            Contacts = service.Contacts,
            Languages = service.Languages,
            IsAlwaysOpen = service.Availability.IsAlwaysOpen,
            IsOpenAtQueryTime = isOpen,
            AcceptsWarmTransfers = service.AcceptsWarmTransfers,
            Capacity = service.Capacity,
            LastVerified = service.LastVerified,
            Score = s.Total,
            Breakdown = breakdown,
            Reasons = reasons.MoveToImmutable(),
        };
    }

    private static string Days(long days) => days == 1 ? "1 day" : string.Create(CultureInfo.InvariantCulture, $"{days} days");

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
        ReferralIndex index, List<Scored> scored, long[] ranked, ImmutableArray<ServiceType> needs)
    {
        uint all = 0;
        foreach (var need in needs)
        {
            all |= 1u << (int)need;
        }

        // Per organization: the needs its eligible services cover, and its best score (the first seen in rank order).
        var orgs = new Dictionary<Organization, int>();
        var infos = new List<(Organization Org, uint Mask, double Best)>();
        foreach (var key in ranked)
        {
            var s = scored[(int)(key & 0xFFFF_FFFF)];
            var org = index.Entries[s.Index].Organization;
            if (orgs.TryGetValue(org, out var i))
            {
                infos[i] = (org, infos[i].Mask | s.Covered, infos[i].Best);
            }
            else
            {
                orgs.Add(org, infos.Count);
                infos.Add((org, s.Covered, s.Total));
            }

            if (needs.Length == 1)
            {
                break;
            }
        }

        var steps = ImmutableArray.CreateBuilder<ReferralPlanStep>();
        var covered = 0u;
        while (covered != all)
        {
            var best = -1;
            var bestGain = 0;
            for (var i = 0; i < infos.Count; i++)
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
            var stepNeeds = ImmutableArray.CreateBuilder<ServiceType>();
            var serviceIds = ImmutableArray.CreateBuilder<string>();
            foreach (var need in needs)
            {
                var bit = 1u << (int)need;
                if ((chosen.Mask & bit) == 0 || (covered & bit) != 0)
                {
                    continue;
                }

                foreach (var key in ranked)
                {
                    var s = scored[(int)(key & 0xFFFF_FFFF)];
                    var entry = index.Entries[s.Index];
                    if (entry.Organization == chosen.Org && (s.Covered & bit) != 0)
                    {
                        stepNeeds.Add(need);
                        serviceIds.Add(entry.Service.Id);
                        break;
                    }
                }
            }

            covered |= chosen.Mask & all;
            steps.Add(new ReferralPlanStep(chosen.Org.Id, chosen.Org.Name, stepNeeds.ToImmutable(), serviceIds.ToImmutable()));
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

        public string? Language { get; } = query.Language?.Language;

        public int QueryDay { get; } = ServiceEntry.DayNumber(query.At.InUtc().Date);
    }

    private struct Scored
    {
        public int Index;
        public CoverageLevel Level;
        public double Distance;
        public uint Covered;
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
