using System;
using System.Linq;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;

namespace Nhtrc.Sdk.Testing.Tests.Generators;

public class SyntheticDirectorySpreadTests
{
    private static readonly SyntheticDirectoryOptions Dense = new() { Seed = 11, Organizations = 10_000, Spread = SyntheticDirectorySpread.ByPopulation };

    private static readonly Lazy<Organization[]> DenseOrganizations = new(() => [.. SyntheticDirectory.Generate(Dense).Organizations]);

    private static readonly Lazy<Organization[]> UniformOrganizations = new(() => [.. SyntheticDirectory.Generate(Dense with { Spread = SyntheticDirectorySpread.Uniform }).Organizations]);

    [Fact]
    public void Uniform_IsTheDefault_AndSettingItChangesNoByte()
    {
        var options = new SyntheticDirectoryOptions { Seed = 3, Services = 800 };

        Assert.Equal(SyntheticDirectorySpread.Uniform, options.Spread);
        Assert.Equal(SyntheticDirectorySpread.Uniform, SyntheticDirectoryOptions.Sample.Spread);
        Assert.Equal(SyntheticDirectory.ToUtf8Json(options), SyntheticDirectory.ToUtf8Json(options with { Spread = SyntheticDirectorySpread.Uniform }));
        Assert.NotEqual(SyntheticDirectory.ToJson(options), SyntheticDirectory.ToJson(options with { Spread = SyntheticDirectorySpread.ByPopulation }));
    }

    [Fact]
    public void ByPopulation_TheSameSeed_GivesTheSameBytes_AnotherSeed_AnotherDirectory()
    {
        var options = new SyntheticDirectoryOptions { Seed = 3, Services = 1_500, Spread = SyntheticDirectorySpread.ByPopulation };

        Assert.Equal(SyntheticDirectory.ToUtf8Json(options), SyntheticDirectory.ToUtf8Json(options with { }));
        Assert.NotEqual(SyntheticDirectory.ToJson(options), SyntheticDirectory.ToJson(options with { Seed = 4 }));
    }

    [Fact]
    public void Spread_RefusesAValueOutsideTheEnum()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticDirectoryOptions { Spread = (SyntheticDirectorySpread)7 });

        Assert.Equal("Spread", ex.ParamName);
    }

    [Fact]
    public void ByPopulation_EachStatesShareOfOrganizations_FollowsItsCensusPopulation()
    {
        // Tolerance: 0.4 percentage points plus a tenth of the expected share. The fixed core (four providers in each
        // state, the national organizations in DC, coalitions and task forces in metro counties, the territories' plan)
        // is about 4% of 10,000 organizations; sampling adds about 0.3 points for California. Spread by ZIP codes,
        // California would have 6.4% where its population gives 11.8%, and fail.
        var organizations = DenseOrganizations.Value;
        var total = CensusPopulation2020.ByCode.Values.Sum(p => (long)p);
        var problems = UsState.All.Select(state =>
        {
            var expected = CensusPopulation2020.ByCode[state.Code] / (double)total;
            var observed = organizations.Count(o => o.Services[0].Locations[0].State == state) / (double)organizations.Length;
            return (state, expected, observed, ok: Math.Abs(observed - expected) <= 0.004 + (expected / 10));
        }).Where(x => !x.ok).Select(x => $"{x.state.Code}: {x.observed:P2} of the organizations, population {x.expected:P2}").ToArray();

        Assert.True(problems.Length == 0, string.Join("; ", problems));
    }

    [Fact]
    public void ByPopulation_MetroAreasAreDense()
    {
        // Maricopa County holds 62% of Arizona's people (2020 census) and 37% of its ZIP codes; the coalition and task
        // force there add a few points to both.
        static double MaricopaShare(Organization[] organizations)
        {
            var arizona = organizations.Select(o => o.Services[0].Locations[0]).Where(l => l.State.Code == "AZ").ToArray();
            return arizona.Count(l => l.Zip?.County.Fips == "04013") / (double)arizona.Length;
        }

        var (dense, uniform) = (MaricopaShare(DenseOrganizations.Value), MaricopaShare(UniformOrganizations.Value));

        Assert.True(dense is > 0.55 and < 0.75 && dense > uniform + 0.1, $"Maricopa: {dense:P1} of Arizona's organizations by population, {uniform:P1} uniform");
    }

    [Fact]
    public void ByPopulation_DrawsTheTerritoriesToo_AndPuertoRicoSpeaksSpanishFirst()
    {
        var services = DenseOrganizations.Value.SelectMany(o => o.Services).ToArray();
        var puertoRico = services.Where(s => s.Locations[0].State.Code == "PR").ToArray();

        // The plan holds about 25 of Puerto Rico's services; its population share of 25,000 services is about 250.
        Assert.True(puertoRico.Length > 100, $"{puertoRico.Length} services in Puerto Rico");
        Assert.All(puertoRico, s => Assert.Equal("es", s.Languages[0].Value));
        Assert.Contains(services, s => s.Locations[0].State.Code == "GU");
    }

    [Fact]
    public void TheCensusTable_HasEveryPlace_AndTheStatesAndDcTotalTheCensusCount()
    {
        Assert.Equal(UsState.All.Select(s => s.Code).Order(StringComparer.Ordinal), CensusPopulation2020.ByCode.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(331_449_281, UsState.All.Where(s => !s.IsTerritory).Sum(s => (long)CensusPopulation2020.ByCode[s.Code]));
        Assert.Equal(3_285_874, CensusPopulation2020.ByCode["PR"]);
    }
}
