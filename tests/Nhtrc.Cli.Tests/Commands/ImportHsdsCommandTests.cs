using System;
using System.IO;
using System.Linq;
using Nhtrc.Cli.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Nhtrc.Sdk.Referrals;

namespace Nhtrc.Cli.Tests.Commands;

public sealed class ImportHsdsCommandTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures", "us-fictional");

    private readonly string _folder = Directory.CreateTempSubdirectory("nhtrc-import-hsds-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Out => Path.Combine(_folder, "directory.json");

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = ImportHsdsCommand.Run(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private const string CleanService = """
        { "id": "svc-1", "name": "Fictional Harbor Legal Aid", "status": "active", "assured_date": "2026-03-01",
          "organization": { "id": "org-1", "name": "Fictional Org" },
          "service_areas": [{ "id": "a1", "name": "Harris County, TX" }],
          "attributes": [{ "id": "t1", "taxonomy_term": { "id": "tt1", "code": "legalServices", "taxonomy": "nhtrc-service-type" } }] }
        """;

    [Fact]
    public void A_clean_feed_imports_writes_our_directory_and_exits_zero()
    {
        var feed = Path.Combine(_folder, "clean.json");
        File.WriteAllText(feed, CleanService);

        var (exitCode, stdout, stderr) = Run(feed, "--out", Out, "--zone", "America/Chicago");

        Assert.Equal((0, ""), (exitCode, stderr));
        Assert.Equal("hsds:clean.json: 1 organizations, 1 services, 0 unmapped-terms; 0 warnings, 0 errors\nwrote " + Out + ": 1 organizations, 1 services\n", stdout);
        var directory = ReferralDirectoryJson.LoadFile(Out);
        Assert.Equal("svc-1", directory.Organizations.Single().Services.Single().Id);
    }

    [Fact]
    public void The_fixture_feed_writes_what_imports_and_lists_every_issue_and_exits_two_for_its_errors()
    {
        var (exitCode, stdout, stderr) = Run(Path.Combine(Fixtures, "service_list.json"), "--out", Out);

        Assert.Equal((2, ""), (exitCode, stderr));
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("hsds:service_list.json: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("error\thsds:service_list.json\t", StringComparison.Ordinal) && l.Split('\t').Length == 5);
        var directory = ReferralDirectoryJson.LoadFile(Out);
        Assert.EndsWith($": {directory.Organizations.Length} organizations, {directory.ServiceCount} services", lines[^1], StringComparison.Ordinal);
        Assert.True(directory.ServiceCount >= 15);
    }

    [Fact]
    public void Several_sources_merge_with_keys_from_their_names_and_the_duplicate_reported()
    {
        var (exitCode, stdout, _) = Run(Path.Combine(Fixtures, "csv"), Path.Combine(Fixtures, "second-feed.json"), "--out", Out);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("merged(csv,second-feed): ", stdout, StringComparison.Ordinal);
        Assert.Contains("1 duplicates", stdout.Split('\n')[0], StringComparison.Ordinal);
        var ids = ReferralDirectoryJson.LoadFile(Out).Organizations.SelectMany(o => o.Services).Select(s => s.Id).ToList();
        Assert.All(ids, id => Assert.StartsWith("csv.", id, StringComparison.Ordinal));
    }

    [Fact]
    public void A_feed_that_is_not_hsds_3_fails_whole_and_writes_nothing()
    {
        var feed = Path.Combine(_folder, "old.json");
        File.WriteAllText(feed, """{ "id": "a", "name": "x", "status": "active", "regular_schedule": [] }""");

        var (exitCode, stdout, stderr) = Run(feed, "--out", Out);

        Assert.Equal((2, ""), (exitCode, stdout));
        Assert.Contains("$.regular_schedule", stderr, StringComparison.Ordinal);
        Assert.Contains("is not HSDS 3.0", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Out));
    }

    [Theory]
    [InlineData("no-such-feed.json", "--zone", "America/Chicago", "is neither a file nor a folder")]
    [InlineData("FEED", "--zone", "Mars/Olympus", "is not an IANA time zone id")]
    public void Bad_arguments_exit_two(string source, string option, string value, string message)
    {
        var feed = Path.Combine(_folder, "clean.json");
        File.WriteAllText(feed, CleanService);
        var (exitCode, _, stderr) = Run(source == "FEED" ? feed : Path.Combine(_folder, source), "--out", Out, option, value);
        Assert.Equal(2, exitCode);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sources_file_gives_each_source_its_key_and_settings_and_comes_before_the_arguments()
    {
        File.WriteAllText(Path.Combine(_folder, "sources.json"), $$"""
            { "sources": [ { "key": "second", "path": {{System.Text.Json.JsonSerializer.Serialize(Path.Combine(Fixtures, "second-feed.json"), SourcesJson.Default.String)}}, "zone": "America/Chicago" } ] }
            """);
        var (exitCode, stdout, stderr) = Run(Path.Combine(Fixtures, "service_list.json"), "--sources", Path.Combine(_folder, "sources.json"), "--out", Out);

        Assert.Equal((2, ""), (exitCode, stderr));
        Assert.StartsWith("merged(second,service-list): ", stdout, StringComparison.Ordinal);
        var ids = ReferralDirectoryJson.LoadFile(Out).Organizations.SelectMany(o => o.Services).Select(s => s.Id).ToList();
        Assert.Single(ids, id => id.StartsWith("second.", StringComparison.Ordinal));
    }

    [Fact]
    public void A_confidential_term_flag_hides_the_locations_that_carry_it()
    {
        var feed = Path.Combine(_folder, "clean.json");
        File.WriteAllText(feed, CleanService.Replace("""
            "service_areas":
            """, """
            "service_at_locations": [{ "id": "sal", "location": { "id": "loc", "location_type": "physical", "latitude": 29.76, "longitude": -95.37,
              "addresses": [{ "id": "ad", "address_1": "1 Fictional Way", "city": "Houston", "state_province": "TX", "postal_code": "77002", "country": "US", "address_type": "physical" }],
              "attributes": [{ "id": "la", "taxonomy_term": { "id": "lt", "code": "dv-private", "taxonomy": "Local" } }] } }],
            "service_areas":
            """, StringComparison.Ordinal));

        Assert.Equal(0, Run(feed, "--out", Out).ExitCode);
        Assert.False(ReferralDirectoryJson.LoadFile(Out).GetService("svc-1").Locations.Single().IsConfidential);
        Assert.Equal(0, Run(feed, "--out", Out, "--confidential-term", "dv-private").ExitCode);
        Assert.True(ReferralDirectoryJson.LoadFile(Out).GetService("svc-1").Locations.Single().IsConfidential);
    }

    [Fact]
    public void A_bad_taxonomy_map_or_sources_file_exits_two_with_its_problems()
    {
        var feed = Path.Combine(_folder, "clean.json");
        File.WriteAllText(feed, CleanService);
        File.WriteAllText(Path.Combine(_folder, "map.json"), """{ "taxonomies": 3 }""");
        var (exitCode, _, stderr) = Run(feed, "--out", Out, "--taxonomy-map", Path.Combine(_folder, "map.json"));
        Assert.Equal(2, exitCode);
        Assert.Contains("is not a valid taxonomy mapping table", stderr, StringComparison.Ordinal);

        File.WriteAllText(Path.Combine(_folder, "sources.json"), """{ "sources": [{ "key": "x" }] }""");
        (exitCode, _, stderr) = Run("--sources", Path.Combine(_folder, "sources.json"), "--out", Out);
        Assert.Equal(2, exitCode);
        Assert.Contains("$.sources[0]", stderr, StringComparison.Ordinal);

        (exitCode, _, stderr) = Run("--out", Out);
        Assert.Equal(2, exitCode);
        Assert.Contains("Give at least one SOURCE or --sources FILE.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async System.Threading.Tasks.Task A_live_api_url_is_read_through_its_services_list_and_merges_with_a_file()
    {
        var list = File.ReadAllText(Path.Combine(Fixtures, "service_list.json"));
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        await using var app = builder.Build();
        var queries = new System.Collections.Concurrent.ConcurrentQueue<string>();
        app.Run(async context =>
        {
            queries.Enqueue(context.Request.Path + context.Request.QueryString);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(list);
        });
        await app.StartAsync();
        var address = app.Urls.First().TrimEnd('/') + "/hsds/";

        var (exitCode, stdout, stderr) = Run(address, Path.Combine(Fixtures, "second-feed.json"), "--out", Out);

        Assert.Equal("", stderr);
        Assert.Equal(2, exitCode);
        Assert.StartsWith("merged(s127-0-0-1,second-feed): ", stdout, StringComparison.Ordinal);
        Assert.Contains("1 duplicates", stdout.Split('\n')[0], StringComparison.Ordinal);
        Assert.StartsWith("/hsds/services?page=1", Assert.Single(queries), StringComparison.Ordinal);
        Assert.True(ReferralDirectoryJson.LoadFile(Out).ServiceCount >= 15);
    }

    [Theory]
    [InlineData("service_list.json", "service-list")]
    [InlineData("/feeds/211 Harris County.ndjson", "s211-harris-coun")]
    [InlineData("csv/", "csv")]
    [InlineData("___.json", "s")]
    public void Merge_keys_come_from_the_names(string path, string key) =>
        Assert.Equal(key, ImportHsdsCommand.KeyOf(path));
}

[System.Text.Json.Serialization.JsonSerializable(typeof(string))]
internal sealed partial class SourcesJson : System.Text.Json.Serialization.JsonSerializerContext;

public sealed class ExportHsdsCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nhtrc-export-hsds-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = ExportHsdsCommand.Run(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void The_sample_directory_exports_publicly_and_imports_back()
    {
        var directory = Path.Combine(_folder, "sample.json");
        File.WriteAllText(directory, ReferralDirectoryJson.Serialize(ReferralDirectory.Sample));
        var hsds = Path.Combine(_folder, "hsds.json");

        var (exitCode, stdout, stderr) = Run("--directory", directory, "--out", hsds);

        Assert.Equal((0, ""), (exitCode, stderr));
        Assert.EndsWith(", public\n", stdout, StringComparison.Ordinal);
        var confidential = ReferralDirectory.Sample.Organizations.SelectMany(o => o.Services).SelectMany(s => s.Locations).Where(l => l.IsConfidential && l.StreetAddress is not null).ToList();
        Assert.NotEmpty(confidential);
        // Every location marked confidential in the export has neither an address nor a point.
        var page = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(hsds))!;
        var locations = page["contents"]!.AsArray().SelectMany(org => org!["services"]!.AsArray())
            .SelectMany(s => s!["service_at_locations"]?.AsArray() ?? []).Select(sal => sal!["location"]!.AsObject()).ToList();
        var hidden = locations.Where(l => l.ToJsonString().Contains("confidential-location", StringComparison.Ordinal)).ToList();
        Assert.Equal(confidential.Count, hidden.Count);
        Assert.All(hidden, l => Assert.False(l.ContainsKey("addresses") || l.ContainsKey("latitude") || l.ContainsKey("longitude")));

        var out2 = Path.Combine(_folder, "back.json");
        using var o = new StringWriter();
        using var e = new StringWriter();
        ImportHsdsCommand.Run([hsds, "--out", out2], o, e);
        Assert.Equal(ReferralDirectory.Sample.ServiceCount, ReferralDirectoryJson.LoadFile(out2).ServiceCount);
    }

    [Fact]
    public void A_missing_directory_exits_two()
    {
        var (exitCode, _, stderr) = Run("--directory", Path.Combine(_folder, "none.json"), "--out", Path.Combine(_folder, "x.json"));
        Assert.Equal(2, exitCode);
        Assert.Contains("does not exist", stderr, StringComparison.Ordinal);
    }
}
