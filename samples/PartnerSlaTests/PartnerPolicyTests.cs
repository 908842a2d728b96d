using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Testing;
using NodaTime;
using Xunit;

namespace PartnerSlaTests;

/// <summary>
/// A California partner validates its own response policy (partner-policy.json: Pacific hours with a lunch closing,
/// the federal holidays and Cesar Chavez Day) against what its rules say (partner-deadlines.csv), as docs/testing.md
/// describes.
/// </summary>
public sealed class PartnerPolicyTests
{
    private static readonly ResponsePolicy Policy = ResponsePolicyJson.LoadFile(Path.Combine(AppContext.BaseDirectory, "partner-policy.json"));

    [Fact]
    public void ThePolicyGivesTheDeadlinesWeExpect() =>
        SlaAssert.Deadlines(Policy, DeadlineTable.LoadFile(Path.Combine(AppContext.BaseDirectory, "partner-deadlines.csv")));

    [Fact]
    public void ThePolicyIsConfiguredAsWeSay()
    {
        var lines = PolicyDescription.Describe(Policy).Split('\n');
        Assert.Equal("policy partner-ca", lines[0]);
        Assert.StartsWith("calendar partner-ca-hours: America/Los_Angeles; Mon 08:00-12:00, 13:00-17:00;", lines[1], StringComparison.Ordinal);
        Assert.Contains("urgent phone: urgent-live, target immediate, due 30m elapsed", lines);
        Assert.Contains("non-urgent webForm: routine, target 4h business time, due close of business day 2", lines);
    }

    [Fact]
    public void CesarChavezDayIsClosed_AndAnAnswerOnThursdayAfternoonIsInTime()
    {
        var hours = Policy.BusinessCalendar;
        Assert.False(hours.IsBusinessDay(new LocalDate(2026, 3, 31)));
        var received = TestClock.AtLocal(hours, new LocalDateTime(2026, 3, 30, 16, 0));
        var deadline = Policy.ComputeDeadline(received.GetCurrentInstant(), ContactChannel.Email, Urgency.NonUrgent);
        received.AdvanceToLocal(hours.Zone, new LocalDateTime(2026, 4, 2, 16, 55));
        SlaAssert.MetDue(deadline, received.GetCurrentInstant());
        Assert.Throws<SlaAssertionException>(() => SlaAssert.MetTarget(deadline, received.GetCurrentInstant()));
    }

    [Fact]
    public void UrgentLiveContactsAreDueWithinHalfAnHour_WhateverTheHour()
    {
        var instants = NhtrcGenerators.InstantsNear(Policy.BusinessCalendar, new LocalDate(2026, 3, 1), new LocalDate(2026, 4, 30));
        var property = Prop.ForAll(instants, received =>
            Policy.ComputeDeadline(received.Instant, ContactChannel.Phone, Urgency.Urgent).DueBy == received.Instant + Duration.FromMinutes(30));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property);
    }

    [Property(MaxTest = 100)]
    public Property OurCalendarKeepsTheLawsOfBusinessTime_AroundTheClockChangeAndTheHoliday()
    {
        var hours = Policy.BusinessCalendar;
        return BusinessTimeLaws.All(hours, BusinessTimeFunctions.Of(hours), new LocalDate(2026, 3, 1), new LocalDate(2026, 4, 10));
    }

    [Property(Arbitrary = new[] { typeof(NhtrcArbitraries) }, MaxTest = 100)]
    public bool EveryNonUrgentTargetIsAfterReceipt_ForContactsOfEveryRequestKind(Contact contact) =>
        Policy.ComputeDeadline(contact.ReceivedAt, contact.Channel, Urgency.NonUrgent).TargetBy > contact.ReceivedAt;
}
