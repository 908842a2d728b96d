using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Scheduling;

/// <summary>
/// When a service is open: an IANA time zone, weekly open periods, holiday calendars (closed on every
/// observed holiday) and dated overrides (closed, or special hours), with business-time arithmetic on
/// <see cref="Instant"/>s. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>Semantics (docs/deadlines.md has the full text and examples):</para>
/// <list type="bullet">
/// <item>The hours of a local date are its override if it has one; otherwise none if a holiday is observed
/// on it; otherwise the weekly hours of its day of week. An open period belongs to the date it opens on, so
/// 22:00-06:00 on the eve of a holiday runs until 06:00 on the holiday.</item>
/// <item>Local times map to instants with NodaTime's lenient resolver: a time in a spring-forward gap moves
/// forward by the length of the gap; an ambiguous time takes the earlier instant.</item>
/// <item>Open time is the union of all open periods, half-open <c>[open, close)</c>.</item>
/// <item>Queries cost a few binary searches however far apart their instants are; the open time of each
/// local year is computed once, on first use, and cached.</item>
/// </list>
/// <para>Instants must fall in the local years <see cref="FirstSupportedYear"/> to <see cref="LastSupportedYear"/>;
/// others, and answers that would fall outside them, get a <see cref="CalendarRangeException"/> (an
/// <see cref="ArgumentOutOfRangeException"/>) whose <see cref="CalendarRangeException.Reason"/> names the cause, whatever
/// the instant or amount: <see cref="Instant.MinValue"/> and <see cref="Duration.MaxValue"/> included. On a calendar that
/// never opens, business-time arithmetic fails at once with <see cref="CalendarRangeReason.NeverOpens"/>.</para>
/// </remarks>
public sealed partial class ServiceCalendar
{
    /// <summary>The earliest local year any service calendar supports.</summary>
    public const int MinimumYear = 1800;

    /// <summary>The latest local year any service calendar supports.</summary>
    public const int MaximumYear = 2200;

    private const long NanosecondsPerDay = 86_400_000_000_000L;

    private readonly ImmutableDictionary<LocalDate, DateOverride> overridesByDate;
    private readonly OpenTimeline timeline;

    // Instants in the UTC years strictly between the first and last supported years need no year check (see Nanos):
    // the days since the epoch of 1 January of the year after the first and of the last.
    private readonly int uncheckedFromDay;
    private readonly int uncheckedToDay;

    // MaximumSpanDays as a duration, computed once: every business-time call compares an amount with it.
    private readonly Duration maximumSpan;
    private readonly bool opensAtAll;

    /// <summary>Creates a calendar.</summary>
    /// <param name="id">An identifier such as <c>nhtrc-business-hours</c>, used in JSON documents and explanations.</param>
    /// <param name="zone">The time zone of the local times, for example from <c>DateTimeZoneProviders.Tzdb["America/New_York"]</c>.</param>
    /// <param name="weeklyHours">The regular hours.</param>
    /// <param name="holidayCalendars">Holiday calendars whose observed dates are closed unless overridden; may be empty.</param>
    /// <param name="overrides">Dated overrides; at most one per date.</param>
    /// <exception cref="ArgumentNullException">An argument or an element is null.</exception>
    /// <exception cref="NhtrcValidationException">The id is blank, two overrides share a date, an override or a listed holiday is outside the years <see cref="MinimumYear"/>-<see cref="MaximumYear"/>, or the holiday calendars support no year in common with them.</exception>
    public ServiceCalendar(
        string id,
        DateTimeZone zone,
        WeeklyHours weeklyHours,
        IEnumerable<HolidayCalendar>? holidayCalendars = null,
        IEnumerable<DateOverride>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(weeklyHours);

        var problems = new List<ValidationProblem>();
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add(new ValidationProblem("id", "must not be blank."));
        }

