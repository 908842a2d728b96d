using System;
using System.Collections.Generic;
using System.Numerics;
using System.Threading;

namespace Nhtrc.Sdk.Scheduling;

/// <summary>
/// The open time of a calendar as cumulative sums, built lazily one local year at a time and published as
/// immutable snapshots. "Cumulative open time" is measured from a fixed anchor (the start of the first year
/// ever built), so values never change when the range grows in either direction; every query is a couple of
/// binary searches whatever the span.
/// </summary>
/// <remarks>
/// All instants are nanoseconds since the Unix epoch. A snapshot only ever grows, so the latest snapshot
/// covers everything any earlier one did; readers take it without locking.
/// </remarks>
internal sealed class OpenTimeline
{
    private readonly Func<int, YearTable> buildYear;
    private readonly Func<long, int> yearOf;
    private readonly object gate = new();
    private Snapshot? current;

    public OpenTimeline(int firstYear, int lastYear, Func<int, YearTable> buildYear, Func<long, int> yearOf)
    {
        FirstYear = firstYear;
        LastYear = lastYear;
        this.buildYear = buildYear;
        this.yearOf = yearOf;
    }

    /// <summary>The first local year whose open time can be built.</summary>
    public int FirstYear { get; }

    /// <summary>The last local year whose open time can be built.</summary>
    public int LastYear { get; }

    /// <summary>The latest snapshot that covers instant <paramref name="t"/>, building years as needed.</summary>
    public Snapshot Cover(long t)
    {
        var snapshot = Volatile.Read(ref current);
        if (snapshot is not null && snapshot.Contains(t))
        {
            return snapshot;
        }

        var year = yearOf(t);
        if (year < FirstYear || year > LastYear)
        {
            throw OutOfRange(nameof(t), year);
        }

        return Extend(year, year);
    }

    /// <summary>The latest snapshot, extended by at least one year after its end; null when at the last supported year.</summary>
    public Snapshot? ExtendForward(Snapshot snapshot)
    {
        var last = snapshot.FirstYear + snapshot.Count - 1;
        if (last >= LastYear)
        {
            return null;
        }

        return Extend(last + 1, Math.Min(LastYear, last + Math.Max(1, snapshot.Count)));
    }

    /// <summary>The latest snapshot, extended by at least one year before its start; null when at the first supported year.</summary>
    public Snapshot? ExtendBackward(Snapshot snapshot)
    {
        if (snapshot.FirstYear <= FirstYear)
        {
            return null;
        }

        return Extend(Math.Max(FirstYear, snapshot.FirstYear - Math.Max(1, snapshot.Count)), snapshot.FirstYear - 1);
    }

    /// <summary>The latest snapshot extended to cover local years <paramref name="from"/> to <paramref name="to"/>.</summary>
    public Snapshot CoverYears(int from, int to)
    {
        if (from < FirstYear || to > LastYear)
        {
            throw from < FirstYear ? OutOfRange(nameof(from), from) : OutOfRange(nameof(to), to);
        }

        var snapshot = Volatile.Read(ref current);
        if (snapshot is not null && snapshot.FirstYear <= from && to < snapshot.FirstYear + snapshot.Count)
        {
            return snapshot;
        }

        return Extend(from, to);
    }

    /// <summary>The range exception for an instant or date in local year <paramref name="year"/>, outside the supported years.</summary>
    public CalendarRangeException OutOfRange(string paramName, int year) => new(
        paramName,
        year < FirstYear ? CalendarRangeReason.InstantBeforeFirstYear : CalendarRangeReason.InstantAfterLastYear,
        year,
        FirstYear,
        LastYear);

    private Snapshot Extend(int from, int to)
    {
        lock (gate)
        {
            var old = current;
            var first = old is null ? from : Math.Min(from, old.FirstYear);
            var last = old is null ? to : Math.Max(to, old.FirstYear + old.Count - 1);
            if (old is not null && old.FirstYear == first && old.Count == last - first + 1)
            {
                return old;
            }

            var count = last - first + 1;
            var tables = new YearTable[count];
            for (var i = 0; i < count; i++)
            {
                var year = first + i;
                tables[i] = old is not null && year >= old.FirstYear && year < old.FirstYear + old.Count
                    ? old.Tables[year - old.FirstYear]
                    : buildYear(year);
            }

            // Anchor: cumulative values of years already built stay as they were.
            Int128 anchorCum = 0;
            long anchorDays = 0;
            var anchorIndex = 0;
            if (old is not null)
            {
                anchorIndex = old.FirstYear - first;
                anchorCum = old.YearCum[0];
                anchorDays = old.YearDays[0];
            }

            var cum = new Int128[count + 1];
            var dayCum = new long[count + 1];
            cum[anchorIndex] = anchorCum;
            dayCum[anchorIndex] = anchorDays;
            for (var i = anchorIndex; i < count; i++)
            {
                cum[i + 1] = checked(cum[i] + tables[i].Total);
                dayCum[i + 1] = dayCum[i] + tables[i].BusinessDays.Length;
            }

            for (var i = anchorIndex - 1; i >= 0; i--)
            {
                cum[i] = checked(cum[i + 1] - tables[i].Total);
                dayCum[i] = dayCum[i + 1] - tables[i].BusinessDays.Length;
            }

            var bounds = new long[count + 1];
            for (var i = 0; i < count; i++)
            {
                bounds[i] = tables[i].Start;
            }

            bounds[count] = tables[count - 1].End;
            var snapshot = new Snapshot(first, tables, bounds, cum, dayCum);
            Volatile.Write(ref current, snapshot);
            return snapshot;
        }
    }

