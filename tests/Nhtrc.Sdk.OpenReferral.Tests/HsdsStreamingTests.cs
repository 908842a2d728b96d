using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.OpenReferral.Tests;

/// <summary>The streamed JSON reader against a naive one that parses the whole text first.</summary>
public class HsdsStreamingTests
{
    private static readonly HsdsImportOptions Options = new()
    {
        DefaultTypes = [ServiceType.CaseManagement],
        DefaultLastVerified = new LocalDate(2026, 1, 1),
    };

    private static readonly string[] FixtureServices = LoadFixtureServices();

    private static string[] LoadFixtureServices()
    {
        using var list = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "us-fictional", "service_list.json")));
        return [.. list.RootElement.GetProperty("contents").EnumerateArray().Select(e => e.GetRawText())];
    }

    /// <summary>The naive reference: the whole text parsed at once, records taken from contents, the root or the lines.</summary>
    private static string Naive(string text, bool ndjson)
    {
        var import = new HsdsImport("t", Options);
        if (ndjson)
        {
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim().Length > 0)
                {
                    using var record = JsonDocument.Parse(lines[i]);
                    import.Add(record.RootElement, $"line {i + 1}");
                }
            }
        }
        else
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.TryGetProperty("contents", out var contents))
            {
                var i = 0;
                foreach (var item in contents.EnumerateArray())
                {
                    import.Add(item, $"$.contents[{i++}]");
                }
            }
            else
            {
                import.Add(document.RootElement, "$");
            }
        }

        return Canonical(import.Build());
    }

    private static string Canonical(ReferralDirectoryLoad load) =>
        ReferralDirectoryJson.Serialize(load.Directory) + "\n" +
        string.Join("\n", load.Report.Counts.Select(c => $"{c.Key}={c.Value}")) + "\n" +
        string.Join("\n", load.Report.Issues.Select(i => $"{i.Severity}|{i.Source}|{i.RecordId}|{i.Path}|{i.Message}"));

    private static async Task<(ReferralDirectoryLoad Load, int Buffer)> Streamed(string text, int chunk, bool ndjson, HsdsImportOptions? options = null, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bom)
        {
            bytes = [0xEF, 0xBB, 0xBF, .. bytes];
        }

        var import = new HsdsImport("t", options ?? Options);
        var buffer = await HsdsJsonRecords.ReadAsync(new ChunkedStream(bytes, chunk), "t", options ?? Options, import, ndjson, CancellationToken.None);
        return (import.Build(), buffer);
    }

    public static Arbitrary<(int[] Services, int Shape, int Chunk, bool Indented)> Inputs() =>
        (from services in Gen.Choose(0, FixtureServices.Length - 1).ArrayOf()
         from shape in Gen.Choose(0, 3)
         from chunk in Gen.OneOf(Gen.Choose(1, 16), Gen.Choose(17, 5000))
         from indented in Gen.Elements(true, false)
         select (services.Take(30).ToArray(), shape, chunk, indented)).ToArbitrary();

    private static string Compact(string json) => Rewrite(json, indented: false);

    private static string Indent(string json) => Rewrite(json, indented: true);

    private static string Rewrite(string json, bool indented)
    {
        using var document = JsonDocument.Parse(json);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            document.RootElement.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Shape 0: a paged list with metadata first; 1: contents first, metadata after; 2: NDJSON; 3: one record at the root.</summary>
    private static (string Text, bool NdJson) Render(int[] services, int shape, bool indented)
    {
        var records = services.Select(i => indented ? Indent(FixtureServices[i]) : Compact(FixtureServices[i])).ToArray();
        return shape switch
        {
            0 => ($$"""{ "total_items": {{records.Length}}, "total_pages": 1, "page_number": 1, "size": {{records.Length}}, "contents": [{{string.Join(",\n", records)}}], "empty": {{(records.Length == 0 ? "true" : "false")}} }""", false),
            1 => ($$"""{"contents":[{{string.Join(",", records)}}],"total_items":{{records.Length}},"first_page":true,"last_page":true}""", false),
            2 => (string.Join("\n", services.Select(i => Compact(FixtureServices[i])).Select((r, k) => k % 3 == 2 ? "\n" + r : r)) + "\n", true),
            _ => (records.Length == 0 ? FixtureServices[0] : records[0], false),
        };
    }

    [Property(Arbitrary = [typeof(HsdsStreamingTests)], MaxTest = 60)]
    public void Streaming_in_any_chunks_reads_what_parsing_the_whole_text_reads((int[] Services, int Shape, int Chunk, bool Indented) input)
    {
        var (text, ndjson) = Render(input.Services, input.Shape, input.Indented);
        var (load, _) = Streamed(text, input.Chunk, ndjson).GetAwaiter().GetResult();
        Assert.Equal(Naive(text, ndjson), Canonical(load));
    }

    [Fact]
    public async Task A_list_far_larger_than_the_buffer_is_read_through_a_buffer_the_size_of_a_record()
    {
        var records = Enumerable.Range(0, 2000).Select(i => FixtureServices[i % FixtureServices.Length].Replace("00000000-0000-4000-8000-01", $"{i:D8}-0000-4000-8000-01", StringComparison.Ordinal));
        var text = $$"""{ "total_items": 2000, "contents": [{{string.Join(",", records)}}] }""";
        Assert.True(text.Length > 5_000_000);
        var (load, buffer) = await Streamed(text, 1 << 20, ndjson: false);
        Assert.Equal(Naive(text, false), Canonical(load));
        Assert.Equal(64 * 1024, buffer);
    }

    [Fact]
    public async Task A_record_larger_than_the_buffer_grows_it_and_a_utf8_bom_is_skipped()
    {
        var big = FixtureServices[0].Replace("\"description\": \"", "\"description\": \"" + new string('x', 300_000), StringComparison.Ordinal);
        big = big.Replace("\"description\":\"", "\"description\":\"" + new string('x', 300_000), StringComparison.Ordinal);
        var text = $$"""{ "contents": [{{big}}, {{FixtureServices[1]}}] }""";
        var (load, buffer) = await Streamed(text, 7000, ndjson: false, bom: true);
        Assert.Equal(Naive(text, false), Canonical(load));
        Assert.True(buffer >= 300_000);
    }

    [Theory]
    [InlineData("""{ "contents": [{ "id": "a", "name": "x", "status": "active" }, { "id": "b" """, "not well-formed JSON (line 1)")]
    [InlineData("""{ "contents": [{ "id": "a", "name": "x", "status": "active" },, { "id": "b" }] }""", "not well-formed JSON (line 1)")]
    [InlineData("{ \"total_items\": 2,\n \"contents\": [\n{ \"id\": \"a\", \"name\": \"x\", \"status\": \"active\" },\n{ \"id\": \"b\" \"name\": 1 }] }", "not well-formed JSON (line 4)")]
    [InlineData("""{ "contents": [] } { "contents": [] }""", "not well-formed JSON")]
    [InlineData("", "not well-formed JSON")]
    public async Task Malformed_text_fails_whole_with_its_line(string text, string message)
    {
        foreach (var chunk in new[] { 1, 5, 4096 })
        {
            var e = await Assert.ThrowsAsync<NhtrcValidationException>(() => Streamed(text, chunk, ndjson: false));
            var problem = Assert.Single(e.Problems);
            Assert.Equal("$", problem.Location);
            Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("""[{ "id": "a" }]""", "$", "the root must be an object")]
    [InlineData("""{ "total_items": 1, "contents": { "id": "a" } }""", "$.contents", "contents must be an array")]
    [InlineData("""{ "contents": [{ "id": "a", "name": "x", "status": "active" }, 42] }""", "$.contents[1]", "must be an object")]
    public async Task A_list_of_the_wrong_shape_is_not_hsds_3(string text, string path, string message)
    {
        var e = await Assert.ThrowsAsync<NhtrcValidationException>(() => Streamed(text, 3, ndjson: false));
        var problem = Assert.Single(e.Problems);
        Assert.Equal(path, problem.Location);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(450, true)]
    [InlineData(450, false)]
    [InlineData(-1, true)]
    public async Task Across_batches_the_first_problem_in_document_order_fails_the_read(int legacyAt, bool truncated)
    {
        // About 3 MB of records: several batches are mapped while the scan goes on, so a record's own error (found by
        // the mapping) must still win over malformed text the scan meets later, and the records before it are merged.
        var records = Enumerable.Range(0, 600).Select(i => i == legacyAt
            ? """{ "id": "legacy", "name": "x", "status": "active", "regular_schedule": [] }"""
            : FixtureServices[i % FixtureServices.Length].Replace("00000000-0000-4000-8000-01", $"{i:D8}-0000-4000-8000-01", StringComparison.Ordinal));
        var text = $$"""{ "contents": [{{string.Join(",", records)}}] }""";
        Assert.True(text.Length > 2_500_000);
        if (truncated)
        {
            text = text[..^40];
        }

        var e = await Assert.ThrowsAsync<NhtrcValidationException>(() => Streamed(text, 1 << 16, ndjson: false));
        var problem = Assert.Single(e.Problems);
        if (legacyAt >= 0)
        {
            Assert.Equal($"$.contents[{legacyAt}].regular_schedule", problem.Location);
            Assert.Contains("from HSDS 1.x/2.x", problem.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal("$", problem.Location);
            Assert.Contains("not well-formed JSON", problem.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_list_with_a_property_lists_do_not_have_still_reads()
    {
        var text = $$"""{ "publisher": "fictional", "contents": [{{FixtureServices[3]}}, {{FixtureServices[4]}}] }""";
        var (load, _) = await Streamed(text, 100, ndjson: false);
        Assert.Equal(Naive(text, false), Canonical(load));
        Assert.Equal(2, load.Report.CountOf("services"));
    }

    [Fact]
    public async Task Ndjson_paths_name_the_line_and_a_bad_line_fails_whole()
    {
        var text = Compact(FixtureServices[3]) + "\n\n" + Compact(FixtureServices[11]) + "\n";
        var (load, _) = await Streamed(text, 50, ndjson: true);
        Assert.Contains(load.Report.Issues, i => i.Path.StartsWith("line 3.service_areas", StringComparison.Ordinal));

        var bad = Compact(FixtureServices[3]) + "\n{ \"id\": \"x\", \"regular_schedule\": [] }\n";
        var e = await Assert.ThrowsAsync<NhtrcValidationException>(() => Streamed(bad, 50, ndjson: true));
        Assert.Equal("line 2.regular_schedule", Assert.Single(e.Problems).Location);
    }

    [Fact]
    public async Task The_limits_hold_on_a_stream_that_cannot_say_its_length()
    {
        var text = $$"""{ "contents": [{{string.Join(",", FixtureServices)}}] }""";
        var small = Options with { Limits = new ReadLimits { MaxDocumentBytes = 20_000 } };
        var e = await Assert.ThrowsAsync<NhtrcValidationException>(() => Streamed(text, 4096, ndjson: false, small));
        Assert.Contains("ReadLimits.MaxDocumentBytes", Assert.Single(e.Problems).Message, StringComparison.Ordinal);

        var few = Options with { Limits = new ReadLimits { MaxListLength = 5 } };
        e = await Assert.ThrowsAsync<NhtrcValidationException>(() => Streamed(text, 4096, ndjson: false, few));
        Assert.Contains("ReadLimits.MaxListLength", Assert.Single(e.Problems).Message, StringComparison.Ordinal);

        var shallow = Options with { Limits = new ReadLimits { MaxDepth = 4 } };
        e = await Assert.ThrowsAsync<NhtrcValidationException>(() => Streamed(text, 4096, ndjson: false, shallow));
        Assert.Contains("not well-formed JSON", Assert.Single(e.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_stops_when_canceled()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var text = $$"""{ "contents": [{{string.Join(",", FixtureServices)}}] }""";
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            HsdsJsonRecords.ReadAsync(new ChunkedStream(Encoding.UTF8.GetBytes(text), 10), "t", Options, new HsdsImport("t", Options), false, cts.Token).AsTask());
    }

    /// <summary>A stream that returns at most <c>chunk</c> bytes a read and cannot seek, as a network stream does.</summary>
    internal sealed class ChunkedStream(byte[] bytes, int chunk) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, chunk), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
