using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Telemetry;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Triage;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Telemetry;

/// <summary>Every instrument of docs/telemetry.md, collected by its documented name, with its tags.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class MetricsTests
{
    private static readonly ResponsePolicy Policy = ResponsePolicy.NhtrcDefault;

    [Fact]
    public void Triage_CountsTheContact_ByRequestKindChannelAndDecidedUrgency()
    {
        using var triaged = Collect<long>("nhtrc.contacts.triaged");

        TriageEngine.NhtrcDefault.Triage(TelemetryExamples.PlantedCrisis(), TelemetryExamples.ThursdayAfternoon);
        TriageEngine.NhtrcDefault.Triage(RoutineTip(ContactChannel.WebForm), TelemetryExamples.ThursdayAfternoon);

        var measurements = triaged.GetMeasurementSnapshot();
        Assert.Equal(2, measurements.Count);
        Assert.All(measurements, m => Assert.Equal(1, m.Value));
        Assert.Equal(Tags(("nhtrc.request.kind", "crisis"), ("nhtrc.contact.channel", "chat"), ("nhtrc.urgency", "urgent")), measurements[0].Tags);
        Assert.Equal(Tags(("nhtrc.request.kind", "tip"), ("nhtrc.contact.channel", "webForm"), ("nhtrc.urgency", "nonUrgent")), measurements[1].Tags);
    }

    [Fact]
    public void Triage_ThatThrows_CountsNothing()
    {
        using var triaged = Collect<long>("nhtrc.contacts.triaged");
        var contact = TelemetryExamples.PlantedCrisis();

        Assert.Throws<ArgumentOutOfRangeException>(() => TriageEngine.NhtrcDefault.Triage(contact, contact.ReceivedAt - Duration.FromMinutes(1)));

        Assert.Empty(triaged.GetMeasurementSnapshot());
    }

    [Fact]
    public void Triage_CountsEachEscalation_ByKind_AndWhetherItIsMade()
    {
        using var escalations = Collect<long>("nhtrc.escalations");

        var outcome = TriageEngine.NhtrcDefault.Triage(TelemetryExamples.PlantedCrisis(), TelemetryExamples.ThursdayAfternoon);

        var measured = escalations.GetMeasurementSnapshot()
            .Select(m => ((string)m.Tags["nhtrc.escalation.kind"]!, (bool)m.Tags["nhtrc.escalation.made"]!, m.Value))
            .ToArray();
        Assert.Equal(outcome.Escalations.Select(e => (WireNames.Of(e.Kind), e.IsMade, 1L)), measured);
        Assert.Equal([("emergencyServices", true, 1L), ("lawEnforcement", false, 1L), ("supervisor", true, 1L)], measured);
        Assert.All(escalations.GetMeasurementSnapshot(), m => Assert.Equal(2, m.Tags.Count));
    }

    [Fact]
    public void ComputeDeadline_CountsTheDeadline_ByChannelAndUrgency()
    {
        using var deadlines = Collect<long>("nhtrc.deadlines.computed");

        Policy.ComputeDeadline(TelemetryExamples.ThursdayAfternoon, ContactChannel.Email, Urgency.NonUrgent);
        new ResponseTimeService(Policy, new NodaTime.Testing.FakeClock(TelemetryExamples.ThursdayAfternoon)).ComputeDeadlineForNow(ContactChannel.Text, Urgency.Urgent);

        var measurements = deadlines.GetMeasurementSnapshot();
        Assert.Equal(2, measurements.Count);
        Assert.Equal(Tags(("nhtrc.contact.channel", "email"), ("nhtrc.urgency", "nonUrgent")), measurements[0].Tags);
        Assert.Equal(Tags(("nhtrc.contact.channel", "text"), ("nhtrc.urgency", "urgent")), measurements[1].Tags);
    }

    [Fact]
    public void Triage_ComputesItsDeadline_ThroughThePolicy_SoItIsCountedOnce()
    {
        using var deadlines = Collect<long>("nhtrc.deadlines.computed");

        TriageEngine.NhtrcDefault.Triage(TelemetryExamples.PlantedCrisis(), TelemetryExamples.ThursdayAfternoon);

        var measurement = Assert.Single(deadlines.GetMeasurementSnapshot());
        Assert.Equal(Tags(("nhtrc.contact.channel", "chat"), ("nhtrc.urgency", "urgent")), measurement.Tags);
    }

    [Fact]
    public void SlaReading_AtRisk_IsAWarning_WithItsLevel_AndPendingOrMetCountsNothing()
    {
        using var warnings = Collect<long>("nhtrc.sla.warnings");
        using var breaches = Collect<long>("nhtrc.sla.breaches");

        var early = NonUrgentEmail(Edt(9, 12));
        var half = NonUrgentEmail(Edt(11, 12));
        var threeQuarters = NonUrgentEmail(Edt(12, 9, 15));
        var met = NonUrgentEmail(Edt(12, 10), new SlaEvent(SlaEventKind.Responded, Edt(11, 12)));

        // The readings are what the counters classify.
        Assert.Equal((SlaStatus.Pending, SlaWarning.None), (early.Status, early.Warning));
        Assert.Equal((SlaStatus.PastTarget, SlaWarning.HalfUsed), (half.Status, half.Warning));
        Assert.Equal((SlaStatus.PastTarget, SlaWarning.ThreeQuartersUsed), (threeQuarters.Status, threeQuarters.Warning));
        Assert.Equal(SlaStatus.Met, met.Status);
        var measurements = warnings.GetMeasurementSnapshot();
        Assert.Equal(2, measurements.Count);
        Assert.Equal(Tags(("nhtrc.sla.warning", "halfUsed"), ("nhtrc.contact.channel", "email"), ("nhtrc.urgency", "nonUrgent")), measurements[0].Tags);
        Assert.Equal(Tags(("nhtrc.sla.warning", "threeQuartersUsed"), ("nhtrc.contact.channel", "email"), ("nhtrc.urgency", "nonUrgent")), measurements[1].Tags);
        Assert.Empty(breaches.GetMeasurementSnapshot());
    }

    [Fact]
    public void SlaReading_PastDue_IsABreach_NotAWarning_AndSaysWhetherItWasAnswered()
    {
        using var warnings = Collect<long>("nhtrc.sla.warnings");
        using var breaches = Collect<long>("nhtrc.sla.breaches");

        var unanswered = NonUrgentEmail(Edt(12, 20));
        var late = NonUrgentEmail(Edt(13, 12), new SlaEvent(SlaEventKind.Responded, Edt(13, 10)));
        var deadline = Policy.ComputeDeadline(Edt(9, 10), ContactChannel.Phone, Urgency.Urgent);
        var immediate = new ResponseTimeService(Policy, new NodaTime.Testing.FakeClock(Edt(9, 11))).ReadClock(deadline, [new SlaEvent(SlaEventKind.Received, Edt(9, 10))]);

        Assert.Equal((SlaStatus.Breached, SlaWarning.ThreeQuartersUsed), (unanswered.Status, unanswered.Warning));
        Assert.Equal(SlaStatus.Breached, late.Status);
        Assert.Equal(SlaStatus.Breached, immediate.Status);
        var measurements = breaches.GetMeasurementSnapshot();
        Assert.Equal(3, measurements.Count);
        Assert.Equal(Tags(("nhtrc.contact.channel", "email"), ("nhtrc.urgency", "nonUrgent"), ("nhtrc.sla.responded", false)), measurements[0].Tags);
        Assert.Equal(Tags(("nhtrc.contact.channel", "email"), ("nhtrc.urgency", "nonUrgent"), ("nhtrc.sla.responded", true)), measurements[1].Tags);
        Assert.Equal(Tags(("nhtrc.contact.channel", "phone"), ("nhtrc.urgency", "urgent"), ("nhtrc.sla.responded", false)), measurements[2].Tags);
        Assert.Empty(warnings.GetMeasurementSnapshot());
    }

    [Fact]
    public void Match_RecordsItsDurationInSeconds_AndItsResultCount_WithBoundedTags()
    {
        var directory = ReferralDirectory.Sample;
        using var duration = Collect<double>("nhtrc.referrals.match.duration");
        using var results = Collect<int>("nhtrc.referrals.match.results");

        var found = directory.Match(ShelterQuery(ReferralPlace.FromZip(TelemetryExamples.Zip), count: 3));
        var other = directory.Match(new ReferralQuery
        {
            Needs = [ServiceType.LegalServices],
            Place = ReferralPlace.FromState("WY"),
            At = TelemetryExamples.ThursdayAfternoon,
            Audience = ReferralAudience.Advocate,
        });

        Assert.Equal("s", duration.Instrument!.Unit);
        Assert.Equal("{match}", results.Instrument!.Unit);
        var seconds = duration.GetMeasurementSnapshot();
        Assert.Equal(2, seconds.Count);
        Assert.All(seconds, m => Assert.InRange(m.Value, double.Epsilon, 60));
        Assert.Equal(Tags(("nhtrc.urgency", "urgent"), ("nhtrc.referrals.place.kind", "zip"), ("nhtrc.referrals.audience", "public")), seconds[0].Tags);
        Assert.Equal(Tags(("nhtrc.urgency", "nonUrgent"), ("nhtrc.referrals.place.kind", "state"), ("nhtrc.referrals.audience", "advocate")), seconds[1].Tags);
        Assert.Equal([found.Matches.Length, other.Matches.Length], results.GetMeasurementSnapshot().Select(m => m.Value));
        Assert.Equal(3, found.Matches.Length);
        Assert.Equal(seconds.Select(m => m.Tags), results.GetMeasurementSnapshot().Select(m => m.Tags));
    }

    [Fact]
    public void Match_ThatIsInvalid_RecordsNothing()
    {
        using var duration = Collect<double>("nhtrc.referrals.match.duration");
        using var results = Collect<int>("nhtrc.referrals.match.results");

        Assert.Throws<NhtrcValidationException>(() => ReferralDirectory.Sample.Match(ShelterQuery(ReferralPlace.FromZip(TelemetryExamples.Zip), count: 0)));

        Assert.Empty(duration.GetMeasurementSnapshot());
        Assert.Empty(results.GetMeasurementSnapshot());
    }

    [Fact]
    public void Instruments_AreDisabled_WithoutAListener_AndEnabledByOne()
    {
        // Call sites skip their tags and clock reads on Enabled; a listener turns exactly its instrument on.
        Assert.False(NhtrcMetrics.DeadlinesComputed.Enabled);
        using (Collect<long>("nhtrc.deadlines.computed"))
        {
            Assert.True(NhtrcMetrics.DeadlinesComputed.Enabled);
            Assert.False(NhtrcMetrics.ContactsTriaged.Enabled);
        }

        Assert.False(NhtrcMetrics.DeadlinesComputed.Enabled);
    }

    [Fact]
    public void Match_WithoutAListener_AllocatesNoMoreThanTheMatcherItself()
    {
        var directory = ReferralDirectory.Sample;
        var query = ShelterQuery(ReferralPlace.FromZip(TelemetryExamples.Zip), count: 3);
        Assert.False(NhtrcTelemetry.Source.HasListeners());
        for (var i = 0; i < 3; i++)
        {
            directory.Match(query);
            Bare(directory, query);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        directory.Match(query);
        var observed = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        Bare(directory, query);
        var bare = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(bare, observed);

        // What Match does without its telemetry: validate the query, then match.
        static ReferralResult Bare(ReferralDirectory directory, ReferralQuery query)
        {
            query.Validate();
            return ReferralMatcher.Match(directory.Index, query);
        }
    }

    [Fact]
    public void ComputeDeadline_WithoutAListener_AllocatesOnlyTheDeadline()
    {
        var at = TelemetryExamples.ThursdayAfternoon;
        var rule = Policy.GetRule(ContactChannel.Phone, Urgency.Urgent);
        for (var i = 0; i < 3; i++)
        {
            Policy.ComputeDeadline(at, ContactChannel.Phone, Urgency.Urgent);
            _ = new ResponseDeadline(at, ContactChannel.Phone, Urgency.Urgent, at, at, rule, Policy);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        Policy.ComputeDeadline(at, ContactChannel.Phone, Urgency.Urgent);
        var computed = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        _ = new ResponseDeadline(at, ContactChannel.Phone, Urgency.Urgent, at, at, rule, Policy);
        var deadlineOnly = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(deadlineOnly, computed);
    }

    internal static MetricCollector<T> Collect<T>(string instrument)
        where T : struct => new(meterScope: null, NhtrcTelemetry.MeterName, instrument);

    internal static Contact RoutineTip(ContactChannel channel) => new(
        "t-routine",
        TelemetryExamples.ThursdayAfternoon,
        channel,
        RequestKind.Tip,
        new Caller(CallerRole.CommunityMember, isAnonymous: true, LanguageTag.Parse("en")));

    internal static ReferralQuery ShelterQuery(ReferralPlace place, int count) => new()
    {
        Needs = [ServiceType.EmergencyShelter],
        Place = place,
        Urgency = Urgency.Urgent,
        At = TelemetryExamples.ThursdayAfternoon,
        Count = count,
    };

    private static Dictionary<string, object?> Tags(params (string Key, object Value)[] tags) =>
        tags.ToDictionary(t => t.Key, t => (object?)t.Value, StringComparer.Ordinal);

    // EDT is UTC-4 in March after the 8th: Monday 9 March 2026 onwards.
    private static Instant Edt(int day, int hour, int minute = 0) =>
        Instant.FromUtc(2026, 3, day, 0, 0) + Duration.FromHours(hour + 4) + Duration.FromMinutes(minute);

    private static SlaState NonUrgentEmail(Instant at, params SlaEvent[] more) =>
        SlaClock.Evaluate(Policy, ContactChannel.Email, Urgency.NonUrgent, [new SlaEvent(SlaEventKind.Received, Edt(9, 10)), .. more], at);
}