    /// <summary>An immutable view of a contiguous range of built years.</summary>
    internal sealed class Snapshot
    {
        public Snapshot(int firstYear, YearTable[] tables, long[] bounds, Int128[] yearCum, long[] yearDays)
        {
            FirstYear = firstYear;
            Tables = tables;
            Bounds = bounds;
            YearCum = yearCum;
            YearDays = yearDays;

            // Nearly every snapshot's open time fits a long (292 years of nanoseconds): then 64-bit copies serve the
            // common path, and 128-bit arithmetic is left for the snapshots that need it.
            // The span too, so that the difference of any two cumulative values in it fits.
            if (yearCum[0] >= long.MinValue && yearCum[^1] <= long.MaxValue && yearCum[^1] - yearCum[0] <= long.MaxValue)
            {
                YearCum64 = Array.ConvertAll(yearCum, static c => (long)c);
            }
        }

        public int FirstYear { get; }

        public int Count => Tables.Length;

        public YearTable[] Tables { get; }

        /// <summary>Bounds[i] is the first instant of year i; Bounds[Count] is the end of the last year.</summary>
        public long[] Bounds { get; }

        /// <summary>Cumulative open time at Bounds[i]; 128 bits, since 400 years of open time do not fit a long of nanoseconds.</summary>
        public Int128[] YearCum { get; }

        /// <summary><see cref="YearCum"/> as longs, or null when a value, or the difference of two, does not fit one.</summary>
        public long[]? YearCum64 { get; }

        /// <summary>Number of business days before year i (from the anchor).</summary>
        public long[] YearDays { get; }

        public bool Contains(long t) => t >= Bounds[0] && t < Bounds[^1];

        /// <summary>The index of the year containing <paramref name="t"/>, which must be contained.</summary>
        public int YearIndexOf(long t) =>
            // Last i with Bounds[i] <= t; years are nearly equal, so the interpolated guess is the year or next to it.
            GuessedSearch.FirstGreater(Bounds, t, GuessedSearch.Interpolate(t, Bounds[0], Bounds[^1], Tables.Length) + 1) - 1;

        /// <summary>Cumulative open time at <paramref name="t"/>, which must be contained.</summary>
        public Int128 Cumulative(long t)
        {
            var year = YearIndexOf(t);
            return YearCum[year] + Tables[year].CumulativeAt(t);
        }

        /// <summary>The smallest instant whose cumulative open time is <paramref name="target"/>, or false when it lies after this snapshot.</summary>
        public bool TryFindForward(Int128 target, out long instant) => TryFindForward(YearCum, target, out instant);

        /// <summary>As <see cref="TryFindForward(Int128, out long)"/> on <see cref="YearCum64"/>, which must not be null.</summary>
        public bool TryFindForward(long target, out long instant)
        {
            // Largest i in [0, Count] with YearCum64[i] < target: one before the first at least the target.
            var cum = YearCum64!;
            var i = GuessedSearch.FirstAtLeast(cum, target, GuessedSearch.Interpolate(target, cum[0], cum[^1], Tables.Length)) - 1;
            if (i < 0 || i >= Tables.Length)
            {
                instant = 0;
                return false;
            }

            instant = Tables[i].FindForward(target - cum[i]);
            return true;
        }

