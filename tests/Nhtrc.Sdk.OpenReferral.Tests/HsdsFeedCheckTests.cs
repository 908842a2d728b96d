using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Nhtrc.Sdk.OpenReferral.Tests;

/// <summary>The feed checker on documents: the official examples and our fixtures check clean; planted errors are reported at their exact path.</summary>
public sealed class HsdsFeedCheckTests : IDisposable
{
    private static readonly string Examples = Path.Combine(AppContext.BaseDirectory, "Hsds", "examples");
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "us-fictional");

    private readonly string _folder = Directory.CreateTempSubdirectory("nhtrc-check-hsds-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    internal static Task<HsdsFeedCheckResult> Check(string json, bool ndjson = false, HsdsFeedCheckOptions? options = null) =>
        HsdsFeedCheck.CheckStreamAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), "feed.json", ndjson, options).AsTask();

    private static string Problems(HsdsFeedCheckResult result) => string.Join("\n", result.Problems);

    [Theory]
    [InlineData("service_full.json", "service", 1)]
    [InlineData("service_list.json", "service", 1)]
    [InlineData("organization_full.json", "organization", 1)]
    [InlineData("organization_list.json", "organization", 1)]
    [InlineData("service_at_location_full.json", "service_at_location", 1)]
    [InlineData("service_at_location_list.json", "service_at_location", 1)]
    public async Task The_official_examples_check_clean(string file, string entity, int records)
    {
        var result = await HsdsFeedCheck.CheckFileAsync(Path.Combine(Examples, file));

        Assert.True(result.IsValid, Problems(result));
        Assert.Equal(records, result.Records[entity]);
        Assert.Equal("hsds:" + file, result.Source);
    }

    [Theory]
    [InlineData("taxonomy.json", HsdsRecordKind.Taxonomy, "taxonomy")]
    [InlineData("taxonomy_list.json", HsdsRecordKind.Taxonomy, "taxonomy")]
    [InlineData("taxonomy_term.json", HsdsRecordKind.TaxonomyTerm, "taxonomy_term")]
    [InlineData("taxonomy_term_list.json", HsdsRecordKind.TaxonomyTerm, "taxonomy_term")]
    public async Task The_official_taxonomy_examples_check_clean_as_the_kind_given(string file, HsdsRecordKind kind, string entity)
    {
        var result = await HsdsFeedCheck.CheckFileAsync(Path.Combine(Examples, file), new HsdsFeedCheckOptions { Kind = kind });

        Assert.True(result.IsValid, Problems(result));
        Assert.Equal(1, result.Records[entity]);
    }

    [Fact]
    public async Task The_official_csv_package_and_our_fixtures_check_clean()
    {
        var csv = await HsdsFeedCheck.CheckFileAsync(Path.Combine(Examples, "csv"));
        Assert.True(csv.IsValid, Problems(csv));
        Assert.Equal(21, csv.Records.Count);
        Assert.Equal(1, csv.Records["service"]);

        var fixtureCsv = await HsdsFeedCheck.CheckFileAsync(Path.Combine(Fixtures, "csv"));
        Assert.True(fixtureCsv.IsValid, Problems(fixtureCsv));
        Assert.Equal(24, fixtureCsv.Records["service"]);

        var list = await HsdsFeedCheck.CheckFileAsync(Path.Combine(Fixtures, "service_list.json"));
        Assert.True(list.IsValid, Problems(list));
        Assert.Equal(24, list.Records["service"]);

        var second = await HsdsFeedCheck.CheckFileAsync(Path.Combine(Fixtures, "second-feed.json"));
        Assert.True(second.IsValid, Problems(second));
    }

    [Fact]
    public async Task The_fixtures_as_ndjson_check_clean_with_one_record_a_line()
    {
        var ndjson = string.Concat(HsdsApiTesting.FixtureServices.Select(r => HsdsApiTestServer.Compact(r) + "\n"));
        var path = Path.Combine(_folder, "services.ndjson");
        await File.WriteAllTextAsync(path, "\n" + ndjson);

        var result = await HsdsFeedCheck.CheckFileAsync(path);

        Assert.True(result.IsValid, Problems(result));
        Assert.Equal(24, result.Records["service"]);
    }

    /// <summary>The fixture list with one error planted in each of four records, and the problem each must give.</summary>
    internal static (string Json, (string Path, string Keyword, string Message)[] Expected) Planted()
    {
        var list = JsonNode.Parse(HsdsApiTesting.FixtureText)!;
        var contents = list["contents"]!.AsArray();
        int First(Func<JsonNode, bool> has, int after = -1) =>
            Enumerable.Range(after + 1, contents.Count - after - 1).First(i => has(contents[i]!));
        var phone = First(r => r["phones"] is JsonArray { Count: > 0 });
        var schedule = First(r => r["schedules"] is JsonArray { Count: > 0 }, phone);
        var dated = First(r => r["schedules"] is JsonArray { Count: > 0 }, schedule);
        var status = Enumerable.Range(0, contents.Count).First(i => i != phone && i != schedule && i != dated);

        contents[phone]!["phones"]![0]!.AsObject().Remove("number");
        contents[schedule]!["schedules"]![0]!["timezone"] = "-6";
        contents[dated]!["schedules"]![0]!["valid_from"] = "2026-13-45";
        contents[status]!["status"] = "open";
        return (list.ToJsonString(),
        [
            ($"$.contents[{phone}].phones[0].number", "required", "is required by the phone schema but missing."),
            ($"$.contents[{schedule}].schedules[0].timezone", "type", "must be a number, not a string."),
            ($"$.contents[{dated}].schedules[0].valid_from", "datapackage_type", "is not a date (datapackage_type date: yyyy-MM-dd, such as 2026-07-02)."),
            ($"$.contents[{status}].status", "enum", "must be one of \"active\", \"inactive\", \"defunct\", \"temporarily closed\"."),
        ]);
    }

    [Fact]
    public async Task Planted_errors_in_nested_phones_and_schedules_are_each_reported_at_their_exact_path()
    {
        var (json, expected) = Planted();

        var result = await Check(json);

        Assert.False(result.IsValid);
        Assert.Equal(
            expected.OrderBy(e => e.Path, StringComparer.Ordinal).Select(e => new HsdsFeedProblem("feed.json", e.Path, e.Keyword, e.Message)),
            result.Problems.OrderBy(p => p.Path, StringComparer.Ordinal));
    }

    [Fact]
    public async Task In_ndjson_a_problem_is_at_its_line_and_a_line_that_is_not_json_is_reported_and_skipped()
    {
        var records = HsdsApiTesting.FixtureServices.Take(3).Select(r => JsonNode.Parse(r)!).ToList();
        records[1].AsObject().Remove("name");
        var text = $"{records[0].ToJsonString()}\n{records[1].ToJsonString()}\n{{ \"id\": \n\n{records[2].ToJsonString()}\n";

        var result = await Check(text, ndjson: true);

        Assert.Equal(
            [new HsdsFeedProblem("feed.json", "line 2.name", "required", "is required by the service schema but missing."), new HsdsFeedProblem("feed.json", "line 3", "json", "is not well-formed JSON.")],
            result.Problems.ToArray());
        Assert.Equal(3, result.Records["service"]);
    }

    [Fact]
    public async Task A_root_array_and_a_single_record_are_checked_with_their_paths()
    {
        var record = JsonNode.Parse(HsdsApiTesting.FixtureServices[0])!;
        record.AsObject().Remove("id");
        var array = await Check($"[{HsdsApiTesting.FixtureServices[1]}, {record.ToJsonString()}]");
        var single = await Check(record.ToJsonString());

        Assert.Equal("$[1].id", Assert.Single(array.Problems).Path);
        Assert.Equal(2, array.Records["service"]);
        Assert.Equal("$.id", Assert.Single(single.Problems).Path);
    }

    [Fact]
    public async Task A_page_is_checked_against_openapi_Page_and_metadata_may_follow_the_contents()
    {
        var result = await Check($$"""{ "contents": [{{HsdsApiTesting.FixtureServices[0]}}], "total_items": "one", "last_page": 1, "links": {} }""");

        Assert.Equal(
            [new HsdsFeedProblem("feed.json", "$.last_page", "type", "must be a Boolean, not an integer."), new HsdsFeedProblem("feed.json", "$.total_items", "type", "must be an integer, not a string.")],
            result.Problems.ToArray());
    }

    [Fact]
    public async Task A_page_with_a_property_pages_lack_before_its_contents_is_still_read_as_a_page()
    {
        var result = await Check($$"""{ "links": {}, "total_items": 1, "contents": [{{HsdsApiTesting.FixtureServices[0]}}, { "id": "x" }] }""");

        Assert.Equal(["$.contents[1].name", "$.contents[1].status"], result.Problems.Select(p => p.Path));
    }

    [Theory]
    [InlineData("not json at all", "$", "is not well-formed JSON (line 1).")]
    [InlineData("{ \"contents\": [ { \"id\": \"a\" },\n { \"id\": ", "$.contents[1]", "is not well-formed JSON (line 2).")]
    [InlineData("", "$", "is empty: no JSON.")]
    [InlineData("{} {}", "$", "is not well-formed JSON (text follows the root).")]
    public async Task A_text_that_is_not_json_is_one_problem_naming_the_line(string text, string path, string message)
    {
        var result = await Check(text);

        var problem = result.Problems.Last();
        Assert.Equal(("json", path, message), (problem.Keyword, problem.Path, problem.Message));
    }

    [Fact]
    public async Task A_list_far_larger_than_the_buffer_is_checked_through_a_buffer_the_size_of_a_record()
    {
        var records = Enumerable.Range(0, 2000).Select(i => HsdsApiTesting.FixtureServices[i % HsdsApiTesting.FixtureServices.Length]).ToList();
        var text = $$"""{ "total_items": 2000, "contents": [{{string.Join(",", records)}}] }""";
        Assert.True(text.Length > 5_000_000);
        var count = 0;

        var (shape, buffer) = await HsdsFeedDocument.ReadAsync(
            new MemoryStream(Encoding.UTF8.GetBytes(text)), Text.ReadLimits.Default, ndjson: false, (_, _) => count++, null, default);

        Assert.Equal((HsdsFeedDocument.Shape.Page, 2000, 64 * 1024), (shape, count, buffer));
        var result = await Check(text);
        Assert.True(result.IsValid);
        Assert.Equal(2000, result.Records["service"]);
    }

    [Fact]
    public async Task A_root_that_is_neither_object_nor_array_is_a_problem()
    {
        var result = await Check("\"services\"");

        Assert.Equal(new HsdsFeedProblem("feed.json", "$", "type", "must be an object (a record, or a page with contents) or an array of records."), Assert.Single(result.Problems));
    }

    [Fact]
    public async Task An_hsds_2_record_is_not_hsds_3()
    {
        var result = await Check("""{ "contents": [{ "id": "s1", "name": "Old feed", "status": "active", "regular_schedule": [] }] }""");

        Assert.Equal(new HsdsFeedProblem("feed.json", "$.contents[0].regular_schedule", "hsds-version", "is not HSDS 3.0: the field is from HSDS 1.x/2.x."), Assert.Single(result.Problems));
    }

    [Fact]
    public async Task Record_kinds_are_detected_per_record_and_can_be_given()
    {
        var organization = """{ "id": "o1", "name": "Org", "description": "d", "website": "https://example.org" }""";
        var detected = await Check($"[{HsdsApiTesting.FixtureServices[0]}, {organization}]");
        Assert.True(detected.IsValid, Problems(detected));
        Assert.Equal((1, 1), (detected.Records["service"], detected.Records["organization"]));

        // Given as services, the organization lacks a status.
        var given = await Check($"[{organization}]", options: new HsdsFeedCheckOptions { Kind = HsdsRecordKind.Service });
        Assert.Equal("$[0].status", Assert.Single(given.Problems).Path);
    }

    [Fact]
    public async Task Formats_are_annotations_unless_required()
    {
        var record = """{ "id": "not-a-uuid", "name": "n", "status": "active", "email": "nobody" }""";

        Assert.True((await Check(record)).IsValid);
        var strict = await Check(record, options: new HsdsFeedCheckOptions { RequireFormats = true });
        Assert.Equal(["$.email", "$.id"], strict.Problems.Select(p => p.Path));
        Assert.All(strict.Problems, p => Assert.Equal("format", p.Keyword));
    }

    [Fact]
    public async Task Past_MaxProblems_the_rest_are_counted_in_one_closing_problem()
    {
        var records = string.Join(",", Enumerable.Range(0, 10).Select(i => $$"""{ "id": "s{{i}}" }"""));
        var result = await Check($"[{records}]", options: new HsdsFeedCheckOptions { Limits = new Text.ReadLimits { MaxProblems = 5 } });

        Assert.Equal(6, result.Problems.Length);
        Assert.Equal(new HsdsFeedProblem("feed.json", "$", "limit", "15 more problems were found and not listed (ReadLimits.MaxProblems is 5)."), result.Problems[^1]);
    }

    [Fact]
    public async Task A_message_never_echoes_the_records_values()
    {
        var secret = "Fictional Caller 555-0100";
        var result = await Check($$"""{ "id": "s1", "name": 5, "status": "{{secret}}", "phones": [{ "id": "p1", "number": 5550100, "extension": "{{secret}}" }], "assured_date": "{{secret}}" }""");

        Assert.Equal(5, result.Problems.Length);
        Assert.All(result.Problems, p => Assert.DoesNotContain("555", p.ToString(), StringComparison.Ordinal));
    }

    private string Package(params (string File, string Text)[] files)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder, "package-" + Guid.NewGuid().ToString("N"))).FullName;
        foreach (var (file, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, file), text.ReplaceLineEndings("\n"));
        }

        return folder;
    }

    [Fact]
    public async Task Planted_csv_errors_are_named_file_line_and_column()
    {
        var folder = Package(
            ("services.csv", """
                id,name,status,minimum_age,assured_date
                s1,Harbor Legal Aid,active,18,2026-03-01
                s2,Night Shelter,open,eighteen,2026-02-30
                s3,,active,,
                """),
            ("phones.csv", """
                id,service_id,number,extension
                p1,s1,555-0100,12
                p2,s2,,
                """),
            ("schedules.csv", """
                id,service_id,freq,wkst,opens_at,closes_at,timezone,valid_from
                h1,s1,WEEKLY,MO,09:00:00,17:00,-6,2026-01-01
                h2,s2,DAILY,XX,9am,17:00:00,minus six,01/02/2026
                """),
            ("addresses.csv", """
                id,address_1,city
                a1,1 Main St,Houston
                """));

        var result = await HsdsFeedCheck.CheckFileAsync(folder);

        Assert.Equal(
        [
            "addresses.csv addresses.csv[line 1] (required): has no state_province column, which the address schema requires.",
            "addresses.csv addresses.csv[line 1] (required): has no postal_code column, which the address schema requires.",
            "addresses.csv addresses.csv[line 1] (required): has no country column, which the address schema requires.",
            "addresses.csv addresses.csv[line 1] (required): has no address_type column, which the address schema requires.",
            "phones.csv phones.csv[line 3].number (required): is required by the phone schema but empty.",
            "schedules.csv schedules.csv[line 3].valid_from (datapackage_type): is not a date (datapackage_type date: yyyy-MM-dd, such as 2026-07-02).",
            "schedules.csv schedules.csv[line 3].timezone (type): is not a number, as the schema's number type needs.",
            "schedules.csv schedules.csv[line 3].wkst (enum): must be one of \"MO\", \"TU\", \"WE\", \"TH\", \"FR\", \"SA\", \"SU\".",
            "schedules.csv schedules.csv[line 3].freq (enum): must be one of \"WEEKLY\", \"MONTHLY\".",
            "schedules.csv schedules.csv[line 3].opens_at (datapackage_type): is not a time (datapackage_type time: HH:mm:ss, such as 09:30:00).",
            "services.csv services.csv[line 3].status (enum): must be one of \"active\", \"inactive\", \"defunct\", \"temporarily closed\".",
            "services.csv services.csv[line 3].minimum_age (type): is not a number, as the schema's number type needs.",
            "services.csv services.csv[line 3].assured_date (datapackage_type): is not a date (datapackage_type date: yyyy-MM-dd, such as 2026-07-02).",
            "services.csv services.csv[line 4].name (required): is required by the service schema but empty.",
        ],
            result.Problems.Select(p => p.ToString()));
        Assert.Equal((3, 2, 2, 1), (result.Records["service"], result.Records["phone"], result.Records["schedule"], result.Records["address"]));
    }

    [Fact]
    public async Task A_csv_package_of_hsds_2_without_services_or_with_a_broken_table_is_reported_not_thrown()
    {
        var folder = Package(
            ("regular_schedules.csv", "id\nr1\n"),
            ("phones.csv", "id,number\np1,555-0100,extra\n"),
            ("notes.csv", "id\nn1\n"));

        var result = await HsdsFeedCheck.CheckFileAsync(folder);

        Assert.Equal(
        [
            "regular_schedules.csv regular_schedules.csv (hsds-version): is not HSDS 3.0: the file is from an HSDS 1.x/2.x data package.",
            "services.csv services.csv (required): is missing: an HSDS 3.0 CSV data package has one.",
            "notes.csv notes.csv (datapackage): is not a table of the HSDS 3.0 data package (no HSDS schema has this path).",
            "phones.csv phones.csv[line 2] (csv): has 3 columns; the header has 2.",
        ],
            result.Problems.Select(p => p.ToString()));
    }
}
