using System;
using Nhtrc.Sdk.Scheduling;
using NodaTime;
using NodaTime.Testing;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// Starts a NodaTime <see cref="FakeClock"/> where a test states it: at a local time in a zone or on a service
/// calendar, resolved as calendars resolve local times (a time in a spring-forward gap moves forward by the gap, an
/// ambiguous time takes the earlier instant), or at a calendar's next opening or closing. Each call returns a new clock.
/// </summary>
public static class TestClock
{
    /// <summary>A clock at <paramref name="local"/> in <paramref name="zone"/>, resolved leniently.</summary>
    /// <param name="zone">The zone the local time is read in.</param>
    /// <param name="local">The wall-clock time.</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public static FakeClock AtLocal(DateTimeZone zone, LocalDateTime local)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return new FakeClock(zone.AtLeniently(local).ToInstant());
    }

    /// <summary>A clock at <paramref name="local"/> in the zone of <paramref name="calendar"/>, resolved leniently.</summary>
    /// <param name="calendar">The calendar whose zone the local time is read in.</param>
    /// <param name="local">The wall-clock time.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public static FakeClock AtLocal(ServiceCalendar calendar, LocalDateTime local)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return AtLocal(calendar.Zone, local);
    }

    /// <summary>A clock at the first opening of <paramref name="calendar"/> at or after the start of <paramref name="date"/>.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <param name="date">The local date to start looking from (its midnight, resolved leniently).</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The calendar never opens again within its supported years.</exception>
    /// <exception cref="CalendarRangeException">The date is outside the calendar's supported years.</exception>
    public static FakeClock AtOpening(ServiceCalendar calendar, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var start = calendar.Zone.AtLeniently(date.AtMidnight()).ToInstant();
        return new FakeClock(calendar.NextOpening(start)
            ?? throw new InvalidOperationException($"Calendar '{calendar.Id}' never opens on or after {date:uuuu'-'MM'-'dd}."));
    }

    /// <summary>
    /// A clock at the close of business of <paramref name="date"/> on <paramref name="calendar"/>
    /// (<see cref="ServiceCalendar.CloseOfBusinessDay"/>: the latest close among the periods that open that day).
    /// </summary>
    /// <param name="calendar">The calendar.</param>
    /// <param name="date">A business day of the calendar.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="date"/> is not a business day of the calendar.</exception>
    /// <exception cref="CalendarRangeException">The date is outside the calendar's supported years.</exception>
    public static FakeClock AtClose(ServiceCalendar calendar, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return new FakeClock(calendar.CloseOfBusinessDay(date)
            ?? throw new ArgumentException($"{date:uuuu'-'MM'-'dd} is not a business day of calendar '{calendar.Id}'.", nameof(date)));
    }
}
