using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using NodaTime.TimeZones;

namespace Nhtrc.Sdk.Tests.Scheduling;

/// <summary>
/// A deliberately naive reference: it decides the hours of each date from the raw definition, and answers
/// every question by walking minute by minute. It only works for minute-aligned instants and durations and
/// zones whose offsets are whole minutes, and gives up (null) past its horizon.
/// </summary>
public sealed class NaiveCalendarModel : ICalendarModel
{
    private static readonly Duration Minute = Duration.FromMinutes(1);
    private readonly ConcurrentDictionary<LocalDate, (Instant Open, Instant Close)[]> resolved = new();

    public NaiveCalendarModel(CalendarDefinition definition, int horizonDays = 40)
    {
        Definition = definition;
        HorizonMinutes = horizonDays * 24 * 60;
    }

    public string Name => "naive";

    public CalendarDefinition Definition { get; }

    public int HorizonMinutes { get; }

    public IReadOnlyList<(LocalTime Open, LocalTime Close)> HoursOn(LocalDate date)
    {
        if (Definition.Overrides.TryGetValue(date, out var special))
        {
            return special;
        }

        if (Definition.Holidays.Contains(date))
        {
            return [];
        }

        return Definition.Weekly[(int)date.DayOfWeek - 1];
    }

    public bool IsOpen(Instant t)
    {
        var date = t.InZone(Definition.Zone).Date;
        // A later date can open before t: when clocks fall back at midnight, its 00:00 comes before the repeated hour.
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

    public Duration Between(Instant a, Instant b)
    {
        if (b < a)
        {
            return -Between(b, a);
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

    public Instant? Add(Instant t, Duration d)
    {
        if (d == Duration.Zero)
        {
            return t;
        }

        var accumulated = Duration.Zero;
        var m = t;
        for (var step = 0; step < HorizonMinutes; step++, m += Minute)
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

    public Instant? Subtract(Instant t, Duration d)
    {
        if (d == Duration.Zero)
        {
            return t;
        }

        var accumulated = Duration.Zero;
        var m = t - Minute;
        for (var step = 0; step < HorizonMinutes; step++, m -= Minute)
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

    public Instant? NextOpening(Instant t)
    {
        var m = t;
        for (var step = 0; step < HorizonMinutes; step++, m += Minute)
        {
            if (IsOpen(m) && !IsOpen(m - Minute))
            {
                return m;
            }
        }

        return null;
    }

    public Instant? NextClosing(Instant t)
    {
        var m = t + Minute;
        for (var step = 0; step < HorizonMinutes; step++, m += Minute)
        {
            if (!IsOpen(m) && IsOpen(m - Minute))
            {
                return m;
            }
        }

        return null;
    }

    public bool IsBusinessDay(LocalDate date) => HoursOn(date).Count > 0;

    public LocalDate? NthBusinessDayAfter(LocalDate date, int n)
    {
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

    public Instant? CloseOfNthBusinessDayAfter(Instant received, int n)
    {
        var day = NthBusinessDayAfter(received.InZone(Definition.Zone).Date, n);
        return day is null ? null : Resolved(day.Value).Max(r => r.Close);
    }

    private (Instant Open, Instant Close)[] Resolved(LocalDate date) => resolved.GetOrAdd(date, d =>
        HoursOn(d).Select(h =>
        {
            var closeDate = h.Close <= h.Open ? d.PlusDays(1) : d;
            var open = Definition.Zone.ResolveLocal(d + h.Open, Resolvers.LenientResolver).ToInstant();
            var close = Definition.Zone.ResolveLocal(closeDate + h.Close, Resolvers.LenientResolver).ToInstant();
            return (open, close);
        }).ToArray());
}
