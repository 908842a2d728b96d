using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.OpenReferral.Tests;

public sealed class HsdsCsvTests : IDisposable
{
    private static readonly HsdsImportOptions Options = new()
    {
        DefaultTypes = [ServiceType.CaseManagement],
        DefaultLastVerified = new LocalDate(2026, 1, 1),
    };

    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "us-fictional");

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"hsds-csv-{Guid.NewGuid():N}");

    public HsdsCsvTests()
    {
        Directory.CreateDirectory(_folder);
        foreach (var file in Directory.GetFiles(Path.Combine(Fixtures, "csv")))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<ReferralDirectoryLoad> LoadCsv(HsdsImportOptions? options = null) =>
        new HsdsDirectorySource(_folder, options ?? Options).LoadAsync().AsTask();

    private void Edit(string file, Func<string, string> edit) =>
        File.WriteAllText(Path.Combine(_folder, file), edit(File.ReadAllText(Path.Combine(_folder, file))));

    [Fact]
    public async Task The_csv_fixture_imports_to_what_its_json_form_imports()
    {
        var csv = await LoadCsv();
        var json = await new HsdsDirectorySource(Path.Combine(Fixtures, "service_list.json"), Options).LoadAsync();

        Assert.True(csv.Report.CountOf("services") >= 20);
        Assert.Equal(ReferralDirectoryJson.Serialize(json.Directory), ReferralDirectoryJson.Serialize(csv.Directory));
        Assert.Equal(json.Report.Counts, csv.Report.Counts);
        Assert.Equal(
            json.Report.Issues.Select(i => (i.Severity, i.RecordId, i.Message)).Order().ToArray(),
            csv.Report.Issues.Select(i => (i.Severity, i.RecordId, i.Message)).Order().ToArray());
        Assert.All(csv.Report.Issues, i => Assert.Matches(@"^[a-z_]+\.csv\[line \d+\]", i.Path));
        Assert.Equal(12, csv.Report.CountOf("unmapped-terms"));
        Assert.Equal(12, csv.Report.Issues.Count(HsdsMapper.IsUnmappedTerm));
    }

    [Fact]
    public async Task A_term_with_no_taxonomy_text_takes_the_name_of_its_taxonomy_row()
    {
        var terms = File.ReadAllText(Path.Combine(_folder, "taxonomy_terms.csv"));
        Assert.Contains(",Open Eligibility,en,", terms, StringComparison.Ordinal);
        Edit("taxonomy_terms.csv", t => t.Replace(",Open Eligibility,en,", ",,en,", StringComparison.Ordinal));
        var blanked = await LoadCsv();
        var json = await new HsdsDirectorySource(Path.Combine(Fixtures, "service_list.json"), Options).LoadAsync();
        Assert.Equal(ReferralDirectoryJson.Serialize(json.Directory), ReferralDirectoryJson.Serialize(blanked.Directory));
        Assert.Equal(json.Report.CountOf("unmapped-terms"), blanked.Report.CountOf("unmapped-terms"));
    }

    [Fact]
    public async Task An_issue_names_the_file_and_line_of_the_row_it_is_about()
    {
        // languages.csv line 3 is the second language of service 01; phones.csv line 2 its phone.
        Edit("languages.csv", t => t.Replace(",Spanish,es,", ",Spanish,not a tag!,", StringComparison.Ordinal));
        Edit("phones.csv", t => t.Replace(",(713) 555-0101,", ",,", StringComparison.Ordinal));
        var load = await LoadCsv();
        Assert.Contains(load.Report.Issues, i => i.Path == "languages.csv[line 3].code" && i.RecordId == "00000000-0000-4000-8000-010000000001");
        Assert.Contains(load.Report.Issues, i => i.Path == "phones.csv[line 2].number");
        Assert.All(load.Report.Issues, i => Assert.DoesNotContain("not a tag", i.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_row_naming_a_record_the_package_lacks_is_reported_with_its_line()
    {
        Edit("phones.csv", t => t + "00000000-0000-4000-8000-06000000ffff,,00000000-0000-4000-8000-01000000ffff,,,,(555) 555-0199,,voice,Orphan\n");
        var load = await LoadCsv();
        var lines = File.ReadAllLines(Path.Combine(_folder, "phones.csv")).Length;
        var issue = Assert.Single(load.Report.Issues, i => i.Path.StartsWith("phones.csv", StringComparison.Ordinal));
        Assert.Equal(($"phones.csv[line {lines}].service_id", "00000000-0000-4000-8000-06000000ffff", DirectoryImportSeverity.Warning), (issue.Path, issue.RecordId, issue.Severity));
        Assert.DoesNotContain("555", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quoted_cells_keep_commas_and_line_breaks_and_empty_cells_are_absent()
    {
        Edit("services.csv", t => t.Replace("24-hour confidential shelter; the address is never published.", "\"Line one,\nline \"\"two\"\"\"", StringComparison.Ordinal));
        var load = await LoadCsv();
        Assert.Contains(load.Directory.Organizations.SelectMany(o => o.Services), s => s.Id == "00000000-0000-4000-8000-010000000001");
    }

    [Fact]
    public async Task The_official_csv_example_imports_with_its_placeholder_area_reported()
    {
        var load = await new HsdsDirectorySource(Path.Combine(AppContext.BaseDirectory, "Hsds", "examples", "csv"), Options).LoadAsync();
        Assert.Equal(0, load.Report.CountOf("services"));
        var error = Assert.Single(load.Report.Issues, i => i.Severity == DirectoryImportSeverity.Error);
        Assert.Equal("services.csv[line 2].service_areas", error.Path);
        Assert.Contains(load.Report.Issues, i => i.Severity == DirectoryImportSeverity.Warning && i.Path.StartsWith("service_areas.csv[line 2]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("services.csv", null, "services.csv", "is missing")]
    [InlineData("regular_schedules.csv", "id,service_id\n", "regular_schedules.csv", "is not HSDS 3.0")]
    [InlineData("services.csv", "id,name,description\nx,y,z\n", "services.csv[line 1]", "has no status column")]
    [InlineData("phones.csv", "id,number,id\n", "phones.csv[line 1]", "repeats a column")]
    [InlineData("phones.csv", "id,service_id,number\np1,s1\n", "phones.csv[line 2]", "has 2 columns; the header has 3")]
    [InlineData("phones.csv", "", "phones.csv[line 1]", "has no header line")]
    public async Task A_broken_package_fails_whole_naming_the_file(string file, string? content, string location, string message)
    {
        var path = Path.Combine(_folder, file);
        if (content is null)
        {
            File.Delete(path);
        }
        else
        {
            File.WriteAllText(path, content);
        }

        var e = await Assert.ThrowsAsync<NhtrcValidationException>(() => LoadCsv());
        var problem = Assert.Single(e.Problems);
        Assert.Equal(location, problem.Location);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_with_more_rows_than_the_limit_fails_whole()
    {
        var e = await Assert.ThrowsAsync<NhtrcValidationException>(() => LoadCsv(Options with { Limits = new Text.ReadLimits { MaxListLength = 10 } }));
        Assert.Contains("ReadLimits.MaxListLength", Assert.Single(e.Problems).Message, StringComparison.Ordinal);
    }
}
