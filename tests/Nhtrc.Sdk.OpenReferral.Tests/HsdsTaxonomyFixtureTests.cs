using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;

namespace Nhtrc.Sdk.OpenReferral.Tests;

/// <summary>The default taxonomy map on the fictional US fixtures (figures in the docs).</summary>
public class HsdsTaxonomyFixtureTests
{
    private static string Id(int n) => $"00000000-0000-4000-8000-0100000000{n:D2}";

    private static Task<ReferralDirectoryLoad> Fixture(HsdsImportOptions? options = null) =>
        new HsdsDirectorySource(Path.Combine(AppContext.BaseDirectory, "Fixtures", "us-fictional", "service_list.json"), options).LoadAsync().AsTask();

    private static bool IsUnmappedWarning(DirectoryImportIssue i) =>
        i.Severity == DirectoryImportSeverity.Warning && i.Path.EndsWith(".taxonomy_term", StringComparison.Ordinal);

    [Fact]
    public async Task Twelve_of_the_49_fixture_terms_are_unmapped_each_reported_once()
    {
        var load = await Fixture();
        var unmapped = load.Report.Issues.Where(IsUnmappedWarning).ToList();
        Assert.Equal(12, load.Report.CountOf("unmapped-terms"));
        Assert.Equal(12, unmapped.Count);
        Assert.Equal(unmapped.Count, unmapped.Select(i => i.Path).Distinct().Count());
        Assert.All(unmapped, i => Assert.Contains("matches no entry of the taxonomy map", i.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Service_18_has_only_unmapped_terms_and_is_left_out_with_an_error()
    {
        var load = await Fixture();
        var issues = load.Report.Issues.Where(i => i.RecordId == Id(18)).ToList();
        Assert.Equal(
            ["$.contents[17].attributes[0].taxonomy_term", "$.contents[17].attributes[1].taxonomy_term", "$.contents[17].attributes[2].taxonomy_term", "$.contents[17]"],
            issues.Select(i => i.Path).ToArray());
        Assert.Equal(DirectoryImportSeverity.Error, issues[^1].Severity);
        Assert.Contains("'Local' code 'knit-circle'", issues[0].Message, StringComparison.Ordinal);
        Assert.Contains("'AIRS' code 'ZZ-9999.9999'", issues[2].Message, StringComparison.Ordinal);
        Assert.All(issues, i => Assert.DoesNotContain("Knitting", i.Message, StringComparison.Ordinal));
        Assert.False(load.Directory.TryGetService(Id(18), out _, out _));
    }

    [Fact]
    public async Task Service_18_with_default_types_is_kept_and_its_terms_still_reported()
    {
        var load = await Fixture(new HsdsImportOptions { DefaultTypes = [ServiceType.CaseManagement] });
        Assert.Equal([ServiceType.CaseManagement], load.Directory.GetService(Id(18)).Types.ToArray());
        Assert.Equal(3, load.Report.Issues.Count(i => i.RecordId == Id(18) && IsUnmappedWarning(i)));
        Assert.Equal(12, load.Report.CountOf("unmapped-terms"));
    }

    [Fact]
    public async Task Service_24_keeps_its_mapped_term_and_reports_the_other()
    {
        var load = await Fixture();
        Assert.Equal([ServiceType.LegalServices], load.Directory.GetService(Id(24)).Types.ToArray());
        var issue = Assert.Single(load.Report.Issues, i => i.RecordId == Id(24));
        Assert.Equal((DirectoryImportSeverity.Warning, "$.contents[23].attributes[1].taxonomy_term"), (issue.Severity, issue.Path));
        Assert.Contains("'community-tea'", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, new[] { ServiceType.EmergencyShelter })]
    [InlineData(2, new[] { ServiceType.CrisisHotline, ServiceType.MentalHealth })]
    [InlineData(7, new[] { ServiceType.EmergencyShelter, ServiceType.Housing })]
    [InlineData(11, new[] { ServiceType.ImmigrationLegalServices })]
    [InlineData(20, new[] { ServiceType.LegalServices })]
    [InlineData(6, new[] { ServiceType.BasicNeeds })]
    public async Task Fixture_services_get_the_types_of_their_airs_and_open_eligibility_terms(int n, ServiceType[] types)
    {
        var load = await Fixture();
        Assert.Equal(types, load.Directory.GetService(Id(n)).Types.ToArray());
    }

    [Fact]
    public async Task A_source_table_replaces_the_default()
    {
        var map = HsdsTaxonomyMap.Parse("""{ "taxonomies": [ { "names": ["Local"], "terms": [ { "code": "knit-circle", "types": ["basicNeeds"] } ] } ] }""");
        var load = await Fixture(new HsdsImportOptions { TaxonomyMap = map });
        Assert.Equal([ServiceType.BasicNeeds], load.Directory.GetService(Id(18)).Types.ToArray());
        Assert.Equal(1, load.Report.CountOf("services"));
        Assert.Equal(48, load.Report.CountOf("unmapped-terms"));
    }
}
