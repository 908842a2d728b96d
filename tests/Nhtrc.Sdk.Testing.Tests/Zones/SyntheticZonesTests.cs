using System;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using NodaTime;

namespace Nhtrc.Sdk.Testing.Tests.Zones;

public sealed class SyntheticZonesTests
{
    private static readonly Offset Minus5 = Offset.FromHours(-5);

    [Fact]
    public void Transition_ChangesTheOffsetExactlyAtTheLocalTimeGiven()
    {
        var zone = SyntheticZones.Transition(new LocalDateTime(2031, 5, 14, 2, 0), Minus5, Offset.FromHoursAndMinutes(-4, -30), "Test/Half");
        var change = Instant.FromUtc(2031, 5, 14, 7, 0);
        Assert.Equal(Minus5, zone.GetUtcOffset(change - Duration.Epsilon));
        Assert.Equal(Offset.FromHoursAndMinutes(-4, -30), zone.GetUtcOffset(change));
        Assert.Equal("Test/Half", zone.Id);
        Assert.Throws<ArgumentException>(() => SyntheticZones.Transition(new LocalDateTime(2031, 5, 14, 2, 0), Minus5, Minus5));
    }

    [Fact]
    public void SpringForward_OnAWorkday_ShortensTheIntervalAcrossTheGap()
    {
        // A Wednesday whose clocks jump from 10:00 to 11:00: 09:00-17:00 holds seven hours of open time.
        var zone = SyntheticZones.SpringForward(new LocalDateTime(2031, 5, 14, 10, 0), Minus5, Duration.FromHours(1));
        var calendar = new ServiceCalendar("synthetic", zone, WeeklyHours.MondayToFriday(OpenInterval.Parse("09:00-17:00")));
        var day = new LocalDate(2031, 5, 14);
        var open = zone.AtLeniently(day + new LocalTime(9, 0)).ToInstant();
        var close = calendar.CloseOfBusinessDay(day)!.Value;
        Assert.Equal(Duration.FromHours(7), calendar.BusinessTimeBetween(open, close));
        var next = day.PlusDays(1);
        Assert.Equal(Duration.FromHours(8), calendar.BusinessTimeBetween(zone.AtLeniently(next + new LocalTime(9, 0)).ToInstant(), calendar.CloseOfBusinessDay(next)!.Value));
    }

    [Fact]
    public void FallBack_RepeatsAnHour_SoTheDayHoldsOneMore()
    {
        var zone = SyntheticZones.FallBack(new LocalDateTime(2031, 5, 14, 12, 0), Offset.FromHours(-4), Duration.FromHours(1));
        var calendar = new ServiceCalendar("synthetic", zone, WeeklyHours.MondayToFriday(OpenInterval.Parse("09:00-17:00")));
        var day = new LocalDate(2031, 5, 14);
        var open = zone.AtLeniently(day + new LocalTime(9, 0)).ToInstant();
        Assert.Equal(Duration.FromHours(9), calendar.BusinessTimeBetween(open, calendar.CloseOfBusinessDay(day)!.Value));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticZones.FallBack(new LocalDateTime(2031, 5, 14, 12, 0), Offset.FromHours(-4), Duration.Zero));
    }

    [Fact]
    public void DaylightSaving_NamesItsIntervals_AndDeadlinesExplainInThoseNames()
    {
        var zone = SyntheticZones.DaylightSaving(-5, new LocalDateTime(2031, 5, 14, 2, 0), new LocalDateTime(2031, 5, 20, 2, 0), "TST", "TDT", "Test/Daylight");
        Assert.Equal(Minus5, zone.GetUtcOffset(Instant.FromUtc(2031, 5, 14, 6, 59)));
        Assert.Equal(Offset.FromHours(-4), zone.GetUtcOffset(Instant.FromUtc(2031, 5, 14, 7, 0)));
        Assert.Equal(Offset.FromHours(-4), zone.GetUtcOffset(Instant.FromUtc(2031, 5, 20, 5, 59)));
        Assert.Equal(Minus5, zone.GetUtcOffset(Instant.FromUtc(2031, 5, 20, 6, 0)));

        var calendar = new ServiceCalendar("synthetic", zone, WeeklyHours.MondayToFriday(OpenInterval.Parse("09:00-19:00")));
        var policy = new ResponsePolicy("synthetic", calendar, ResponsePolicy.NhtrcDefault.Rules);
        var deadline = policy.ComputeDeadline(Instant.FromUtc(2031, 5, 13, 15, 0), ContactChannel.Email, Urgency.NonUrgent);
        Assert.Equal("non-urgent email received Tue 13 May 10:00 TST; target: close of Wed 14 May; due: close of Fri 16 May", deadline.Explanation);
        Assert.Equal(Instant.FromUtc(2031, 5, 14, 23, 0), deadline.TargetBy);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            SyntheticZones.DaylightSaving(-5, new LocalDateTime(2031, 5, 14, 2, 0), new LocalDateTime(2031, 5, 14, 1, 0), "TST", "TDT"));
    }
}