        private bool TryFindForward<T>(T[] yearCum, T target, out long instant)
            where T : IBinaryInteger<T>
        {
            // Largest i in [0, Count] with yearCum[i] < target.
            var lo = -1;
            var hi = Tables.Length;
            while (lo < hi)
            {
                var mid = (lo + hi + 1) >> 1;
                if (yearCum[mid] < target)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            if (lo < 0 || lo >= Tables.Length)
            {
                instant = 0;
                return false;
            }

            instant = Tables[lo].FindForward(long.CreateTruncating(target - yearCum[lo]));
            return true;
        }

        /// <summary>The largest instant whose cumulative open time is <paramref name="target"/>, or false when it lies before this snapshot.</summary>
        public bool TryFindBackward(Int128 target, out long instant)
        {
            // First k in [0, Count] with YearCum[k] > target; the answer is in year k - 1.
            var lo = 0;
            var hi = Tables.Length + 1;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (YearCum[mid] > target)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            if (lo == 0 || lo > Tables.Length)
            {
                instant = 0;
                return false;
            }

            var year = lo - 1;
            instant = Tables[year].FindBackward((long)(target - YearCum[year]));
            return true;
        }
    }

    /// <summary>
    /// The open time inside one local year's instant range [Start, End): merged, sorted, non-adjacent open
    /// intervals with cumulative ends, plus the business days of the local dates of that year with their closes.
    /// </summary>
    internal sealed class YearTable
    {
        public YearTable(long start, long end, long[] starts, long[] ends, NodaTime.LocalDate[] businessDays, long[] businessDayCloses)
        {
            Start = start;
            End = end;
            Starts = starts;
            Ends = ends;
            CumEnds = new long[ends.Length];
            long total = 0;
            for (var i = 0; i < ends.Length; i++)
            {
                total += ends[i] - starts[i];
                CumEnds[i] = total;
            }

            Total = total;
            BusinessDays = businessDays;
            BusinessDayCloses = businessDayCloses;
        }

        public long Start { get; }

        public long End { get; }

        public long[] Starts { get; }

        public long[] Ends { get; }

        public long[] CumEnds { get; }

        public long Total { get; }

        public NodaTime.LocalDate[] BusinessDays { get; }

        public long[] BusinessDayCloses { get; }

        /// <summary>Index of the first interval whose end is after <paramref name="t"/> (Count when none).</summary>
        public int FirstEndingAfter(long t) => GuessedSearch.FirstGreater(Ends, t, GuessedSearch.Interpolate(t, Start, End, Ends.Length));

        public long CumulativeAt(long t)
        {
            var i = FirstEndingAfter(t);
            if (i == Ends.Length)
            {
                return Total;
            }

            var start = Starts[i];
            return start < t ? CumEnds[i] - (Ends[i] - t) : CumEnds[i] - (Ends[i] - start);
        }

        /// <summary>Smallest instant with cumulative <paramref name="relative"/> in (0, Total].</summary>
        public long FindForward(long relative)
        {
            // First i with CumEnds[i] >= relative.
            var i = GuessedSearch.FirstAtLeast(CumEnds, relative, GuessedSearch.Interpolate(relative, 0, Total, CumEnds.Length));
            return Ends[i] - (CumEnds[i] - relative);
        }

        /// <summary>Largest instant with cumulative <paramref name="relative"/> in [0, Total).</summary>
        public long FindBackward(long relative)
        {
            // First i with CumEnds[i] > relative: the instant is inside interval i or at its start.
            var i = GuessedSearch.FirstGreater(CumEnds, relative, GuessedSearch.Interpolate(relative, 0, Total, CumEnds.Length));
            return Ends[i] - (CumEnds[i] - relative);
        }

        /// <summary>Index of the first business day after <paramref name="date"/> (Length when none).</summary>
        public int FirstBusinessDayAfter(NodaTime.LocalDate date)
        {
            var lo = 0;
            var hi = BusinessDays.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (BusinessDays[mid] > date)
                {
                    hi = mid;
                }
                else
                {
                    lo = mid + 1;
                }
            }

            return lo;
        }
    }

    /// <summary>Sorts and merges raw intervals (overlapping or touching), clipped to [start, end).</summary>
    internal static (long[] Starts, long[] Ends) Merge(List<(long Start, long End)> raw, long start, long end)
    {
        // A year's periods come date by date and mostly in order already: sort only when they are not.
        var sorted = true;
        for (var i = 1; i < raw.Count && sorted; i++)
        {
            var (a, b) = (raw[i - 1], raw[i]);
            sorted = a.Start < b.Start || (a.Start == b.Start && a.End <= b.End);
        }

        if (!sorted)
        {
            raw.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        }

        var starts = new List<long>(raw.Count);
        var ends = new List<long>(raw.Count);
        foreach (var (rawStart, rawEnd) in raw)
        {
            var s = Math.Max(rawStart, start);
            var e = Math.Min(rawEnd, end);
            if (e <= s)
            {
                continue;
            }

            if (ends.Count > 0 && s <= ends[^1])
            {
                ends[^1] = Math.Max(ends[^1], e);
                continue;
            }

            starts.Add(s);
            ends.Add(e);
        }

        return (starts.ToArray(), ends.ToArray());
    }
}
