using System;
using Nhtrc.Sdk.Scheduling;
using NodaTime;
using NodaTime.Testing;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// Moves a <see cref="FakeClock"/> forward in a service calendar's terms: by business time, to the next opening or
/// closing, or to a local time. Each returns the clock's new instant. Like <see cref="FakeClock.Advance"/>, these are
/// not synchronized with other threads reading the clock.
/// </summary>
public static class FakeClockExtensions
{
    /// <summary>
    /// Advances the clock to <see cref="ServiceCalendar.AddBusinessTime"/> of its current instant: the first instant
    /// at which <paramref name="amount"/> of open time has passed (a closing time itself when the amount ends there).
    /// </summary>
    /// <param name="clock">The clock to move.</param>
    /// <param name="calendar">The calendar whose open time counts.</param>
    /// <param name="amount">The business time to let pass; not negative.</param>
    /// <returns>The clock's new instant.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="amount"/> is negative.</exception>
    /// <exception cref="CalendarRangeException">The instant or the result is outside the calendar's years, or it never opens.</exception>
    public static Instant AdvanceBusinessTime(this FakeClock clock, ServiceCalendar calendar, Duration amount)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, Duration.Zero);
        return MoveTo(clock, calendar.AddBusinessTime(clock.GetCurrentInstant(), amount));
    }

    /// <summary>Advances the clock to the calendar's next opening at or after its current instant.</summary>
    /// <param name="clock">The clock to move.</param>
    /// <param name="calendar">The calendar.</param>
    /// <returns>The clock's new instant (unchanged when the calendar opens exactly now).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The calendar never opens again within its supported years.</exception>
    public static Instant AdvanceToNextOpening(this FakeClock clock, ServiceCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(calendar);
        var now = clock.GetCurrentInstant();
        return MoveTo(clock, calendar.NextOpening(now)
            ?? throw new InvalidOperationException($"Calendar '{calendar.Id}' never opens again after {now}."));
    }

    /// <summary>Advances the clock to the calendar's next closing after its current instant.</summary>
    /// <param name="clock">The clock to move.</param>
    /// <param name="calendar">The calendar.</param>
    /// <returns>The clock's new instant.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The calendar never closes again (it is open around the clock from now on).</exception>
    public static Instant AdvanceToNextClosing(this FakeClock clock, ServiceCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(calendar);
        var now = clock.GetCurrentInstant();
        return MoveTo(clock, calendar.NextClosing(now)
            ?? throw new InvalidOperationException($"Calendar '{calendar.Id}' never closes again after {now}."));
    }

    /// <summary>Advances the clock to <paramref name="local"/> in <paramref name="zone"/>, resolved leniently.</summary>
    /// <param name="clock">The clock to move.</param>
    /// <param name="zone">The zone the local time is read in.</param>
    /// <param name="local">The wall-clock time to move to; not before the clock's current instant.</param>
    /// <returns>The clock's new instant.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The local time is before the clock's current instant (use <see cref="FakeClock.Reset"/> to go back).</exception>
    public static Instant AdvanceToLocal(this FakeClock clock, DateTimeZone zone, LocalDateTime local)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(zone);
        var target = zone.AtLeniently(local).ToInstant();
        if (target < clock.GetCurrentInstant())
        {
            throw new ArgumentOutOfRangeException(nameof(local), local, "The clock would move back; use FakeClock.Reset to go back.");
        }

        return MoveTo(clock, target);
    }

    private static Instant MoveTo(FakeClock clock, Instant target)
    {
        clock.Reset(target);
        return target;
    }
}
