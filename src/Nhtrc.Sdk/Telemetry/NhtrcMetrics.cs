using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace Nhtrc.Sdk.Telemetry;

/// <summary>
/// The SDK's instruments (docs/telemetry.md), each created once on <see cref="NhtrcTelemetry.Meter"/>, and the one way
/// each is recorded. Tag values are passed as text (wire names) because this namespace names no domain type. A call site
/// checks the instrument's <see cref="Instrument.Enabled"/> before it computes tags, so with no listener a hot path pays
/// one field read and allocates nothing.
/// </summary>
internal static class NhtrcMetrics
{
    // Boxed once: a bool tag value would otherwise box on every measurement.
    private static readonly object True = true;
    private static readonly object False = false;

    /// <summary>Contacts triaged: one per <c>TriageEngine.Triage</c> that returns an outcome.</summary>
    public static Counter<long> ContactsTriaged { get; } = NhtrcTelemetry.Meter.CreateCounter<long>(
        "nhtrc.contacts.triaged", "{contact}", "Contacts triaged, by request kind, channel and decided urgency.");

    /// <summary>Escalations decided by triage, made or not.</summary>
    public static Counter<long> Escalations { get; } = NhtrcTelemetry.Meter.CreateCounter<long>(
        "nhtrc.escalations", "{escalation}", "Escalations decided by triage, by kind and whether they are made.");

    /// <summary>Response deadlines computed: one per <c>ResponsePolicy.ComputeDeadline</c> that returns one.</summary>
    public static Counter<long> DeadlinesComputed { get; } = NhtrcTelemetry.Meter.CreateCounter<long>(
        "nhtrc.deadlines.computed", "{deadline}", "Response deadlines computed, by channel and urgency.");

    /// <summary>SLA clock readings of an unanswered request, not yet past its due time, that has used half or more of its time.</summary>
    public static Counter<long> SlaWarnings { get; } = NhtrcTelemetry.Meter.CreateCounter<long>(
        "nhtrc.sla.warnings", "{reading}", "SLA clock readings at risk: unanswered, not past due, with half or more of the time to due used.");

    /// <summary>SLA clock readings whose status is breached.</summary>
    public static Counter<long> SlaBreaches { get; } = NhtrcTelemetry.Meter.CreateCounter<long>(
        "nhtrc.sla.breaches", "{reading}", "SLA clock readings that found the due time passed before an answer.");

    /// <summary>How long a referral match took, in seconds.</summary>
    public static Histogram<double> MatchDuration { get; } = NhtrcTelemetry.Meter.CreateHistogram(
        "nhtrc.referrals.match.duration",
        "s",
        "How long a referral directory match took.",
        tags: null,
        advice: new InstrumentAdvice<double>
        {
            // Matches take microseconds to milliseconds; OpenTelemetry's default buckets start at 5 (seconds here).
            HistogramBucketBoundaries = [0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
        });

    /// <summary>How many matches a referral match returned.</summary>
    public static Histogram<int> MatchResults { get; } = NhtrcTelemetry.Meter.CreateHistogram(
        "nhtrc.referrals.match.results",
        "{match}",
        "How many matches a referral directory match returned.",
        tags: null,
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [0, 1, 2, 3, 5, 10, 25, 50, 100, 250, 500, 1000] });

    /// <summary>Counts a triaged contact.</summary>
    public static void ContactTriaged(string requestKind, string channel, string urgency) =>
        ContactsTriaged.Add(1, Tag(NhtrcTags.RequestKind, requestKind), Tag(NhtrcTags.Channel, channel), Tag(NhtrcTags.Urgency, urgency));

    /// <summary>Counts an escalation decided by triage.</summary>
    public static void Escalation(string kind, bool made) =>
        Escalations.Add(1, Tag(NhtrcTags.EscalationKind, kind), Tag(NhtrcTags.EscalationMade, made ? True : False));

    /// <summary>Counts a computed deadline.</summary>
    public static void DeadlineComputed(string channel, string urgency) =>
        DeadlinesComputed.Add(1, Tag(NhtrcTags.Channel, channel), Tag(NhtrcTags.Urgency, urgency));

    /// <summary>Counts an SLA reading at risk.</summary>
    public static void SlaWarning(string warning, string channel, string urgency) =>
        SlaWarnings.Add(1, Tag(NhtrcTags.SlaWarning, warning), Tag(NhtrcTags.Channel, channel), Tag(NhtrcTags.Urgency, urgency));

    /// <summary>Counts a breached SLA reading.</summary>
    public static void SlaBreach(string channel, string urgency, bool responded) =>
        SlaBreaches.Add(1, Tag(NhtrcTags.Channel, channel), Tag(NhtrcTags.Urgency, urgency), Tag(NhtrcTags.SlaResponded, responded ? True : False));

    /// <summary>Records one referral match's duration and result count, each when enabled.</summary>
    public static void Match(double seconds, int matches, string urgency, string placeKind, string audience)
    {
        var urgencyTag = Tag(NhtrcTags.Urgency, urgency);
        var placeTag = Tag(NhtrcTags.PlaceKind, placeKind);
        var audienceTag = Tag(NhtrcTags.Audience, audience);
        if (MatchDuration.Enabled)
        {
            MatchDuration.Record(seconds, urgencyTag, placeTag, audienceTag);
        }

        if (MatchResults.Enabled)
        {
            MatchResults.Record(matches, urgencyTag, placeTag, audienceTag);
        }
    }

    private static KeyValuePair<string, object?> Tag(string key, object value) => new(key, value);
}
