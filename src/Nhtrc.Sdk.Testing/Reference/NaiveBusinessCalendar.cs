using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Nhtrc.Sdk.Scheduling;
using NodaTime;
using NodaTime.TimeZones;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// A deliberately naive reference for business time, obviously correct and sharing no code with the SDK's
/// calendars: it decides each date's hours from a <see cref="CalendarDefinition"/> (the override, else closed on a
/// holiday, else the weekly hours), resolves each period on its own with NodaTime's lenient resolver, and answers
/// every question by walking minute by minute. Run your own calendar code against it (differential testing), as the
/// SDK's tests do. It works only for instants and amounts in whole minutes and zones whose offsets are whole
/// minutes, and gives up (returns null) past its search horizon. Thread-safe.
/// </summary>
public sealed class NaiveBusinessCalendar
{
    private static readonly Duration Minute = Duration.FromMinutes(1);
    private readonly ConcurrentDictionary<LocalDate, (Instant Open, Instant Close)[]> resolved = new();
    private readonly long horizonMinutes;

    /// <summary>Creates the reference for <paramref name="definition"/>.</summary>
    /// <param name="definition">The calendar's facts.</param>
    /// <param name="horizonDays">How far the walks search before giving up; 1 to 3,700 days.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="horizonDays"/> is out of range.</exception>
    public NaiveBusinessCalendar(CalendarDefinition definition, int horizonDays = 40)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizonDays, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(horizonDays, 3700);
        Definition = definition;
        horizonMinutes = horizonDays * 24L * 60;
    }

    /// <summary>The facts the reference answers from.</summary>
    public CalendarDefinition Definition { get; }

    /// <summary>The open periods of <paramref name="date"/> as written: its override's, none on a holiday, else its weekday's.</summary>
    /// <param name="date">The local date.</param>
    public IReadOnlyList<OpenInterval> HoursOn(LocalDate date)
    {
        if (Definition.Overrides.TryGetValue(date, out var special))
        {
            return special.Hours;
        }

        return Definition.Holidays.Contains(date) ? [] : Definition.WeeklyHours[date.DayOfWeek];
    }

    /// <summary>True when <paramref name="t"/> is inside a period, open at its opening, closed at its close.</summary>
    /// <param name="t">The instant.</param>
    public bool IsOpen(Instant t)
    {
        var date = t.InZone(Definition.Zone).Date;

        // A later date can open before t (clocks going back at midnight); an earlier one can run past it (overnight periods).
        for (var d = date.PlusDays(-3); d <= date.PlusDays(1); d = d.PlusDays(1))
        {
            foreach (var (open, close) in Resolved(d))
            {
                if (open <= t && t < close)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The open time in <c>[a, b)</c>, minute by minute; the negative of <c>[b, a)</c> when <paramref name="b"/> is earlier.</summary>
    /// <param name="a">The start.</param>
    /// <param name="b">The end.</param>
    public Duration BusinessTimeBetween(Instant a, Instant b)
    {
        if (b < a)
        {
            return -BusinessTimeBetween(b, a);
        }

        var total = Duration.Zero;
        for (var m = a; m < b; m += Minute)
        {
            if (IsOpen(m))
            {
                total += Minute;
            }
        }

        return total;
    }

    /// <summary>The first instant at or after <paramref name="t"/> by which <paramref name="d"/> of open time has passed; null past the horizon.</summary>
    /// <param name="t">The start.</param>
    /// <param name="d">The amount, not negative.</param>
    public Instant? AddBusinessTime(Instant t, Duration d)
    {
        if (d == Duration.Zero)
        {
            return t;
        }

        var accumulated = Duration.Zero;
        var m = t;
        for (var step = 0L; step < horizonMinutes; step++, m += Minute)
        {
            if (IsOpen(m))
            {
                accumulated += Minute;
                if (accumulated == d)
                {
                    return m + Minute;
                }
            }
        }

        return null;
    }

    /// <summary>The last instant at or before <paramref name="t"/> from which <paramref name="d"/> of open time passes until it; null past the horizon.</summary>
    /// <param name="t">The end.</param>
    /// <param name="d">The amount, not negative.</param>
    public Instant? SubtractBusinessTime(Instant t, Duration d)
    {
        if (d == Duration.Zero)
        {
            return t;
        }

        var accumulated = Duration.Zero;
        var m = t - Minute;
        for (var step = 0L; step < horizonMinutes; step++, m -= Minute)
        {
            if (IsOpen(m))
            {
                accumulated += Minute;
                if (accumulated == d)
                {
                    return m;
                }
            }
        }

        return null;
    }

    /// <summary>The first minute at or after <paramref name="t"/> that is open while the minute before is closed; null past the horizon.</summary>
    /// <param name="t">The start.</param>
    public Instant? NextOpening(Instant t)
    {
        var m = t;
        for (var step = 0L; step < horizonMinutes; step++, m += Minute)
        {
            if (IsOpen(m) && !IsOpen(m - Minute))
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>The first minute after <paramref name="t"/> that is closed while the minute before is open; null past the horizon.</summary>
    /// <param name="t">The start.</param>
    public Instant? NextClosing(Instant t)
    {
        var m = t + Minute;
        for (var step = 0L; step < horizonMinutes; step++, m += Minute)
        {
            if (!IsOpen(m) && IsOpen(m - Minute))
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="date"/> has open periods of its own.</summary>
    /// <param name="date">The local date.</param>
    public bool IsBusinessDay(LocalDate date) => HoursOn(date).Count > 0;

    /// <summary>The <paramref name="n"/>-th business day strictly after <paramref name="date"/>; null if none within ten years.</summary>
    /// <param name="date">The date, which never counts.</param>
    /// <param name="n">How many business days, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is below 1.</exception>
    public LocalDate? NthBusinessDayAfter(LocalDate date, int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var found = 0;
        var d = date;
        for (var step = 0; step < 3700; step++)
        {
            d = d.PlusDays(1);
            if (IsBusinessDay(d) && ++found == n)
            {
                return d;
            }
        }

        return null;
    }

    /// <summary>The latest close among the periods that open on the <paramref name="n"/>-th business day after the local date of <paramref name="received"/>.</summary>
    /// <param name="received">The receipt.</param>
    /// <param name="n">How many business days, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is below 1.</exception>
    public Instant? CloseOfNthBusinessDayAfter(Instant received, int n)
    {
        var day = NthBusinessDayAfter(received.InZone(Definition.Zone).Date, n);
        return day is null ? null : Resolved(day.Value).Max(r => r.Close);
    }

    /// <summary>Returns <c>naive reference of</c> and the definition.</summary>
    public override string ToString() => "naive reference of " + Definition;

    private (Instant Open, Instant Close)[] Resolved(LocalDate date) => resolved.GetOrAdd(date, d =>
        HoursOn(d).Select(h =>
        {
            var closeDate = h.Close <= h.Open ? d.PlusDays(1) : d;
            var open = Definition.Zone.ResolveLocal(d + h.Open, Resolvers.LenientResolver).ToInstant();
            var close = Definition.Zone.ResolveLocal(closeDate + h.Close, Resolvers.LenientResolver).ToInstant();
            return (open, close);
        }).ToArray());
}
