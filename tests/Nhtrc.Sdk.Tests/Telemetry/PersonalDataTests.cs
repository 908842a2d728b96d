using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging.Testing;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Triage;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Telemetry;

/// <summary>
/// A contact whose name, phone, email, address, narrative, location and id are planted markers goes through every
/// instrumented path; no marker may come out in a log message, a log field, a metric tag, a span name or a span tag.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class PersonalDataTests
{
    [Fact]
    public void PlantedMarkers_AppearInNoLog_Tag_OrSpan()
    {
        var directory = ReferralDirectory.Sample;
        var json = ReferralDirectoryJson.Serialize(ReferralDirectory.Create([directory.Organizations[0]]));
        var logger = new FakeLogger<ContactPipeline>();
        using var instruments = new InstrumentRecorder();
        using var spans = new SpanRecorder();
        var pipeline = new ContactPipeline(TriageEngine.NhtrcDefault, logger: logger);

        var contact = TelemetryExamples.PlantedCrisis();
        var outcome = pipeline.Process(contact, directory, contact.ReceivedAt);
        pipeline.Process(TelemetryExamples.PlantedCrisis(new CallerLocation(zip: "00000")), directory, contact.ReceivedAt);
        pipeline.Process(TelemetryExamples.PlantedCrisis(channel: ContactChannel.Email), null, contact.ReceivedAt);
        SlaClock.Evaluate(outcome.Triage.Deadline, [new SlaEvent(SlaEventKind.Received, contact.ReceivedAt)], contact.ReceivedAt + Duration.FromMinutes(5));
        ReferralDirectoryJson.Parse(json);
        instruments.Observe();

        // The scenario reached every path: logs of each kind, every instrument of the paths, every span.
        Assert.Equal([1000, 1001, 1002, 1003, 1004], logger.Collector.GetSnapshot().Select(r => r.Id.Id).Distinct().Order());
        Assert.Superset(
            new HashSet<string> { "nhtrc.contacts.triaged", "nhtrc.escalations", "nhtrc.deadlines.computed", "nhtrc.sla.breaches", "nhtrc.referrals.match.duration", "nhtrc.referrals.match.results" },
            new HashSet<string>(instruments.Measured));
        Assert.Superset(
            new HashSet<string> { "nhtrc.triage", "nhtrc.referrals.match", "nhtrc.directory.load" },
            spans.Spans.Select(s => s.OperationName).ToHashSet());

        var texts = new List<(string Where, string? Text)>(LogTests.Texts(logger.Collector.GetSnapshot()));
        foreach (var (instrument, tags) in instruments.Measurements)
        {
            texts.AddRange(tags.SelectMany(t => new (string, string?)[] { ($"{instrument} tag key", t.Key), ($"{instrument} tag {t.Key}", t.Value?.ToString()) }));
        }

        foreach (var span in spans.Spans)
        {
            texts.AddRange([("span name", span.OperationName), ("span display name", span.DisplayName), ("span status", span.StatusDescription)]);
            texts.AddRange(span.TagObjects.SelectMany(t => new (string, string?)[] { ($"{span.OperationName} tag key", t.Key), ($"{span.OperationName} tag {t.Key}", t.Value?.ToString()) }));
            texts.AddRange(span.Baggage.Select(b => ($"{span.OperationName} baggage", b.Value)));
            texts.AddRange(span.Events.Select(e => ($"{span.OperationName} event", (string?)e.Name)));
        }

        Assert.True(texts.Count > 50, "the scenario produced too little telemetry to check: " + texts.Count);
        Assert.Empty(TelemetryExamples.FoundMarkers(texts));
    }

    [Fact]
    public void TheMarkerCheck_FindsAMarker_WhereOneIsPlanted()
    {
        // Guards the test above against passing because the check can find nothing.
        Assert.Single(TelemetryExamples.FoundMarkers([("a planted log", (string?)"Caller QUILLONWICK called")]));
        Assert.Single(TelemetryExamples.FoundMarkers([("a planted tag", (string?)"+1 202-555-0177")]), s => s.StartsWith(TelemetryExamples.Phone, System.StringComparison.Ordinal));
        Assert.Empty(TelemetryExamples.FoundMarkers([("clean", (string?)"Contact triaged: crisis by chat, urgent")]));
    }
}
