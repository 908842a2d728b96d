using System;
using System.Collections.Generic;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Resources;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Triage;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Hostile;

/// <summary>
/// Every public entry point with extreme arguments: instants (<see cref="Instant.MinValue"/>, <see cref="Instant.MaxValue"/>,
/// years 0, 1, 1000, 9999 and the calendar edges), durations (<see cref="Duration.MaxValue"/>, <see cref="Duration.MinValue"/>,
/// zero, negative), counts (0, -1, <see cref="int.MaxValue"/>), coordinates (poles, antimeridian, NaN, infinities) and
/// huge search text. Each call returns or throws a documented exception (<see cref="Validation.NhtrcValidationException"/>
/// or an <see cref="ArgumentException"/>), within 10 s. All outcomes of a test are listed in one failure message.
/// </summary>
public sealed class ExtremeValueTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 7, 2, 22, 59);

    public static readonly Instant[] Instants =
    [
        Instant.MinValue, Instant.MaxValue, Instant.MinValue + Duration.Epsilon, Instant.MaxValue - Duration.Epsilon,
        Instant.FromUtc(-9998, 1, 1, 0, 0), Instant.FromUtc(0, 1, 1, 0, 0), Instant.FromUtc(1, 1, 1, 0, 0), Instant.FromUtc(1000, 6, 1, 12, 0),
        Instant.FromUtc(1799, 12, 31, 23, 59), Instant.FromUtc(1800, 1, 1, 0, 0), Instant.FromUtc(1971, 1, 1, 0, 0),
        Instant.FromUtc(2200, 12, 31, 20, 0), Instant.FromUtc(2201, 1, 1, 0, 0), Instant.FromUtc(9999, 12, 31, 23, 59, 59), At,
    ];

    public static readonly Duration[] Durations =
    [
        Duration.MaxValue, Duration.MinValue, Duration.Zero, Duration.Epsilon, -Duration.Epsilon, Duration.FromDays(-1),
        Duration.FromDays(366), Duration.FromDays(100_000), Duration.FromDays(-100_000), Duration.FromHours(1),
    ];

    public static readonly int[] Counts = [0, -1, 1, 366, 367, 1000, 1001, int.MaxValue, int.MinValue];

    public static readonly LocalDate[] Dates =
    [
        LocalDate.MinIsoValue, LocalDate.MaxIsoValue, new(0, 1, 1), new(1, 1, 1), new(1000, 2, 28), new(1799, 12, 31), new(2200, 12, 31), new(9999, 12, 31), new(2026, 7, 2),
    ];

    public static readonly (double Latitude, double Longitude)[] Coordinates =
    [
        (90, 0), (-90, 0), (90, 180), (-90, -180), (0, 180), (0, -180), (52, 179.9999999), (91, 0), (0, 181), (-91, -181),
        (double.NaN, 0), (0, double.NaN), (double.PositiveInfinity, 0), (0, double.NegativeInfinity), (1e308, -1e308), (-0.0, -0.0),
        (double.Epsilon, double.MaxValue), (38.9, -77.03),
    ];

    private static IReadOnlyList<ServiceCalendar> Calendars =>
        [ResponsePolicy.NhtrcDefault.BusinessCalendar, .. HostileSeeds.Calendars.Skip(1).Take(2).Select(s => ServiceCalendarJson.Parse(s.Json))];

    private static Contact SampleContact(Instant receivedAt)
    {
        var c = HostileSeeds.SampleContacts[0];
        return new Contact(c.Id, receivedAt, c.Channel, c.RequestKind, c.Caller, c.Signals, c.TechnicalAssistance, c.ReferralNeeds);
    }

    [Fact]
    public void ServiceCalendar_ExtremeInstantsDurationsDatesAndCounts_OnlyDocumentedExceptions()
    {
        var outcomes = new List<(string, string, Failure?)>();
        foreach (var (calendar, k) in Calendars.Select((c, i) => (c, i)))
        {
            void Call(string what, Action call) => outcomes.Add(("calendar", $"calendar {k}: {what}", HostileCheck.Call("calendar", call)));
            foreach (var t in Instants)
            {
                Call($"IsOpen({t})", () => calendar.IsOpen(t));
                Call($"NextOpening({t})", () => calendar.NextOpening(t));
                Call($"NextClosing({t})", () => calendar.NextClosing(t));
                foreach (var d in Durations)
                {
                    Call($"AddBusinessTime({t}, {d})", () => calendar.AddBusinessTime(t, d));
                    Call($"SubtractBusinessTime({t}, {d})", () => calendar.SubtractBusinessTime(t, d));
                }

                foreach (var u in Instants)
                {
                    Call($"BusinessTimeBetween({t}, {u})", () => calendar.BusinessTimeBetween(t, u));
                    Call($"GetOpenIntervals({t}, {u})", () => _ = calendar.GetOpenIntervals(t, u).Take(10).Count());
                }

                foreach (var n in Counts)
                {
                    Call($"CloseOfNthBusinessDayAfter({t}, {n})", () => calendar.CloseOfNthBusinessDayAfter(t, n));
                }
            }

            foreach (var date in Dates)
            {
                Call($"GetHoursOn({date})", () => calendar.GetHoursOn(date));
                Call($"IsBusinessDay({date})", () => calendar.IsBusinessDay(date));
                Call($"CloseOfBusinessDay({date})", () => calendar.CloseOfBusinessDay(date));
                Call($"TryGetHolidayOn({date})", () => calendar.TryGetHolidayOn(date, out _));
                foreach (var n in Counts)
                {
                    Call($"NthBusinessDayAfter({date}, {n})", () => calendar.NthBusinessDayAfter(date, n));
                }
            }
        }

        HostileCheck.ConcludeAll("calendar", outcomes);
    }

    [Fact]
    public void ResponsePolicyAndSlaClock_ExtremeInstants_OnlyDocumentedExceptions()
    {
        var policy = ResponsePolicy.NhtrcDefault;
        var outcomes = new List<(string, string, Failure?)>();
        void Call(string what, Action call) => outcomes.Add(("policy", what, HostileCheck.Call("policy", call)));
        var channels = Enum.GetValues<ContactChannel>().Append((ContactChannel)99).ToArray();
        var urgencies = Enum.GetValues<Urgency>().Append((Urgency)(-1)).ToArray();
        foreach (var t in Instants)
        {
            foreach (var channel in channels)
            {
                foreach (var urgency in urgencies)
                {
                    Call($"ComputeDeadline({t}, {channel}, {urgency})", () => ResponseDeadlineJson.Serialize(policy.ComputeDeadline(t, channel, urgency)));
                }
            }

            foreach (var u in Instants)
            {
                Call($"SlaClock.Evaluate(policy, received {t}, at {u})", () => SlaStateJson.Serialize(
                    SlaClock.Evaluate(policy, ContactChannel.Email, Urgency.NonUrgent, [new SlaEvent(SlaEventKind.Received, t)], u)));
                Call($"SlaClock.Evaluate(policy, received {At}, paused {t}, at {u})", () => SlaClock.Evaluate(
                    policy, ContactChannel.Phone, Urgency.Urgent, [new(SlaEventKind.Received, At), new(SlaEventKind.Paused, t), new(SlaEventKind.Resumed, u)], u));
            }

            var deadline = policy.ComputeDeadline(At, ContactChannel.Email, Urgency.NonUrgent);
            Call($"SlaClock.Evaluate(deadline, responded {t}, at {t})", () => SlaClock.Evaluate(deadline, [new(SlaEventKind.Received, At), new(SlaEventKind.Responded, t)], t));
            Call($"SlaClock.Evaluate(deadline, received {t}, at {At})", () => SlaClock.Evaluate(deadline, [new(SlaEventKind.Received, t)], At));
        }

        HostileCheck.ConcludeAll("policy", outcomes);
    }

    [Fact]
    public void TriageEngineAndContactPipeline_ExtremeInstantsAndCounts_OnlyDocumentedExceptions()
    {
        var outcomes = new List<(string, string, Failure?)>();
        void Call(string what, Action call) => outcomes.Add(("triage", what, HostileCheck.Call("triage", call)));
        foreach (var received in Instants)
        {
            Call($"Contact(receivedAt {received})", () => SampleContact(received));
            foreach (var at in Instants)
            {
                Call($"Triage(received {received}, at {at})", () => TriageOutcomeJson.Serialize(TriageEngine.NhtrcDefault.Triage(SampleContact(received), at)));
            }

            Call($"Process(received {received}, at {received})", () => ContactOutcomeJson.Serialize(
                ContactPipeline.NhtrcDefault.Process(SampleContact(received), ReferralDirectory.Sample, received)));
        }

        foreach (var n in Counts)
        {
            Call($"ContactPipeline(count {n})", () => new ContactPipeline(TriageEngine.NhtrcDefault, n).Process(SampleContact(At), ReferralDirectory.Sample, At));
            Call($"ContactPipeline(count {n}, audience 7)", () => _ = new ContactPipeline(TriageEngine.NhtrcDefault, n, (ReferralAudience)7).ToString());
        }

        foreach (var contact in HostileSeeds.SampleContacts)
        {
            foreach (var at in Instants)
            {
                Call($"Process({contact.Id}, at {at})", () => ContactPipeline.NhtrcDefault.Process(contact, ReferralDirectory.Sample, at));
            }
        }

        HostileCheck.ConcludeAll("triage", outcomes);
    }

    [Fact]
    public void ReferralMatching_ExtremeInstantsCoordinatesAndCounts_OnlyDocumentedExceptions()
    {
        var directory = ReferralDirectory.Sample;
        var outcomes = new List<(string, string, Failure?)>();
        void Call(string what, Action call) => outcomes.Add(("referrals", what, HostileCheck.Call("referrals", call)));
        var needs = Enum.GetValues<ServiceType>();
        ReferralQuery Query(ReferralPlace place, Instant at, int count, Urgency urgency = Urgency.Urgent, ReferralAudience audience = ReferralAudience.Public) =>
            new() { Needs = [.. needs], Place = place, At = at, Count = count, Urgency = urgency, Audience = audience };

        foreach (var (lat, lon) in Coordinates)
        {
            Call($"GeoPoint({lat}, {lon})", () => _ = new GeoPoint(lat, lon));
            Call($"Match at ({lat}, {lon})", () => ReferralResultJson.Serialize(directory.Match(Query(ReferralPlace.AtPoint(new GeoPoint(lat, lon)), At, 20))));
            Call($"RadiusArea at ({lat}, {lon})", () => new RadiusArea(new GeoPoint(lat, lon), 100).Contains(new GeoPoint(0, 0)));
            foreach (var n in Counts)
            {
                Call($"NearestZips(({lat}, {lon}), {n})", () => Gazetteer.Default.NearestZips(new GeoPoint(lat, lon), n));
            }
        }

        foreach (var at in Instants)
        {
            foreach (var audience in new[] { ReferralAudience.Public, ReferralAudience.Advocate })
            {
                Call($"Match at {at} ({audience})", () => ReferralResultJson.Serialize(directory.Match(Query(ReferralPlace.FromZip("20001"), at, 20, Urgency.Urgent, audience))));
            }
        }

        foreach (var n in Counts)
        {
            Call($"Match count {n}", () => directory.Match(Query(ReferralPlace.FromState("TX"), At, n, Urgency.NonUrgent)));
        }

        foreach (var zip in new[] { "", "00000", "99999", "2000", "200011", "\ud800\ud800\ud800\ud800\ud800", new string('9', 2 << 20) })
        {
            Call($"FromZip({zip.Length} chars)", () => ReferralPlace.FromZip(zip));
        }

        Call("Match with no needs", () => directory.Match(new ReferralQuery { Needs = [], Place = ReferralPlace.FromState("TX"), At = At }));
        Call("Match with every need twice", () => directory.Match(new ReferralQuery { Needs = [.. needs, .. needs], Place = ReferralPlace.FromState("TX"), At = At }));
        Call("Match with an undefined need", () => directory.Match(new ReferralQuery { Needs = [(ServiceType)999], Place = ReferralPlace.FromState("TX"), At = At }));
        HostileCheck.ConcludeAll("referrals", outcomes);
    }

    [Fact]
    public void ResourceLibrary_HugeAndHostileText_OnlyDocumentedExceptions()
    {
        var library = ResourceLibrary.Sample;
        var outcomes = new List<(string, string, Failure?)>();
        void Call(string what, Action call) => outcomes.Add(("library", what, HostileCheck.Call("library", call)));
        var texts = new[]
        {
            "", " ", new string('a', 1000), new string('a', 1001), new string('x', 2 << 20), string.Concat(Enumerable.Repeat("labor trafficking ", 100_000)),
            "\ud800", "a\udfffb", "\0\0\0", "*?[](){}.+^$|\\", new string('中', 999), "I\u0307stanbul ǅ ß ﬁ",
        };
        foreach (var text in texts)
        {
            foreach (var max in Counts)
            {
                Call($"Search({text.Length} chars, max {max})", () => library.Search(new ResourceQuery(text) { MaxResults = max }));
            }
        }

        Call("Search with an undefined topic", () => library.Search(new ResourceQuery { Topics = [(ResourceTopic)999] }));
        Call("Search with an undefined audience", () => library.Search(new ResourceQuery { Audience = (CallerRole)999 }));
        Call("GetMaterial(huge id)", () => library.GetMaterial(new string('x', 2 << 20)));
        Call("TryGetMaterial(null)", () => library.TryGetMaterial(null, out _));
        HostileCheck.ConcludeAll("library", outcomes);
    }
}
