using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using NodaTime;

namespace Nhtrc.Sdk.Testing.Tests.Generators;

public sealed class NhtrcGeneratorsTests
{
    private static readonly ServiceCalendar Hours = KnownServiceCalendars.NhtrcBusinessHours;
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    [Fact]
    public void InstantsOn_AreInRange_AndBiasedToRealOpeningsClosingsAndTheClockChange()
    {
        var from = new LocalDate(2026, 3, 2);
        var to = new LocalDate(2026, 3, 13);
        var samples = NhtrcGenerators.InstantsOn(Hours, from, to).Sample(2000, 10);
        var start = NewYork.AtLeniently(from.AtMidnight()).ToInstant();
        var end = NewYork.AtLeniently(to.PlusDays(1).AtMidnight()).ToInstant();
        Assert.All(samples, s => Assert.InRange(s.Place, start, end));
        Assert.All(samples.Where(s => s.PlaceName == "the opening"), s => Assert.True(Hours.IsOpen(s.Place) && !Hours.IsOpen(s.Place - Duration.Epsilon)));
        Assert.All(samples.Where(s => s.PlaceName == "the closing"), s => Assert.True(!Hours.IsOpen(s.Place) && Hours.IsOpen(s.Place - Duration.Epsilon)));
        Assert.All(samples.Where(s => s.PlaceName == "the clock change"), s => Assert.Equal(Instant.FromUtc(2026, 3, 8, 7, 0), s.Place));

        // Each kind of place shows up, exactly at it and a minute either side, more often than a random minute would be.
        Assert.True(samples.Count(s => s.PlaceName is "the opening" or "the closing") > samples.Length / 5);
        Assert.True(samples.Count(s => s.PlaceName == "the clock change") > samples.Length / 20);
        Assert.Equal([-1, 0, 1], samples.Where(s => s.PlaceName != "a random minute").Select(s => (int)s.Offset.TotalMinutes).Distinct().Order());
    }

    [Fact]
    public void InstantsOn_FindHolidayEvesTheTurnOfTheYearAndLeapDays()
    {
        var names = NhtrcGenerators.InstantsOn(Hours, new LocalDate(2027, 12, 20), new LocalDate(2028, 3, 5)).Sample(3000, 10)
            .Select(s => s.PlaceName).ToHashSet();
        // 1 Jan 2028 is a Saturday, observed on Fri 31 Dec 2027; Christmas 2027 is a Saturday, observed on Fri 24 Dec.
        Assert.Contains("the start of New Year's Day on 31 Dec", names);
        Assert.Contains("the close before New Year's Day", names);
        Assert.Contains("the start of Christmas Day on 24 Dec", names);
        Assert.Contains("the start of 2028", names);
        Assert.Contains("the start of 29 Feb 2028", names);
        Assert.Contains("the end of 29 Feb 2028", names);
        Assert.Contains("the start of Birthday of Martin Luther King, Jr. on 17 Jan", names);
    }

    [Fact]
    public void CalendarInstant_PrintsLocalTimeUtcAndThePlace()
    {
        var opening = new CalendarInstant(Instant.FromUtc(2026, 3, 9, 13, 0), -Duration.FromMinutes(1), "the opening", NewYork);
        Assert.Equal("Mon 9 Mar 2026 08:59 EDT (2026-03-09T12:59:00Z), 1m before the opening", opening.ToString());
        Assert.Equal("Sun 8 Mar 2026 03:00 EDT (2026-03-08T07:00:00Z), at the clock change",
            new CalendarInstant(Instant.FromUtc(2026, 3, 8, 7, 0), Duration.Zero, "the clock change", NewYork).ToString());
    }

