using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using NodaTime;

namespace Nhtrc.Sdk.Tests.ResponseTimes;

/// <summary>The NHTRC default policy on the days that go wrong: holidays, weekends, DST changes.</summary>
public sealed class DefaultPolicyWorkedExamplesTests
{
    private static readonly ResponsePolicy Policy = ResponsePolicy.NhtrcDefault;

    private static Instant Utc(int y, int mo, int d, int h, int mi) => Instant.FromUtc(y, mo, d, h, mi);

    [Fact]
    public void NonUrgentEmail_At1859OnTheEveOfAnObservedHoliday_IsDueAfterTheHoliday()
    {
        // Thu 2 Jul 2026 18:59 EDT; Sat 4 Jul is Independence Day, observed Fri 3 Jul.
        var deadline = Policy.ComputeDeadline(Utc(2026, 7, 2, 22, 59), ContactChannel.Email, Urgency.NonUrgent);

        Assert.Equal(Utc(2026, 7, 6, 23, 0), deadline.TargetBy); // close of Mon 6 Jul, 19:00 EDT
        Assert.Equal(Utc(2026, 7, 8, 23, 0), deadline.DueBy);    // close of Wed 8 Jul
        Assert.Equal("non-urgent", deadline.Rule.Id);
        Assert.Equal(
            "non-urgent email received Thu 2 Jul 18:59 EDT; Fri 3 Jul is Independence Day (observed); target: close of Mon 6 Jul; due: close of Wed 8 Jul",
            deadline.Explanation);
    }

    [Fact]
    public void NonUrgent_ReceivedOnAHolidayItself_CountsFromTheNextBusinessDay()
    {
        // Fri 3 Jul 2026 10:00 EDT, the observed holiday; the day of receipt never counts anyway.
        var deadline = Policy.ComputeDeadline(Utc(2026, 7, 3, 14, 0), ContactChannel.WebForm, Urgency.NonUrgent);
        Assert.Equal(Utc(2026, 7, 6, 23, 0), deadline.TargetBy);
    }

    [Fact]
    public void NonUrgent_ReceivedInTheMorning_StillCountsFromTheNextDay()
    {
        // Tue 10 Mar 2026 09:30 EDT: the day of receipt does not count, even with business hours left.
        var deadline = Policy.ComputeDeadline(Utc(2026, 3, 10, 13, 30), ContactChannel.Phone, Urgency.NonUrgent);
        Assert.Equal(Utc(2026, 3, 11, 23, 0), deadline.TargetBy);
        Assert.Equal(Utc(2026, 3, 13, 23, 0), deadline.DueBy);
    }

    [Theory]
    [InlineData(2021, 12, 30)] // 1 Jan 2022 is a Saturday: observed Fri 31 Dec 2021
    [InlineData(2027, 12, 30)] // 1 Jan 2028 is a Saturday: observed Fri 31 Dec 2027
    public void NonUrgent_BeforeNewYearOnASaturday_SkipsDecember31(int y, int m, int d)
    {
        var received = Utc(y, m, d, 15, 0); // Thursday 10:00 EST
        var deadline = Policy.ComputeDeadline(received, ContactChannel.Email, Urgency.NonUrgent);

        Assert.Equal(Utc(y + 1, 1, 4, 0, 0), deadline.TargetBy); // close of Mon 3 Jan, 19:00 EST
        Assert.Contains("Fri 31 Dec is New Year's Day (observed)", deadline.Explanation, System.StringComparison.Ordinal);
    }

    [Fact]
    public void NonUrgent_AcrossTheSpringForwardWeekend_ClosesAt1900LocalTime()
    {
        // Fri 6 Mar 2026 20:00 EST, after close; clocks go forward Sun 8 Mar.
        var deadline = Policy.ComputeDeadline(Utc(2026, 3, 7, 1, 0), ContactChannel.Chat, Urgency.NonUrgent);
        Assert.Equal(Utc(2026, 3, 9, 23, 0), deadline.TargetBy); // Mon 9 Mar 19:00 EDT (UTC-4)
    }

    [Fact]
    public void NonUrgent_AcrossTheFallBackWeekend_ClosesAt1900LocalTime()
    {
        // Fri 30 Oct 2026 20:00 EDT; clocks go back Sun 1 Nov.
        var deadline = Policy.ComputeDeadline(Utc(2026, 10, 31, 0, 0), ContactChannel.Text, Urgency.NonUrgent);
        Assert.Equal(Utc(2026, 11, 3, 0, 0), deadline.TargetBy); // Mon 2 Nov 19:00 EST (UTC-5)
    }

    [Fact]
    public void UrgentEmail_AcrossASpringDstChange_IsTwelveElapsedHours()
    {
        // Sat 7 Mar 2026 20:00 EST; 12 real hours later the wall clock reads 09:00 EDT, not 08:00.
        var received = Utc(2026, 3, 8, 1, 0);
        var deadline = Policy.ComputeDeadline(received, ContactChannel.Email, Urgency.Urgent);

        Assert.Equal(received + Duration.FromHours(12), deadline.TargetBy);
        Assert.Equal(deadline.TargetBy, deadline.DueBy);
        Assert.Equal(new LocalTime(9, 0), deadline.DueBy.InZone(Policy.BusinessCalendar.Zone).TimeOfDay);
        Assert.Equal(
            "urgent email received Sat 7 Mar 20:00 EST; target and due: 12h elapsed by Sun 8 Mar 09:00 EDT",
            deadline.Explanation);
    }

    [Fact]
    public void UrgentWebForm_AcrossAFallDstChange_IsTwelveElapsedHours()
    {
        var received = Utc(2026, 11, 1, 0, 0); // Sat 31 Oct 20:00 EDT
        var deadline = Policy.ComputeDeadline(received, ContactChannel.WebForm, Urgency.Urgent);
        Assert.Equal(received + Duration.FromHours(12), deadline.DueBy);
        Assert.Equal(new LocalTime(7, 0), deadline.DueBy.InZone(Policy.BusinessCalendar.Zone).TimeOfDay);
    }

    [Theory]
    [InlineData(ContactChannel.Phone)]
    [InlineData(ContactChannel.Text)]
    [InlineData(ContactChannel.Chat)]
    public void UrgentLiveContact_IsDueAtReceipt_EvenOnAHoliday(ContactChannel channel)
    {
        var received = Utc(2026, 12, 25, 8, 13);
        var deadline = Policy.ComputeDeadline(received, channel, Urgency.Urgent);

        Assert.Equal(received, deadline.TargetBy);
        Assert.Equal(received, deadline.DueBy);
        Assert.EndsWith("target and due: immediately", deadline.Explanation, System.StringComparison.Ordinal);
    }

    [Fact]
    public void NonUrgent_OnJuly4OnASaturday_ObservesFriday()
    {
        // Thu 2 Jul 2026 12:00 EDT: Friday 3 Jul is closed, so the first business day is Monday.
        var deadline = Policy.ComputeDeadline(Utc(2026, 7, 2, 16, 0), ContactChannel.Email, Urgency.NonUrgent);
        Assert.Equal(new LocalDate(2026, 7, 6), deadline.TargetBy.InZone(Policy.BusinessCalendar.Zone).Date);
    }

    [Fact]
    public void Deadline_ToString_IsTheExplanation_AndCarriesNoCallerData()
    {
        var deadline = Policy.ComputeDeadline(Utc(2026, 7, 2, 22, 59), ContactChannel.Email, Urgency.NonUrgent);
        Assert.Equal(deadline.Explanation, deadline.ToString());
    }
}
