using NodaTime;
using NodaTime.TimeZones;
using Nhtrc.Sdk.Scheduling;

namespace Nhtrc.Sdk.Benchmarks.Scheduling;

/// <summary>
/// A deliberately naive business-time computation, for comparison only: walks the local dates between two
/// instants one by one, resolving each open period through the zone. Its cost grows with the span.
/// </summary>
/// <remarks>
/// Overlapping periods are not merged; the benchmark calendar has one period a day, so the answer matches
/// <see cref="ServiceCalendar.BusinessTimeBetween"/> there.
/// </remarks>
public static class NaiveBusinessTime
{
    /// <summary>The open time of <paramref name="calendar"/> inside <c>[from, to)</c>; <paramref name="to"/> must not be before <paramref name="from"/>.</summary>
    public static Duration Between(ServiceCalendar calendar, Instant from, Instant to)
    {
        var zone = calendar.Zone;
        var total = Duration.Zero;

        // A period opening the day before can cross midnight into the first date.
        var last = to.InZone(zone).Date;
        for (var date = from.InZone(zone).Date.PlusDays(-1); date <= last; date = date.PlusDays(1))
        {
            foreach (var interval in calendar.GetHoursOn(date))
            {
                var close = (interval.CrossesMidnight ? date.PlusDays(1) : date) + interval.Close;
                var open = zone.ResolveLocal(date + interval.Open, Resolvers.LenientResolver).ToInstant();
                var end = zone.ResolveLocal(close, Resolvers.LenientResolver).ToInstant();
                var s = open < from ? from : open;
                var e = end > to ? to : end;
                if (e > s)
                {
                    total += e - s;
                }
            }
        }

        return total;
    }
}