    [Fact]
    public void AFailingProperty_ShrinksToTheDangerousPlace_AndPrintsItInLocalTimeWithTheSeed()
    {
        // A planted bug: "the hotline is never open at an exact opening". FsCheck finds an opening, shrinks the minute
        // either side away, and prints the instant in New York time with the place it was chosen near.
        var property = Prop.ForAll(
            NhtrcGenerators.InstantsNear(Hours, new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 13)),
            t => t.PlaceName != "the opening" || !Hours.IsOpen(t.Instant));
        var error = Assert.ThrowsAny<Exception>(() => Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), property));
        Assert.Contains("Falsifiable", error.Message, StringComparison.Ordinal);
        // The last value printed is the shrunk one (FsCheck prints "Shrunk:" before it when it shrank at all).
        var printed = error.Message.Split('\n').Last(l => l.Contains(" Mar 2026 ", StringComparison.Ordinal));
        Assert.Matches(@"^[A-Z][a-z]{2} \d{1,2} Mar 2026 09:00 E[SD]T \(2026-03-\d\dT1[34]:00:00Z\), at the opening$", printed.Trim());
        Assert.Matches(@"Falsifiable, after \d+ tests? \(\d+ shrinks?\) \(\d+,\d+\)", error.Message);
    }

    [Fact]
    public void Contacts_CoverEveryRequestKind_WithObviouslySyntheticPersonalData()
    {
        var contacts = NhtrcGenerators.Contacts.Sample(300, 20);
        Assert.Equal(Enum.GetValues<RequestKind>().Order(), contacts.Select(c => c.RequestKind).Distinct().Order());
        Assert.Contains(contacts, c => c.Caller.PersonalData?.Phone is not null);
        Assert.Contains(contacts, c => c.Caller.IsAnonymous);
        Assert.All(contacts.Where(c => c.Caller.PersonalData is not null), c => Assert.True(SyntheticPersonalData.IsObviouslySynthetic(c.Caller.PersonalData!)));
    }

    [Fact]
    public void ContactsOf_GivesOnlyThatKind()
    {
        Assert.All(NhtrcGenerators.ContactsOf(RequestKind.TrainingAndTechnicalAssistance).Sample(50, 10),
            c => Assert.NotEmpty(c.TechnicalAssistance));
    }

    [Fact]
    public void Policies_UseEveryKindOfTarget()
    {
        var kinds = NhtrcGenerators.Policies.Sample(60, 10).SelectMany(p => p.Rules).SelectMany(r => new[] { r.Target.Kind, r.Due.Kind }).ToHashSet();
        Assert.Equal(Enum.GetValues<ResponseTargetKind>().Order(), kinds.Order());
    }
}

[Properties(Arbitrary = [typeof(NhtrcArbitraries)], MaxTest = 60)]
public sealed class NhtrcArbitrariesProperties
{
    [Property]
    public bool Contacts_RoundTripThroughContactJson(Contact contact) =>
        ContactJson.Parse(ContactJson.Serialize(contact)) == contact;

    [Property]
    public bool Policies_CoverEveryPair_AndRoundTripThroughResponsePolicyJson(ResponsePolicy policy)
    {
        var json = ResponsePolicyJson.Serialize(policy);
        return ResponsePolicyJson.Serialize(ResponsePolicyJson.Parse(json)) == json
            && Enum.GetValues<ContactChannel>().All(c => Enum.GetValues<Urgency>().All(u => policy.GetRule(c, u).AppliesTo(c, u)));
    }

    [Property]
    public bool CalendarDefinitions_RoundTripThroughServiceCalendarJson(CalendarDefinition definition)
    {
        var json = ServiceCalendarJson.Serialize(definition.ToServiceCalendar("generated"));
        return ServiceCalendarJson.Serialize(ServiceCalendarJson.Parse(json)) == json;
    }

    [Property]
    public Property SlaScenarios_AreValidEventSequences(SlaScenario scenario)
    {
        var state = scenario.Evaluate();
        var answered = scenario.Events.Any(e => e.Kind == SlaEventKind.Responded);
        return (state.RespondedAt.HasValue == answered && (answered ? state.Status is SlaStatus.Met or SlaStatus.Breached : state.TargetMet is null))
            .Label(scenario.ToString())
            .Classify(scenario.Events.Length > 3, "with pauses");
    }

    [Property]
    public bool Durations_AreWholeMinutes_NotNegative(Duration d) => d >= Duration.Zero && d.SubsecondNanoseconds == 0 && d.Seconds == 0;

    [Property]
    public bool BusinessTimeCases_PutTheInstantNearTheCalendarsDates(BusinessTimeCase c) =>
        c.T.Instant.InZone(c.Definition.Zone).Date.Year is >= 1994 and <= 2036 && c.N is >= 1 and <= 6;
}
