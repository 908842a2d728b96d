using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Testing.Tests.Builders;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Testing.Tests.Generators;

[Properties(Arbitrary = [typeof(NhtrcArbitraries)], MaxTest = 150)]
public sealed class ReferralGeneratorsTests
{
    private static readonly ReferralDirectory Empty = ReferralDirectory.Create([]);

    [Property(MaxTest = 60)]
    public bool EveryGeneratedDirectory_LoadsBackFromItsJsonToAnEqualDirectory(ReferralDirectory directory)
    {
        var json = ReferralDirectoryJson.Serialize(directory);
        var back = ReferralDirectoryJson.Parse(json);
        return DirectoryFacts.Of(directory).SequenceEqual(DirectoryFacts.Of(back)) && ReferralDirectoryJson.Serialize(back) == json;
    }

    [Property]
    public Property EveryGeneratedQuery_IsValid(ReferralQuery query)
    {
        var problems = Problems(query);
        return (problems.Length == 0 && query.Needs.Length is >= 1 and <= 3 && query.Needs.Distinct().Count() == query.Needs.Length)
            .Label(string.Join("; ", problems));
    }

    [Property(MaxTest = 300)]
    public Property Match_ReturnsEligibleServicesOnly_BestFirst_TiesById_AsManyAsAsked(ReferralCase c)
    {
        var eligible = NaiveEligibility.EligibleIds(c.Directory, c.Query);
        var result = c.Directory.Match(c.Query);
        var matches = result.Matches;
        var sorted = matches.Zip(matches.Skip(1)).All(p => p.First.Score > p.Second.Score
            || (p.First.Score == p.Second.Score && string.CompareOrdinal(p.First.ServiceId, p.Second.ServiceId) < 0));
        return (matches.All(m => eligible.Contains(m.ServiceId))
                && result.EligibleCount == eligible.Count
                && matches.Length == Math.Min(c.Query.Count, eligible.Count)
                && sorted)
            .Label($"naive eligible {eligible.Count}: {string.Join(",", eligible.Order(StringComparer.Ordinal))}; matched {result.EligibleCount}: "
                + string.Join(", ", matches.Select(m => $"{m.ServiceId} {m.Score}")))
            .Classify(eligible.Count == 0, "nothing eligible")
            .Classify(eligible.Count > c.Query.Count, "more eligible than asked for");
    }

    [Fact]
    public void TheCases_AreNotTrivial_MostQueriesFindSomething_AndEveryFeatureShowsUp()
    {
        var cases = NhtrcArbitraries.ReferralCases().Generator.Sample(200);
        Assert.True(cases.Count(c => NaiveEligibility.EligibleIds(c.Directory, c.Query).Count > 0) > cases.Length / 2);
        var services = cases.SelectMany(c => c.Directory.Organizations).SelectMany(o => o.Services).ToList();
        Assert.Contains(services, s => s.Area.IsNational);
        Assert.Contains(services, s => s.Area.Radii.Length > 0 && s.Area.Zips.Length + s.Area.Counties.Length + s.Area.States.Length > 0);
        Assert.Contains(services, s => s.Locations.Any(l => l.IsConfidential));
        Assert.Contains(services, s => !s.Availability.IsAlwaysOpen && s.Availability.Calendar!.Id.StartsWith("hours-", StringComparison.Ordinal));
        Assert.Contains(services, s => s.Capacity == Capacity.Full);
        Assert.Contains(services, s => s.Population.MinAge is not null);
        Assert.All(services.SelectMany(s => s.Contacts), c => Assert.Matches(@"^\+1-202-555-01\d\d$", c.Value));
        Assert.All(cases.SelectMany(c => c.Directory.Organizations), o => Assert.EndsWith("(fictional)", o.Name, StringComparison.Ordinal));
        Assert.Contains(cases, c => c.Query.Place.Kind == ReferralPlaceKind.County);
        Assert.Contains(cases, c => c.Query.Place.Kind == ReferralPlaceKind.Point);
    }