        var holidays = (holidayCalendars ?? []).ToImmutableArray();
        for (var i = 0; i < holidays.Length; i++)
        {
            if (holidays[i] is null)
            {
                problems.Add(new ValidationProblem($"holidayCalendars[{i}]", "must not be null."));
            }
            else if (holidays[i] is DatedHolidayCalendar dated)
            {
                foreach (var holiday in dated.AllHolidays)
                {
                    if (OutsideYears(holiday.ActualDate) || OutsideYears(holiday.ObservedDate))
                    {
                        var year = OutsideYears(holiday.ActualDate) ? holiday.ActualDate.Year : holiday.ObservedDate.Year;
                        problems.Add(new ValidationProblem($"holidayCalendars[{i}]", $"lists a holiday in year {year}, outside the years {MinimumYear} to {MaximumYear} a service calendar supports."));
                        break;
                    }
                }
            }
        }

        var byDate = ImmutableDictionary.CreateBuilder<LocalDate, DateOverride>();
        var overrideList = (overrides ?? []).ToImmutableArray();
        for (var i = 0; i < overrideList.Length; i++)
        {
            var item = overrideList[i];
            if (item is null)
            {
                problems.Add(new ValidationProblem($"overrides[{i}]", "must not be null."));
            }
            else if (OutsideYears(item.Date))
            {
                problems.Add(new ValidationProblem($"overrides[{i}]", $"is in year {item.Date.Year}, outside the years {MinimumYear} to {MaximumYear} a service calendar supports."));
            }
            else if (!byDate.TryAdd(item.Date, item))
            {
                problems.Add(new ValidationProblem($"overrides[{i}]", $"a second override for {item.Date:uuuu'-'MM'-'dd}; a date has at most one."));
            }
        }

        var firstYear = MinimumYear;
        var lastYear = MaximumYear;
        foreach (var holiday in holidays)
        {
            if (holiday is null)
            {
                continue;
            }

            firstYear = Math.Max(firstYear, holiday.FirstSupportedYear);
            lastYear = Math.Min(lastYear, holiday.LastSupportedYear);
        }

        if (firstYear > lastYear)
        {
            problems.Add(new ValidationProblem("holidayCalendars", $"the holiday calendars have no year in common with {MinimumYear}-{MaximumYear}."));
        }

        if (problems.Count > 0)
        {
            throw new NhtrcValidationException($"service calendar '{id}'", problems);
        }

