using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Testing;

namespace Nhtrc.Sdk.Tests.Referrals;

[Properties(Arbitrary = [typeof(NhtrcArbitraries)], MaxTest = 300)]
public class ReferralMatchingPropertyTests
{
    [Property]
    public Property Match_ReturnsWhatANaiveScanReturns_InTheSameOrder_WithTheSameScores(ReferralCase c)
    {
        var expected = NaiveReferralMatcher.Eligible(c.Directory, c.Query);
        var result = c.Directory.Match(c.Query);

        var actual = result.Matches.Select(m => (m.ServiceId, m.Score, m.Coverage)).ToList();
        var wanted = expected.Take(c.Query.Count).Select(r => (r.ServiceId, r.Score, r.Level)).ToList();
        return (actual.SequenceEqual(wanted) && result.EligibleCount == expected.Count)
            .Label($"expected {string.Join(" ", wanted)} of {expected.Count}; got {string.Join(" ", actual)} of {result.EligibleCount}");
    }

    [Property]
    public Property EveryMatch_SatisfiesEveryHardFilter(ReferralCase c)
    {
        var q = c.Query;
        return c.Directory.Match(q).Matches.All(m =>
        {
            c.Directory.TryGetService(m.ServiceId, out var s, out _);
            return s!.Types.Any(q.Needs.Contains)
                && m.CoveredNeeds.All(s.Types.Contains) && !m.CoveredNeeds.IsEmpty
                && NaiveReferralMatcher.Level(NaiveReferralMatcher.Coarse(s), q.Place, c.Directory.Gazetteer) is not null
                && NaiveReferralMatcher.Admits(s.Population, q.Client)
                && !(q.ExcludeFull && s.Capacity == Capacity.Full);
        }).ToProperty();
    }

    [Property]
    public Property Match_IsDeterministic_AndScoresAddUp(ReferralCase c)
    {
        var a = c.Directory.Match(c.Query);
        // The same organizations indexed afresh, in reverse order: the result depends on the data, not on how it was built.
        var b = ReferralDirectory.Create(c.Directory.Organizations.Reverse(), c.Directory.Gazetteer).Match(c.Query);
        return (a.ToString() == b.ToString()
            && a.Matches.Select((m, i) => m.Rank == i + 1).All(x => x)
            && a.Matches.All(m => System.Math.Abs(m.Breakdown.Sum(f => f.Points) - m.Score) < 0.006 && m.Breakdown.All(f => f.Points >= 0 && f.Points <= f.MaxPoints))
            && Plan(a) == Plan(b)).ToProperty();
    }

    private static string Plan(ReferralResult r) =>
        string.Join(";", r.Plan.Select(s => $"{s.OrganizationId}:{string.Join(",", s.Needs)}:{string.Join(",", s.ServiceIds)}")) + "/" + string.Join(",", r.UncoveredNeeds);

    [Property]
    public Property PublicResults_NeverCarryConfidentialAddresses(ReferralCase c)
    {
        var query = new ReferralQuery
        {
            Needs = c.Query.Needs, Place = c.Query.Place, Client = c.Query.Client, At = c.Query.At, Count = ReferralQuery.MaximumCount,
            Audience = ReferralAudience.Public,
        };
        var result = c.Directory.Match(query);
        var secrets = c.Directory.Organizations.SelectMany(o => o.Services).SelectMany(s => s.Locations)
            .Where(l => l.IsConfidential).Select(l => l.StreetAddress!).ToHashSet();
        var text = result.ToString() + string.Join("|", result.Matches.SelectMany(m => m.Reasons));
        return (result.Matches.SelectMany(m => m.Locations).Where(l => l.IsConfidential).All(l => l.StreetAddress is null && l.Point is null && l.Zip is null)
            && result.Matches.SelectMany(m => m.Locations).All(l => l.StreetAddress is null || !secrets.Contains(l.StreetAddress))
            && secrets.All(s => !text.Contains(s, System.StringComparison.Ordinal))).ToProperty();
    }

    [Property]
    public Property Plan_CoversEveryNeedSomeEligibleServiceOffers(ReferralCase c)
    {
        var result = c.Directory.Match(c.Query);
        var offered = NaiveReferralMatcher.Eligible(c.Directory, c.Query).SelectMany(r => r.Covered).ToHashSet();
        var planned = result.Plan.SelectMany(s => s.Needs).ToList();
        return (planned.Count == planned.Distinct().Count()
            && planned.ToHashSet().SetEquals(offered)
            && result.UncoveredNeeds.All(n => !offered.Contains(n))
            && result.Plan.All(s => s.Needs.Length == s.ServiceIds.Length)).ToProperty();
    }
}