    [Fact]
    public void AFailingCase_ShrinksToOneServiceWithNothingButWhatFails_AndPrintsIt()
    {
        // A property that fails whenever a service has a confidential site: shrinking keeps one such service and drops the rest.
        static bool NoConfidentialSite(ReferralCase c) =>
            !c.Directory.Organizations.SelectMany(o => o.Services).Any(s => s.Locations.Any(l => l.IsConfidential));

        var arbitrary = NhtrcArbitraries.ReferralCases();
        var failing = arbitrary.Generator.Sample(400).First(c => !NoConfidentialSite(c) && c.Directory.ServiceCount > 3);
        var shrunk = failing;
        for (var next = Smaller(shrunk); next is not null; next = Smaller(next))
        {
            shrunk = next;
        }

        var service = Assert.Single(Assert.Single(shrunk.Directory.Organizations).Services);
        Assert.True(Assert.Single(service.Locations).IsConfidential);
        Assert.Same(PopulationServed.Everyone, service.Population);
        Assert.True(service.Availability.IsAlwaysOpen);
        Assert.Single(service.Types);
        Assert.Empty(service.Languages);
        Assert.Single(shrunk.Query.Needs);
        Assert.Same(ClientProfile.Unknown, shrunk.Query.Client);

        var text = shrunk.ToString();
        Assert.Contains("1 organizations, 1 services", text, StringComparison.Ordinal);
        Assert.Contains($"{service.Id} [", text, StringComparison.Ordinal);
        Assert.Contains("(confidential)", text, StringComparison.Ordinal);
        Assert.Contains("client nothing disclosed", text, StringComparison.Ordinal);

        ReferralCase? Smaller(ReferralCase c) => arbitrary.Shrinker(c).FirstOrDefault(s => !NoConfidentialSite(s));
    }

    [Fact]
    public void ReferralCase_DescribesEveryServiceOnALine()
    {
        var directory = ReferralDirectoryBuilderTests.Example.Build();
        var lines = ReferralCase.Describe(directory).Split(Environment.NewLine);
        Assert.Equal("4 organizations, 4 services", lines[0]);
        Assert.Equal(
            "  harbor-light/harbor-light-shelter [emergencyShelter, caseManagement] counties 36061 + ZIPs 10001,11201; ages 18-24, genders female,nonBinary, "
            + "trafficking sex, statuses any; languages en,es; 24/7; warm transfers; waitlist; verified 2025-11-03; sites New York, NY 10001 (confidential)",
            lines[1]);
        Assert.Equal(
            "  bay-task-force/bay-task-force-hotline [taskForce, crisisHotline] national; everyone; languages any; 24/7; no warm transfers; accepting; "
            + "verified 2026-01-15; sites none",
            lines[4]);
    }

    [Fact]
    public void ThePlaces_IncludeEveryTerritory_AndCasesUseThem_InDirectoriesAndQueries()
    {
        Assert.Equal(["AS", "GU", "MP", "PR", "VI"], NhtrcGenerators.ReferralZips.Select(z => z.State).Where(s => s.IsTerritory).Select(s => s.Code).Distinct().Order(StringComparer.Ordinal));
        Assert.Subset(NhtrcGenerators.ReferralZips.Select(z => z.Zip).ToHashSet(), new[] { "96799", "96910", "96950", "00901", "00802" }.ToHashSet());

        var cases = NhtrcArbitraries.ReferralCases().Generator.Sample(300);
        var sites = cases.SelectMany(c => c.Directory.Organizations).SelectMany(o => o.Services).SelectMany(s => s.Locations).ToList();
        var queried = cases.Select(c => c.Query.Place).Where(p => p.Kind != ReferralPlaceKind.Point).Select(p => p.State!.Code).ToHashSet();
        foreach (var territory in new[] { "AS", "GU", "MP", "PR", "VI" })
        {
            Assert.Contains(sites, l => l.State.Code == territory);
            Assert.Contains(territory, queried);
        }

        // Some query in a territory finds a service there.
        Assert.Contains(cases, c => c.Query.Place.State is { IsTerritory: true } && NaiveEligibility.EligibleIds(c.Directory, c.Query).Count > 0);
    }

    [Fact]
    public void DirectoriesAround_AGivenPool_UseOnlyItsPlaces()
    {
        var pool = new[] { "94103", "94110", "94601" }.Select(z => Geography.Gazetteer.Default.GetZip(z)).ToArray();
        var directories = NhtrcGenerators.DirectoriesAround(pool).Sample(30);
        var zips = directories.SelectMany(d => d.Organizations).SelectMany(o => o.Services)
            .SelectMany(s => s.Area.Zips.Concat(s.Locations.Select(l => l.Zip!))).Select(z => z.Zip).ToHashSet();
        Assert.NotEmpty(zips);
        Assert.Subset(pool.Select(z => z.Zip).ToHashSet(), zips);
        Assert.Throws<ArgumentException>(() => NhtrcGenerators.DirectoriesAround([]));
    }

    private static string[] Problems(ReferralQuery query)
    {
        try
        {
            Empty.Match(query);
            return [];
        }
        catch (NhtrcValidationException e)
        {
            return [.. e.Problems.Select(p => p.ToString())];
        }
    }
}