        Id = id;
        Zone = zone;
        WeeklyHours = weeklyHours;
        HolidayCalendars = holidays;
        Overrides = [.. overrideList.OrderBy(o => o.Date)];
        overridesByDate = byDate.ToImmutable();
        timeline = new OpenTimeline(firstYear, lastYear, BuildYear, YearOf);
        uncheckedFromDay = (Instant.FromUtc(firstYear + 1, 1, 1, 0, 0) - NodaConstants.UnixEpoch).Days;
        uncheckedToDay = (Instant.FromUtc(lastYear, 1, 1, 0, 0) - NodaConstants.UnixEpoch).Days;
        maximumSpan = Duration.FromDays((int)MaximumSpanDays);
        opensAtAll = !weeklyHours.IsAlwaysClosed || Overrides.Any(o => !o.IsClosed);
    }

    /// <summary>The identifier, for example <c>nhtrc-business-hours</c>.</summary>
    public string Id { get; }

    /// <summary>The time zone of the calendar's local times.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The regular weekly hours.</summary>
    public WeeklyHours WeeklyHours { get; }

    /// <summary>The holiday calendars whose observed dates are closed.</summary>
    public ImmutableArray<HolidayCalendar> HolidayCalendars { get; }

    /// <summary>The dated overrides, ordered by date.</summary>
    public ImmutableArray<DateOverride> Overrides { get; }

    /// <summary>The first local year this calendar answers for (the later of <see cref="MinimumYear"/> and its holiday calendars' first years).</summary>
    public int FirstSupportedYear => timeline.FirstYear;

    /// <summary>The last local year this calendar answers for.</summary>
    public int LastSupportedYear => timeline.LastYear;

    /// <summary>The open periods of <paramref name="date"/> itself (see the type's remarks); empty when closed.</summary>
    public ImmutableArray<OpenInterval> GetHoursOn(LocalDate date)
    {
        if (overridesByDate.TryGetValue(date, out var dateOverride))
        {
            return dateOverride.Hours;
        }

        return TryGetHolidayOn(date, out _) ? ImmutableArray<OpenInterval>.Empty : WeeklyHours[date.DayOfWeek];
    }

    /// <summary>Finds a holiday observed on <paramref name="date"/> by one of the holiday calendars (the first calendar's wins).</summary>
    /// <remarks>An override on that date still decides its hours; this only reports the holiday.</remarks>
    public bool TryGetHolidayOn(LocalDate date, [NotNullWhen(true)] out Holiday? holiday)
    {
        foreach (var calendar in HolidayCalendars)
        {
            if (date.Year >= calendar.FirstSupportedYear && date.Year <= calendar.LastSupportedYear
                && calendar.TryGetObservedHoliday(date, out holiday))
            {
                return true;
            }
        }

        holiday = null;
        return false;
    }

    /// <summary>True when <paramref name="date"/> has open periods of its own: a business day.</summary>
    public bool IsBusinessDay(LocalDate date) => !GetHoursOn(date).IsEmpty;

    /// <summary>True when the calendar is open at <paramref name="instant"/> (open periods are half-open, so not at a closing time).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The instant is outside the supported years.</exception>
    public bool IsOpen(Instant instant)
    {
        var t = Nanos(instant, nameof(instant));
        var snapshot = timeline.Cover(t);
        var table = snapshot.Tables[snapshot.YearIndexOf(t)];
        var i = table.FirstEndingAfter(t);
        return i < table.Ends.Length && table.Starts[i] <= t;
    }

    /// <summary>
    /// The first instant at or after <paramref name="instant"/> at which the calendar opens (is closed just
    /// before and open from then); null when it never opens again within the supported years.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The instant is outside the supported years.</exception>
    public Instant? NextOpening(Instant instant)
    {
        var t = Nanos(instant, nameof(instant));
        if (!opensAtAll)
        {
            return null;
        }

        var snapshot = timeline.Cover(t);
        var year = snapshot.YearIndexOf(t);
        if (year == 0 && snapshot.FirstYear > timeline.FirstYear)
        {
            // Whether the year's first period is an opening depends on how the year before ends.
            var absolute = snapshot.FirstYear;
            snapshot = timeline.CoverYears(absolute - 1, absolute);
            year = absolute - snapshot.FirstYear;
        }

        while (true)
        {
            var table = snapshot.Tables[year];
            // First interval starting at or after t, skipping a start that only continues the previous year's last interval.
            for (var i = table.FirstEndingAfter(t); i < table.Starts.Length; i++)
            {
                var start = table.Starts[i];
                if (start >= t && !ContinuesPreviousYear(snapshot, year, i))
                {
                    return FromNanos(start);
                }
            }

            if (!TryAdvance(ref snapshot, ref year))
            {
                return null;
            }
        }
    }

    /// <summary>
    /// The first instant after <paramref name="instant"/> at which the calendar closes: the end of the
    /// current open period when open, otherwise of the next one; null when none ends within the supported years.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The instant is outside the supported years.</exception>
    public Instant? NextClosing(Instant instant)
    {
        var t = Nanos(instant, nameof(instant));
        if (!opensAtAll)
        {
            return null;
        }

        var snapshot = timeline.Cover(t);
        var year = snapshot.YearIndexOf(t);
        var i = snapshot.Tables[year].FirstEndingAfter(t);
        while (true)
        {
            var table = snapshot.Tables[year];
            if (i < table.Ends.Length)
            {
                var end = table.Ends[i];
                if (i < table.Ends.Length - 1 || end != table.End)
                {
                    return FromNanos(end);
                }

                // The period reaches the end of the year: it closes there unless the next year opens at once.
                switch (StartsNextYear(ref snapshot, ref year, end))
                {
                    case null:
                        return null;
                    case false:
                        return FromNanos(end);
                }
            }

            if (i < table.Ends.Length - 1)
            {
                i++;
                continue;
            }

            if (!TryAdvance(ref snapshot, ref year))
            {
                return null;
            }

            i = 0;
        }
    }

    /// <summary>
    /// The open periods that overlap <c>[from, to)</c>, clipped to it, in order; periods that touch across a
    /// year boundary are reported as one.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An instant is outside the supported years.</exception>
    public IReadOnlyList<Interval> GetOpenIntervals(Instant from, Instant to)
    {
        if (to < from)
        {
            throw new ArgumentException("The end of the range is before its start.", nameof(to));
        }

        var a = Nanos(from, nameof(from));
        var b = Nanos(to, nameof(to));
        var result = new List<Interval>();
        if (a == b)
        {
            return result;
        }

        timeline.Cover(a);
        var snapshot = timeline.Cover(b - 1);
        long? openStart = null;
        long openEnd = 0;
        for (var year = snapshot.YearIndexOf(a); year < snapshot.Count && snapshot.Bounds[year] < b; year++)
        {
            var table = snapshot.Tables[year];
            for (var i = table.FirstEndingAfter(a); i < table.Starts.Length && table.Starts[i] < b; i++)
            {
                var s = Math.Max(table.Starts[i], a);
                var e = Math.Min(table.Ends[i], b);
                if (openStart is not null && s == openEnd)
                {
                    openEnd = e;
                    continue;
                }

                if (openStart is not null)
                {
                    result.Add(new Interval(FromNanos(openStart.Value), FromNanos(openEnd)));
                }

                openStart = s;
                openEnd = e;
            }
        }

        if (openStart is not null)
        {
            result.Add(new Interval(FromNanos(openStart.Value), FromNanos(openEnd)));
        }

        return result;
    }

    /// <summary>
    /// The open time inside <c>[from, to)</c>. When <paramref name="to"/> is before <paramref name="from"/>
    /// the result is the negated open time of <c>[to, from)</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An instant is outside the supported years.</exception>
    public Duration BusinessTimeBetween(Instant from, Instant to)
    {
        var a = Nanos(from, nameof(from));
        var b = Nanos(to, nameof(to));
        timeline.Cover(a);
        var snapshot = timeline.Cover(b);

        // When the snapshot's open time fits a long, so does any difference in it: no 128-bit arithmetic.
        if (snapshot.YearCum64 is { } cum)
        {
            var yearA = snapshot.YearIndexOf(a);
            var yearB = snapshot.YearIndexOf(b);
            return Duration.FromNanoseconds(cum[yearB] + snapshot.Tables[yearB].CumulativeAt(b) - (cum[yearA] + snapshot.Tables[yearA].CumulativeAt(a)));
        }

        return ToDuration(snapshot.Cumulative(b) - snapshot.Cumulative(a));
    }

    /// <summary>
    /// The smallest instant <c>t' &gt;= start</c> with <c>BusinessTimeBetween(start, t') == amount</c>.
    /// A result that lands on a closing time is that closing time; a zero amount returns
    /// <paramref name="start"/>; a negative amount is <see cref="SubtractBusinessTime"/> of its negation.
    /// </summary>
    /// <exception cref="CalendarRangeException">The start, or the result, is outside the supported years (any amount longer
    /// than the supported years, <see cref="Duration.MaxValue"/> or <see cref="Duration.MinValue"/> included), or the calendar never opens.</exception>
    public Instant AddBusinessTime(Instant start, Duration amount)
    {
        if (amount == Duration.Zero)
        {
            return start;
        }

        var t = Nanos(start, nameof(start));
        CheckAmount(amount, subtract: false, nameof(amount));
        if (amount < Duration.Zero)
        {
            return SubtractBusinessTime(start, -amount);
        }

        var snapshot = timeline.Cover(t);
        var year = snapshot.YearIndexOf(t);
        var local = snapshot.Tables[year].CumulativeAt(t);
        if (snapshot.YearCum64 is { } cum && amount.Days < 100_000)
        {
            // In 64-bit arithmetic while the target fits a long (an amount under 100,000 days does, unless the
            // start's cumulative value is near long.MaxValue) and lies in the years built.
            var at = cum[year] + local;
            var nanos = amount.ToInt64Nanoseconds();
            if (at <= long.MaxValue - nanos && snapshot.TryFindForward(at + nanos, out var found))
            {
                return FromNanos(found);
            }
        }

        var target = checked(snapshot.YearCum[year] + local + ToNanos(amount));
        while (true)
        {
            if (snapshot.TryFindForward(target, out var result))
            {
                return FromNanos(result);
            }

            snapshot = timeline.ExtendForward(snapshot)
                ?? throw Range(nameof(amount), CalendarRangeReason.ResultAfterLastYear);
        }
    }

    /// <summary>
    /// The largest instant <c>t' &lt;= end</c> with <c>BusinessTimeBetween(t', end) == amount</c>, for example
    /// "two business hours before the deadline". A result that lands on an opening time is that opening time;
    /// a zero amount returns <paramref name="end"/>; a negative amount is <see cref="AddBusinessTime"/> of its negation.
    /// </summary>
    /// <exception cref="CalendarRangeException">The end, or the result, is outside the supported years (any amount longer
    /// than the supported years, <see cref="Duration.MaxValue"/> or <see cref="Duration.MinValue"/> included), or the calendar never opens.</exception>
    public Instant SubtractBusinessTime(Instant end, Duration amount)
    {
        if (amount == Duration.Zero)
        {
            return end;
        }

        var t = Nanos(end, nameof(end));
        CheckAmount(amount, subtract: true, nameof(amount));
        if (amount < Duration.Zero)
        {
            return AddBusinessTime(end, -amount);
        }

        var snapshot = timeline.Cover(t);
        var target = checked(snapshot.Cumulative(t) - ToNanos(amount));
        while (true)
        {
            if (snapshot.TryFindBackward(target, out var result))
            {
                return FromNanos(result);
            }

            snapshot = timeline.ExtendBackward(snapshot)
                ?? throw Range(nameof(amount), CalendarRangeReason.ResultBeforeFirstYear);
        }
    }

    /// <summary>
    /// The <paramref name="count"/>-th business day strictly after <paramref name="date"/>: with a count of 1,
    /// the first business day after it. The date itself never counts.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1; or (a <see cref="CalendarRangeException"/>) the date or the answer is outside the supported years, or the calendar never opens.</exception>
    public LocalDate NthBusinessDayAfter(LocalDate date, int count)
    {
        var (table, index) = FindNthBusinessDay(date, count);
        return table.BusinessDays[index];
    }

    /// <summary>
    /// The close (the latest close among the periods that open on it) of the <paramref name="count"/>-th business day after the local date
    /// (in this calendar's zone) of <paramref name="received"/>: the deadline "within N business days". The day
    /// of receipt never counts, whatever the time of receipt.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1; or (a <see cref="CalendarRangeException"/>) the instant or the answer is outside the supported years, or the calendar never opens.</exception>
    public Instant CloseOfNthBusinessDayAfter(Instant received, int count)
    {
        _ = Nanos(received, nameof(received));
        var date = received.InZone(Zone).Date;
        var (table, index) = FindNthBusinessDay(date, count);
        return FromNanos(table.BusinessDayCloses[index]);
    }

    /// <summary>
    /// The latest close among the open periods that open on <paramref name="date"/>, each resolved on its own (a
    /// period crossing midnight closes the next day), or null when it is not a business day. Overlapping periods
    /// count by their own closes, so the answer is not necessarily the close of the last period listed.
    /// </summary>
    /// <exception cref="CalendarRangeException">The date is outside the supported years.</exception>
    public Instant? CloseOfBusinessDay(LocalDate date)
    {
        if (date.Year < FirstSupportedYear || date.Year > LastSupportedYear)
        {
            throw timeline.OutOfRange(nameof(date), date.Year);
        }

        var hours = GetHoursOn(date);
        if (hours.IsEmpty)
        {
            return null;
        }

        var snapshot = timeline.CoverYears(date.Year, date.Year);
        var table = snapshot.Tables[date.Year - snapshot.FirstYear];
        var index = Array.BinarySearch(table.BusinessDays, date);
        return FromNanos(table.BusinessDayCloses[index]);
    }

    /// <summary>Returns the id and zone, for example <c>nhtrc-business-hours (America/New_York)</c>.</summary>
    public override string ToString() => $"{Id} ({Zone.Id})";

    private (OpenTimeline.YearTable Table, int Index) FindNthBusinessDay(LocalDate date, int count)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "The count of business days must be at least 1.");
        }

        if (date.Year < FirstSupportedYear || date.Year > LastSupportedYear)
        {
            throw timeline.OutOfRange(nameof(date), date.Year);
        }

        if (!opensAtAll)
        {
            throw Range(nameof(count), CalendarRangeReason.NeverOpens);
        }

        // More business days than there are days in the supported years: past the last one, without building them all.
        if (count > MaximumSpanDays)
        {
            throw Range(nameof(count), CalendarRangeReason.ResultAfterLastYear);
        }

        var snapshot = timeline.CoverYears(date.Year, date.Year);
        var year = date.Year - snapshot.FirstYear;
        var target = snapshot.YearDays[year] + snapshot.Tables[year].FirstBusinessDayAfter(date) + (count - 1);
        while (true)
        {
            // The year k holding global business-day index target: the last k with YearDays[k] <= target.
            var lo = date.Year - snapshot.FirstYear;
            var hi = snapshot.Count;
            while (lo < hi)
            {
                var mid = (lo + hi + 1) >>> 1;
                if (snapshot.YearDays[mid] <= target)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            year = lo;

            if (year < snapshot.Count)
            {
                var table = snapshot.Tables[year];
                return (table, (int)(target - snapshot.YearDays[year]));
            }

            snapshot = timeline.ExtendForward(snapshot)
                ?? throw Range(nameof(count), CalendarRangeReason.ResultAfterLastYear);
        }
    }

    private bool TryAdvance(ref OpenTimeline.Snapshot snapshot, ref int year)
    {
        if (year + 1 < snapshot.Count)
        {
            year++;
            return true;
        }

        var extended = timeline.ExtendForward(snapshot);
        if (extended is null)
        {
            return false;
        }

        year = year + snapshot.FirstYear - extended.FirstYear + 1;
        snapshot = extended;
        return true;
    }

    private static bool ContinuesPreviousYear(OpenTimeline.Snapshot snapshot, int year, int index)
    {
        if (index != 0 || year == 0)
        {
            return false;
        }

        var previous = snapshot.Tables[year - 1];
        return previous.Ends.Length > 0 && previous.Ends[^1] == snapshot.Tables[year].Starts[0];
    }

    /// <summary>Whether the year after <paramref name="year"/> opens at <paramref name="end"/>; null past the last supported year.</summary>
    private bool? StartsNextYear(ref OpenTimeline.Snapshot snapshot, ref int year, long end)
    {
        if (year + 1 >= snapshot.Count)
        {
            var absolute = snapshot.FirstYear + year;
            var extended = absolute < timeline.LastYear ? timeline.ExtendForward(snapshot) : null;
            if (extended is null)
            {
                return null;
            }

            year = absolute - extended.FirstYear;
            snapshot = extended;
        }

        var next = snapshot.Tables[year + 1];
        return next.Starts.Length > 0 && next.Starts[0] == end;
    }

    private int YearOf(long nanos) => FromNanos(nanos).InZone(Zone).Year;
}
