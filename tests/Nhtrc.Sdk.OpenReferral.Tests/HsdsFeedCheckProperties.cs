using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Nhtrc.Sdk.OpenReferral.Tests;

/// <summary>
/// Laws of the feed checker on random lists of fixture services, some with a planted error: it agrees with JsonSchema.Net
/// validating the whole page at once (HsdsSchemaValidator, which shares no code with it), it finds problems in exactly
/// the records that have an error, and any chunking of the text, or the same records as NDJSON, gives the same problems.
/// </summary>
public class HsdsFeedCheckProperties
{
    /// <summary>What a planted error does to a record; 0 plants none. 7 and 8 break rules JSON Schema does not check.</summary>
    private static readonly Action<JsonNode>[] Mutations =
    [
        _ => { },
        r => r.AsObject().Remove("name"),
        r => r["status"] = "open",
        r => r["phones"]![0]!.AsObject().Remove("number"),
        r => r["schedules"]![0]!["timezone"] = "minus six",
        r => r["minimum_age"] = "ten",
        r => r["phones"] = "555-0100",
        r => r["regular_schedule"] = new JsonArray(),
        r => r["schedules"]![0]!["valid_from"] = "2026-02-30",
    ];

    public static Arbitrary<(int Record, int Mutation)[]> Lists() =>
        (from record in Gen.Choose(0, HsdsApiTesting.FixtureServices.Length - 1)
         from mutation in Gen.Frequency((3, Gen.Constant(0)), (6, Gen.Choose(1, Mutations.Length - 1)))
         select (record, mutation)).ArrayOf().Select(a => a.Take(12).ToArray()).ToArbitrary();

    public static Arbitrary<((int Record, int Mutation)[] Records, int Chunk)> ChunkedLists() =>
        (from records in Lists().Generator
         from chunk in Gen.OneOf(Gen.Choose(1, 64), Gen.Choose(65, 70_000))
         select (records, chunk)).ToArbitrary();

    private static List<string> Records((int Record, int Mutation)[] list) =>
    [
        .. list.Select(r =>
        {
            var node = JsonNode.Parse(HsdsApiTesting.FixtureServices[r.Record])!;
            Mutations[r.Mutation](node);
            return node.ToJsonString();
        }),
    ];

    private static string Page(List<string> records) =>
        $$"""{ "total_items": {{records.Count}}, "total_pages": 1, "page_number": 1, "contents": [{{string.Join(",\n", records)}}] }""";

    private static HsdsFeedCheckResult Check(Stream text, bool ndjson = false) =>
        HsdsFeedCheck.CheckStreamAsync(text, "feed.json", ndjson, new HsdsFeedCheckOptions { Kind = HsdsRecordKind.Service }).AsTask().GetAwaiter().GetResult();

    [Property(Arbitrary = [typeof(HsdsFeedCheckProperties)], MaxTest = 40)]
    public void A_page_the_checker_accepts_by_the_schemas_is_one_JsonSchema_Net_accepts_whole((int Record, int Mutation)[] list)
    {
        var page = Page(Records(list));
        var result = Check(new MemoryStream(Encoding.UTF8.GetBytes(page)));

        var bySchemas = result.Problems.Where(p => p.Keyword is not ("datapackage_type" or "hsds-version")).ToList();
        var reference = HsdsSchemaValidator.ValidateServicePage(page);
        Assert.Equal(reference.Count == 0, bySchemas.Count == 0);
    }

    [Property(Arbitrary = [typeof(HsdsFeedCheckProperties)], MaxTest = 40)]
    public void Problems_are_found_in_exactly_the_records_with_a_planted_error((int Record, int Mutation)[] list)
    {
        var result = Check(new MemoryStream(Encoding.UTF8.GetBytes(Page(Records(list)))));

        var expected = Enumerable.Range(0, list.Length).Where(i => list[i].Mutation != 0).ToHashSet();
        var found = result.Problems.Select(p => int.Parse(p.Path["$.contents[".Length..p.Path.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        Assert.Equal(expected.Order(), found.Order());
        Assert.Equal(list.Length, result.Records.GetValueOrDefault("service"));
    }

    [Property(Arbitrary = [typeof(HsdsFeedCheckProperties)], MaxTest = 40)]
    public void Any_chunking_and_the_same_records_as_ndjson_give_the_same_problems(((int Record, int Mutation)[] Records, int Chunk) input)
    {
        var records = Records(input.Records);
        var bytes = Encoding.UTF8.GetBytes(Page(records));
        var whole = Check(new MemoryStream(bytes));

        var chunked = Check(new HsdsStreamingTests.ChunkedStream(bytes, input.Chunk));
        Assert.Equal(whole.Problems.ToArray(), chunked.Problems.ToArray());

        var ndjson = Check(new HsdsStreamingTests.ChunkedStream(Encoding.UTF8.GetBytes(string.Concat(records.Select(r => r + "\n"))), input.Chunk), ndjson: true);
        Assert.Equal(
            whole.Problems.Select(p => (Naive.LineOf(p.Path), p.Keyword, p.Message)),
            ndjson.Problems.Select(p => (p.Path, p.Keyword, p.Message)));
    }

    /// <summary>The NDJSON path of a page's path, written out by hand: <c>$.contents[i]X</c> is <c>line i+1X</c>.</summary>
    private static class Naive
    {
        public static string LineOf(string path)
        {
            const string Prefix = "$.contents[";
            var close = path.IndexOf(']', StringComparison.Ordinal);
            var index = int.Parse(path[Prefix.Length..close], System.Globalization.CultureInfo.InvariantCulture);
            return "line " + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + path[(close + 1)..];
        }
    }
}
