using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
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
        var joined = new Dictionary<OpenInterval[], (long Open, long Close)[]>(ReferenceEqualityComparer.Instance);
        var listed = new Dictionary<OpenInterval[], (long Open, long Close)[]>(ReferenceEqualityComparer.Instance);
        ZoneInterval? interval = null;
        for (var date = first; date <= last; date = date.PlusDays(1))
        {
            var hours = GetHoursForYear(date, year);
            if (hours.IsEmpty)
            {
                continue;
            }

            // Each day's list of periods (a weekday's, an override's) is converted once a year, not once a date; it is
            // joined except on the few dates near an offset change, where resolving local times is not monotonic.
            var array = ImmutableCollectionsMarshal.AsArray(hours)!;
            var offset = OneOffset(date, ref interval);
            var cache = offset is not null ? joined : listed;
            if (!cache.TryGetValue(array, out var periods))
            {
                cache.Add(array, periods = Offsets(hours, join: cache == joined));
            }

            // Under one offset a local time resolves to itself less the offset, as the zone would resolve it.
            var midnight = offset is { } o ? ToNanos(date.AtMidnight().InUtc().ToInstant()) - o.Nanoseconds : 0;
            long close = long.MinValue;
            foreach (var (open, shut) in periods)
            {
                var (s, e) = offset is not null ? (midnight + open, midnight + shut) : Resolve(date, open, shut);
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

    // The zone's one offset over every instant a period of the date can touch (its local times run from the date's
    // midnight to less than two days later, and an offset is less than a day), or null when it changes there. The zone
    // interval of the previous date is reused while it covers them (most dates of a year share one or two).
    private Offset? OneOffset(LocalDate date, ref ZoneInterval? interval)
    {
        var from = date.PlusDays(-1).AtMidnight().InUtc().ToInstant();
        var to = date.PlusDays(3).AtMidnight().InUtc().ToInstant();
        if (interval is null || (interval.HasStart && interval.Start > from) || (interval.HasEnd && interval.End <= from))
        {
            interval = Zone.GetZoneInterval(from);
        }

        return !interval.HasEnd || interval.End >= to ? interval.WallOffset : null;
    }

    // A day's periods as nanoseconds after its midnight (a close past midnight is past a day); with join, overlapping
    // and touching ones joined. Under one offset resolving is a shift, so the joined periods open the same instants
    // the listed ones do and close the day at the same last instant; a day listed with 100,000 periods (a hostile
    // document) then costs what its few distinct ones cost, not 100,000 resolutions per date.
    private static (long Open, long Close)[] Offsets(ImmutableArray<OpenInterval> hours, bool join)
    {
        // Normalized: sorted by opening time.
        var periods = new List<(long Open, long Close)>(join ? Math.Min(hours.Length, 8) : hours.Length);
        foreach (var interval in hours)
        {
            var open = interval.Open.NanosecondOfDay;
            var close = interval.Close.NanosecondOfDay + (interval.CrossesMidnight ? NodaConstants.NanosecondsPerDay : 0);
            if (join && periods.Count > 0 && open <= periods[^1].Close)
            {
                periods[^1] = (periods[^1].Open, Math.Max(periods[^1].Close, close));
            }
            else
            {
                periods.Add((open, close));
            }
        }

        return [.. periods];
    }

    private (long Start, long End) Resolve(LocalDate date, long open, long close)
    {
        var midnight = date.AtMidnight();
        var s = ToNanos(Zone.ResolveLocal(midnight.PlusNanoseconds(open), Resolvers.LenientResolver).ToInstant());
        var e = ToNanos(Zone.ResolveLocal(midnight.PlusNanoseconds(close), Resolvers.LenientResolver).ToInstant());
        return (s, e);
    }
}
