using System;
using Microsoft.Extensions.Time.Testing;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using NodaTime;

namespace Nhtrc.Sdk.Testing.Tests.Clocks;

public sealed class TestClockTests
{
    private static readonly ServiceCalendar Hours = KnownServiceCalendars.NhtrcBusinessHours;
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    [Fact]
    public void AtLocal_ReadsTheTimeInTheCalendarsZone()
    {
        var clock = TestClock.AtLocal(Hours, new LocalDateTime(2026, 7, 2, 18, 59));
        Assert.Equal(Instant.FromUtc(2026, 7, 2, 22, 59), clock.GetCurrentInstant());
    }

    [Fact]
    public void AtLocal_InASpringForwardGap_MovesForwardByTheGap()
    {
        // 8 March 2026 02:30 does not exist in New York: lenient resolution makes it 03:30 EDT, as calendars do.
        var clock = TestClock.AtLocal(NewYork, new LocalDateTime(2026, 3, 8, 2, 30));
        Assert.Equal(new LocalDateTime(2026, 3, 8, 3, 30), clock.GetCurrentInstant().InZone(NewYork).LocalDateTime);
    }

    [Fact]
    public void AtOpening_OnAnObservedHoliday_IsTheNextBusinessMorning()
    {
        // Fri 3 Jul 2026 is Independence Day (observed): the next opening is Mon 6 Jul 09:00 EDT.
        var clock = TestClock.AtOpening(Hours, new LocalDate(2026, 7, 3));
        Assert.Equal(Instant.FromUtc(2026, 7, 6, 13, 0), clock.GetCurrentInstant());
    }

    [Fact]
    public void AtClose_IsTheCloseOfBusiness_AndRefusesAClosedDay()
    {
        Assert.Equal(Instant.FromUtc(2026, 7, 6, 23, 0), TestClock.AtClose(Hours, new LocalDate(2026, 7, 6)).GetCurrentInstant());
        var error = Assert.Throws<ArgumentException>(() => TestClock.AtClose(Hours, new LocalDate(2026, 7, 4)));
        Assert.StartsWith("2026-07-04 is not a business day of calendar 'nhtrc-business-hours'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AdvanceBusinessTime_OverTheHolidayWeekend_LandsOnMondayAndReturnsTheNewInstant()
    {
        var clock = TestClock.AtLocal(Hours, new LocalDateTime(2026, 7, 2, 18, 0));
        var now = clock.AdvanceBusinessTime(Hours, Duration.FromHours(2));
        Assert.Equal(new LocalDateTime(2026, 7, 6, 10, 0), now.InZone(NewYork).LocalDateTime);
        Assert.Equal(now, clock.GetCurrentInstant());
    }

    [Fact]
    public void AdvanceBusinessTime_EndingAtTheClose_StopsAtTheClose()
    {
        var clock = TestClock.AtLocal(Hours, new LocalDateTime(2026, 7, 6, 18, 0));
        Assert.Equal(new LocalDateTime(2026, 7, 6, 19, 0), clock.AdvanceBusinessTime(Hours, Duration.FromHours(1)).InZone(NewYork).LocalDateTime);
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.AdvanceBusinessTime(Hours, Duration.FromMinutes(-1)));
    }

    [Fact]
    public void AdvanceToNextOpeningAndClosing_FollowTheCalendar()
    {
        var clock = TestClock.AtLocal(Hours, new LocalDateTime(2026, 7, 2, 20, 0));
        Assert.Equal(new LocalDateTime(2026, 7, 6, 9, 0), clock.AdvanceToNextOpening(Hours).InZone(NewYork).LocalDateTime);
        Assert.Equal(new LocalDateTime(2026, 7, 6, 19, 0), clock.AdvanceToNextClosing(Hours).InZone(NewYork).LocalDateTime);
        Assert.Throws<InvalidOperationException>(() => clock.AdvanceToNextClosing(KnownServiceCalendars.AlwaysOpen));
    }

    [Fact]
    public void AdvanceToLocal_MovesForwardOnly()
    {
        var clock = TestClock.AtLocal(NewYork, new LocalDateTime(2026, 7, 6, 9, 0));
        Assert.Equal(Instant.FromUtc(2026, 7, 6, 16, 30), clock.AdvanceToLocal(NewYork, new LocalDateTime(2026, 7, 6, 12, 30)));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.AdvanceToLocal(NewYork, new LocalDateTime(2026, 7, 6, 12, 29)));
        Assert.Equal(Instant.FromUtc(2026, 7, 6, 16, 30), clock.GetCurrentInstant());
    }

    [Fact]
    public void TimeProviderClock_FollowsAFakeTimeProvider_SoAServiceComputesDeadlinesForItsNow()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 2, 22, 59, 0, TimeSpan.Zero));
        var clock = new TimeProviderClock(time);
        var service = new ResponseTimeService(ResponsePolicy.NhtrcDefault, clock);

        Assert.Equal(Instant.FromUtc(2026, 7, 6, 23, 0), service.ComputeDeadlineForNow(ContactChannel.Email, Urgency.NonUrgent).TargetBy);
        time.Advance(TimeSpan.FromDays(4));
        Assert.Equal(Instant.FromUtc(2026, 7, 6, 22, 59), clock.GetCurrentInstant());
        Assert.Equal(Instant.FromUtc(2026, 7, 7, 23, 0), service.ComputeDeadlineForNow(ContactChannel.Email, Urgency.NonUrgent).TargetBy);
        Assert.Same(time, clock.TimeProvider);
        Assert.Equal("clock over FakeTimeProvider", clock.ToString());
    }
}
