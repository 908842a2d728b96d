using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Referrals;
using static Nhtrc.Sdk.OpenReferral.Tests.HsdsApiTesting;

namespace Nhtrc.Sdk.OpenReferral.Tests;

/// <summary>The live HSDS 3.0 API source against a real Kestrel server serving the fictional fixture.</summary>
public sealed partial class HsdsApiTests : IAsyncLifetime
{
    private HsdsApiTestServer _server = null!;
    private volatile string[] _records = FixtureServices;

    public async Task InitializeAsync() =>
        _server = await HsdsApiTestServer.StartAsync(context =>
            context.Request.Query["format"] == "ndjson"
                ? HsdsApiTestServer.Json(context, HsdsApiTestServer.NdJson(_records), "application/x-ndjson")
                : HsdsApiTestServer.Page(context, _records));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    internal static string Canonical(ReferralDirectoryLoad load) =>
        ReferralDirectoryJson.Serialize(load.Directory) + "\n" +
        string.Join("\n", load.Report.Counts.Select(c => $"{c.Key}={c.Value}")) + "\n" +
        string.Join("\n", load.Report.Issues.Select(i => $"{i.Severity}|{i.Source}|{i.RecordId}|{i.Path}|{i.Message}"));

    [GeneratedRegex(@"^\$\.contents\[(\d+)\]")]
    private static partial Regex ContentsIndex();

    /// <summary>
    /// The naive reference: the whole list parsed as one file, its issue paths renamed to the page the record is on
    /// when served <paramref name="perPage"/> a page (<c>$.contents[7]</c> with 5 a page is <c>page 2 $.contents[2]</c>).
    /// </summary>
    private static string FileImport(IReadOnlyList<string> records, int perPage, string source)
    {
        var text = $$"""{ "contents": [{{string.Join(",", records)}}] }""";
        var load = HsdsReader.Parse(text, source, Import);
        var issues = load.Report.Issues.Select(i =>
        {
            var match = ContentsIndex().Match(i.Path);
            if (!match.Success || perPage == 0)
            {
                return i;
            }

            var index = int.Parse(match.Groups[1].Value);
            var path = $"page {index / perPage + 1} $.contents[{index % perPage}]" + i.Path[match.Length..];
            return new DirectoryImportIssue(i.Severity, i.Source, i.RecordId, path, i.Message);
        });
        return Canonical(new ReferralDirectoryLoad(load.Directory, new DirectoryImportReport(load.Report.Source, load.Report.Counts, issues)));
    }

    private static string NdJsonFileImport(IReadOnlyList<string> records, string source) =>
        Canonical(HsdsReader.Parse(HsdsApiTestServer.NdJson(records), source, Import, ndjson: true));

    [Fact]
    public async Task Paged_import_of_the_fixture_reads_every_page_with_full_detail_and_equals_the_file_import()
    {
        var (source, provider) = Create(Fast(_server.BaseUri, perPage: 5));
        await using var _ = provider;
        var load = await source.LoadAsync();

        Assert.Equal(FileImport(FixtureServices, 5, source.Name), Canonical(load));
        Assert.Equal(HsdsReader.Parse(FixtureText, source.Name, Import).Report.CountOf("services"), load.Report.CountOf("services"));
        Assert.True(load.Report.CountOf("services") >= 20);
        Assert.Equal(
            Enumerable.Range(1, 5).Select(p => $"/hsds/services?page={p}&per_page=5&full=true"),
            _server.Requests);
        Assert.All(_server.Headers, h => Assert.Equal(Secret, h["X-Api-Key"]));
        Assert.StartsWith("hsds-api:127.0.0.1:", source.Name, StringComparison.Ordinal);
        Assert.EndsWith("/hsds", source.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Issue_paths_name_the_page_of_their_record()
    {
        var (source, provider) = Create(Fast(_server.BaseUri, perPage: 4));
        await using var _ = provider;
        var load = await source.LoadAsync();
        var pages = load.Report.Issues.Select(i => ContentsPage().Match(i.Path)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value)).Distinct().ToList();
        Assert.True(pages.Count >= 2, "the fixture's issues are on more than one page");
        Assert.All(load.Report.Issues, i => Assert.Matches(@"^page \d+ \$\.contents\[[0-3]\]", i.Path));
    }

    [GeneratedRegex(@"^page (\d+) ")]
    private static partial Regex ContentsPage();

    [Fact]
    public async Task Ndjson_import_is_one_request_and_equals_the_file_import_of_the_lines()
    {
        var (source, provider) = Create(Fast(_server.BaseUri) with { Format = HsdsApiFormat.NdJson });
        await using var _ = provider;
        var load = await source.LoadAsync();
        Assert.Equal(NdJsonFileImport(FixtureServices, source.Name), Canonical(load));
        Assert.Equal(["/hsds/services?format=ndjson&full=true"], _server.Requests);
        Assert.Contains(load.Report.Issues, i => i.Path.StartsWith("line ", StringComparison.Ordinal));
    }

    public static Arbitrary<(int[] Services, int PerPage, bool NdJson)> Inputs() =>
        (from services in Gen.Choose(0, FixtureServices.Length - 1).ArrayOf()
         from perPage in Gen.OneOf(Gen.Choose(1, 6), Gen.Choose(7, 40))
         from ndjson in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
         select (services.Distinct().Take(30).ToArray(), perPage, ndjson)).ToArbitrary();

    [Property(Arbitrary = [typeof(HsdsApiTests)], MaxTest = 25)]
    public void For_any_page_size_the_api_import_equals_the_file_import_of_the_same_records((int[] Services, int PerPage, bool NdJson) input)
    {
        var records = input.Services.Select(i => FixtureServices[i]).ToArray();
        _records = records;
        var options = Fast(_server.BaseUri, input.PerPage) with { Format = input.NdJson ? HsdsApiFormat.NdJson : HsdsApiFormat.Paged };
        var (source, provider) = Create(options);
        using (provider)
        {
            var load = source.LoadAsync().AsTask().GetAwaiter().GetResult();
            var expected = input.NdJson ? NdJsonFileImport(records, source.Name) : FileImport(records, input.PerPage, source.Name);
            Assert.Equal(expected, Canonical(load));
        }
    }
}
