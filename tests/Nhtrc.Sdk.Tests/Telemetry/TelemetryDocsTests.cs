using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Telemetry;
using Nhtrc.Sdk.Tests.Schemas;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Triage;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Telemetry;

/// <summary>
/// docs/telemetry.md against the code: every instrument on the meter, every span name and every log event is in its
/// table with the same kind, unit, id, level and template; and every documented instrument and span is emitted by the
/// paths that docs say record it. An instrument that stops being emitted, is renamed or changes unit fails here.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed partial class TelemetryDocsTests
{
    // Recorded by the directory reload service, which has its own tests; every other documented row is emitted below.
    [Fact]
    public void EveryDocumentedInstrument_IsEmitted_WithItsDocumentedKindUnitAndTagKeys()
    {
        var documented = Table("Metrics").ToDictionary(r => Code(r[0]), StringComparer.Ordinal);
        using var instruments = new InstrumentRecorder();

        RunEveryInstrumentedPath(instruments);
        instruments.Observe();

        var emitted = instruments.Measured;
        var missing = documented.Keys.Where(n => !emitted.Contains(n)).ToArray();
        Assert.True(missing.Length == 0, "documented but not emitted: " + string.Join(", ", missing));
        foreach (var (name, instrument) in instruments.Published)
        {
            Assert.True(documented.TryGetValue(name, out var row), $"{name} is on the meter but not in docs/telemetry.md");
            Assert.Equal(row[1], InstrumentRecorder.Kind(instrument));
            Assert.Equal(Code(row[2]), instrument.Unit);
            Assert.False(string.IsNullOrWhiteSpace(instrument.Description), name + " has no description");
        }

        foreach (var (name, tags) in instruments.Measurements)
        {
            var documentedKeys = Codes(documented[name][3]).ToHashSet(StringComparer.Ordinal);
            Assert.All(tags, t => Assert.Contains(t.Key, documentedKeys));
            Assert.Equal(documentedKeys.Count, tags.Length);
        }
    }

    [Fact]
    public void TheTagsTable_ListsExactlyTheMetricTagKeys_WithTheirValues()
    {
        var tags = Table("Tags").ToDictionary(r => Code(r[0]), r => Codes(r[1]).ToArray(), StringComparer.Ordinal);

        var used = Table("Metrics").SelectMany(r => Codes(r[3])).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(used.Order(StringComparer.Ordinal), tags.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(WireNames.All<RequestKind>(), tags["nhtrc.request.kind"]);
        Assert.Equal(WireNames.All<ContactChannel>(), tags["nhtrc.contact.channel"]);
        Assert.Equal(WireNames.All<Urgency>(), tags["nhtrc.urgency"]);
        Assert.Equal(WireNames.All<EscalationKind>(), tags["nhtrc.escalation.kind"]);
        Assert.Equal(WireNames.All<SlaWarning>().Where(n => n != "none"), tags["nhtrc.sla.warning"]);
        Assert.Equal(WireNames.All<ReferralPlaceKind>(), tags["nhtrc.referrals.place.kind"]);
        Assert.Equal(WireNames.All<ReferralAudience>(), tags["nhtrc.referrals.audience"]);
    }

    [Fact]
    public void EverySpanName_InTheCode_IsDocumented_AndEveryDocumentedSpanIsStarted()
    {
        var documented = Table("Spans").Select(r => Code(r[0])).ToHashSet(StringComparer.Ordinal);
        var inCode = typeof(NhtrcSpans).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);
        using var spans = new SpanRecorder();

        RunEveryInstrumentedPath();

        Assert.Equal(documented.Order(StringComparer.Ordinal), inCode.Order(StringComparer.Ordinal));
        var started = spans.Spans.Select(s => s.OperationName).ToHashSet(StringComparer.Ordinal);
        Assert.All(documented, n => Assert.Contains(n, started));
    }

    [Theory]
    [InlineData("Contact pipeline (1000-1099)", 1000)]
    [InlineData("Directory reload (2000-2099)", 2000)]
    public void EveryLogEvent_InTheCode_IsDocumented_WithItsIdNameLevelAndTemplate(string heading, int first)
    {
        var documented = Table(heading).ToDictionary(r => int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture));
        var declaring = first == 1000 ? [typeof(NhtrcLog)] : new[] { typeof(ReferralDirectoryUpdater), typeof(ReferralDirectoryReloadService) };
        var events = declaring
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Select(m => m.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .ToArray();

        Assert.Equal(documented.Keys.Order(), events.Select(e => e.EventId).Order());
        foreach (var e in events)
        {
            var row = documented[e.EventId];
            Assert.InRange(e.EventId, first, first + 99);
            Assert.Equal(Code(row[1]), e.EventName);
            Assert.Equal(row[2], e.Level.ToString());
            Assert.Equal(Code(row[3]), e.Message);
        }
    }

    [Fact]
    public void TheDocumentedTemplates_AreWhatTheLoggerReceives()
    {
        var logger = new FakeLogger<ContactPipeline>();
        var templates = Table("Contact pipeline (1000-1099)").ToDictionary(r => int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture), r => Code(r[3]));

        new ContactPipeline(TriageEngine.NhtrcDefault, logger: logger).Process(TelemetryExamples.PlantedCrisis(), ReferralDirectory.Sample, TelemetryExamples.ThursdayAfternoon);

        Assert.All(logger.Collector.GetSnapshot(), r => Assert.Equal(templates[r.Id.Id], r.GetStructuredStateValue("{OriginalFormat}")));
    }

    /// <summary>Every path docs/telemetry.md says records something, once; <paramref name="instruments"/> observes the gauges.</summary>
    private static void RunEveryInstrumentedPath(InstrumentRecorder? instruments = null)
    {
        var directory = ReferralDirectory.Sample;
        var contact = TelemetryExamples.PlantedCrisis();
        var outcome = ContactPipeline.NhtrcDefault.Process(contact, directory, contact.ReceivedAt);
        var email = ResponsePolicy.NhtrcDefault.ComputeDeadline(contact.ReceivedAt, ContactChannel.Email, Urgency.NonUrgent);
        SlaClock.Evaluate(email, [new SlaEvent(SlaEventKind.Received, contact.ReceivedAt)], Instant.FromUtc(2026, 7, 7, 20, 0)); // Tuesday afternoon: over half of three business days used
        SlaClock.Evaluate(outcome.Triage.Deadline, [new SlaEvent(SlaEventKind.Received, contact.ReceivedAt)], contact.ReceivedAt + Duration.FromMinutes(5));
        ReferralDirectoryJson.Parse(ReferralDirectoryJson.Serialize(ReferralDirectory.Create([directory.Organizations[0]])));

        // A reload that succeeds and one that fails (the counter, the span), then the age gauge observed.
        var json = System.Text.Encoding.UTF8.GetBytes(ReferralDirectoryJson.Serialize(ReferralDirectory.Create([directory.Organizations[0]])));
        var fail = false;
        var source = new JsonStreamDirectorySource("telemetry-docs", _ => fail ? throw new System.IO.IOException("down") : System.Threading.Tasks.ValueTask.FromResult<System.IO.Stream>(new System.IO.MemoryStream(json)));
        using var updater = new ReferralDirectoryUpdater(source, new ReferralDirectoryHolder(), NodaTime.Testing.FakeClock.FromUtc(2026, 12, 1));
        updater.ReloadAsync().GetAwaiter().GetResult();
        fail = true;
        updater.ReloadAsync().GetAwaiter().GetResult();
        instruments?.Observe();
    }

    /// <summary>The rows of the first table under the heading <paramref name="heading"/> (any level), as cells.</summary>
    private static List<string[]> Table(string heading)
    {
        var lines = File.ReadAllLines(Path.Combine(DocumentSchemas.RepositoryRoot(), "docs", "telemetry.md"));
        var start = Array.FindIndex(lines, l => l.TrimStart('#').Trim() == heading && l.StartsWith('#'));
        Assert.True(start >= 0, "docs/telemetry.md has no heading " + heading);
        var rows = lines.Skip(start + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2);
        return [.. rows.Select(r => r.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray())];
    }

    // The first `code` span of a cell, else the cell.
    private static string Code(string cell) => Codes(cell).FirstOrDefault() ?? cell;

    private static IEnumerable<string> Codes(string cell) => CodeSpan().Matches(cell).Select(m => m.Groups[1].Value);

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();
}
