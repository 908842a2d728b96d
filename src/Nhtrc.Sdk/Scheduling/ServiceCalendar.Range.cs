using System;
using NodaTime;

namespace Nhtrc.Sdk.Scheduling;

// The supported range: checking instants, amounts and dates against the years before converting them to the
// nanosecond timeline the year tables use, and the exceptions that name the cause.
public sealed partial class ServiceCalendar
{
    internal static long ToNanos(Instant instant) => (instant - NodaConstants.UnixEpoch).ToInt64Nanoseconds();

    /// <summary>
    /// Checks that <paramref name="instant"/> is in the supported local years, then converts it. The year is checked
    /// first, on UTC (which every instant has), so instants a long of nanoseconds cannot hold never reach the conversion.
    /// </summary>
    /// <exception cref="CalendarRangeException">The instant is outside the supported years.</exception>
    internal long Nanos(Instant instant, string paramName)
    {
        // The common case, without computing a year: the UTC year is strictly inside the supported years. Whole days
        // (truncated towards zero) strictly between the bounds' days put the instant between the bounds, and then its
        // nanoseconds since the epoch fit a long.
        var sinceEpoch = instant - NodaConstants.UnixEpoch;
        var days = sinceEpoch.Days;
        if (days > uncheckedFromDay && days < uncheckedToDay)
        {
            return unchecked((days * NanosecondsPerDay) + sinceEpoch.NanosecondOfDay);
        }

        var utcYear = instant.InUtc().Year;
        if (utcYear < FirstSupportedYear - 1 || utcYear > LastSupportedYear + 1)
        {
            throw timeline.OutOfRange(paramName, utcYear);
        }

        // Near the ends the local year decides (the offset can move the instant across New Year).
        if (utcYear <= FirstSupportedYear || utcYear >= LastSupportedYear)
        {
            var localYear = instant.InZone(Zone).Year;
            if (localYear < FirstSupportedYear || localYear > LastSupportedYear)
            {
                throw timeline.OutOfRange(paramName, localYear);
            }
        }

        return ToNanos(instant);
    }

    /// <summary>Throws unless an instant, local year or amount can be answered for; for callers that check before computing.</summary>
    /// <exception cref="CalendarRangeException">The instant is outside the supported years.</exception>
    internal void CheckSupported(Instant instant, string paramName) => _ = Nanos(instant, paramName);

    /// <summary>False when the calendar has no open time at all: always-closed weekly hours and no override with hours.</summary>
    internal bool OpensAtAll => opensAtAll;

    /// <summary>The days of the supported years, rounded up: no amount of open time or count of business days past it can be reached.</summary>
    private long MaximumSpanDays => 366L * (LastSupportedYear - FirstSupportedYear + 1);

    private static Int128 ToNanos(Duration positive) => ((Int128)positive.Days * NanosecondsPerDay) + positive.NanosecondOfDay;

    private static Duration ToDuration(Int128 nanos) =>
        Duration.FromDays((int)(nanos / NanosecondsPerDay)) + Duration.FromNanoseconds((long)(nanos % NanosecondsPerDay));

    private static bool OutsideYears(LocalDate date) => date.Year < MinimumYear || date.Year > MaximumYear;

    private CalendarRangeException Range(string paramName, CalendarRangeReason reason) =>
        new(paramName, reason, null, FirstSupportedYear, LastSupportedYear);

    /// <summary>Rejects a never-open calendar and an amount that would land past either end whatever the calendar's hours.</summary>
    private void CheckAmount(Duration amount, bool subtract, string paramName)
    {
        if (!opensAtAll)
        {
            throw Range(paramName, CalendarRangeReason.NeverOpens);
        }

        var span = maximumSpan;
        if (amount > span || amount < -span)
        {
            var later = amount > span != subtract;
            throw Range(paramName, later ? CalendarRangeReason.ResultAfterLastYear : CalendarRangeReason.ResultBeforeFirstYear);
        }
    }

    internal static Instant FromNanos(long nanos) => NodaConstants.UnixEpoch.PlusNanoseconds(nanos);
}
