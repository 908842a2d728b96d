using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using NodaTime;
using NodaTime.TimeZones;

namespace Nhtrc.Sdk.Scheduling;

// The open time of one local year, built on first use (see OpenTimeline): the merged open periods and
// the business days with their closes.
public sealed partial class ServiceCalendar
{
    private long StartOfYear(int year) => ToNanos(Zone.AtStartOfDay(new LocalDate(year, 1, 1)).ToInstant());

    private OpenTimeline.YearTable BuildYear(int year)
    {
        var start = StartOfYear(year);
        var end = StartOfYear(year + 1);
        var raw = new List<(long Start, long End)>(400);

        // Periods opening in the two days before the year can reach into it (a skipped day can push one by a day).
        var first = new LocalDate(year, 1, 1).PlusDays(-2);
        var last = new LocalDate(year, 12, 31).PlusDays(1);
        var businessDays = new List<LocalDate>(300);
        var closes = new List<long>(300);
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            var hours = GetHoursForYear(date, year);
            if (hours.IsEmpty)
            {
                continue;
            }

            long close = long.MinValue;
            foreach (var interval in hours)
            {
                var (s, e) = Resolve(date, interval);
                if (e > s)
                {
                    raw.Add((s, e));
                }

                close = Math.Max(close, e);
            }

            if (date.Year == year)
            {
                businessDays.Add(date);
                closes.Add(close);
            }
        }

        var (starts, ends) = OpenTimeline.Merge(raw, start, end);
        return new OpenTimeline.YearTable(start, end, starts, ends, [.. businessDays], [.. closes]);
    }

    // Dates of the neighbouring years are only consulted for periods that spill into this one; outside the
    // holiday calendars' years they are taken without holidays rather than failing.
    private ImmutableArray<OpenInterval> GetHoursForYear(LocalDate date, int year)
    {
        if (date.Year == year || (date.Year >= timeline.FirstYear && date.Year <= timeline.LastYear))
        {
            return GetHoursOn(date);
        }

        return overridesByDate.TryGetValue(date, out var dateOverride) ? dateOverride.Hours : WeeklyHours[date.DayOfWeek];
    }

    private (long Start, long End) Resolve(LocalDate date, OpenInterval interval)
    {
        var open = date + interval.Open;
        var close = (interval.CrossesMidnight ? date.PlusDays(1) : date) + interval.Close;
        var s = ToNanos(Zone.ResolveLocal(open, Resolvers.LenientResolver).ToInstant());
        var e = ToNanos(Zone.ResolveLocal(close, Resolvers.LenientResolver).ToInstant());
        return (s, e);
    }
}
