using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Nhtrc.Sdk.Scheduling;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Scheduling;

/// <summary>The raw definition a random calendar is made from, so the naive model does not reuse the real one.</summary>
public sealed record CalendarDefinition(
    DateTimeZone Zone,
    IReadOnlyList<(LocalTime Open, LocalTime Close)>[] Weekly,
    ImmutableHashSet<LocalDate> Holidays,
    ImmutableDictionary<LocalDate, IReadOnlyList<(LocalTime Open, LocalTime Close)>> Overrides)
{
    public ServiceCalendar ToServiceCalendar()
    {
        var weekly = WeeklyHours.Closed;
        for (var day = 0; day < 7; day++)
        {
            weekly = weekly.With((IsoDayOfWeek)(day + 1), [.. Weekly[day].Select(h => new OpenInterval(h.Open, h.Close))]);
        }

        var holidays = new DateSetHolidayCalendar("random", Holidays);
        var overrides = Overrides.Select(o => o.Value.Count == 0
            ? DateOverride.Closed(o.Key)
            : DateOverride.SpecialHours(o.Key, [.. o.Value.Select(h => new OpenInterval(h.Open, h.Close))]));
        return new ServiceCalendar("random", Zone, weekly, [holidays], overrides);
    }

    public override string ToString()
    {
        static string Hours(IReadOnlyList<(LocalTime Open, LocalTime Close)> hours) =>
            string.Join(",", hours.Select(h => $"{h.Open:HH:mm}-{h.Close:HH:mm}"));

        var days = string.Join(" ", Weekly.Select((h, i) => $"{(IsoDayOfWeek)(i + 1)}[{Hours(h)}]"));
        var holidays = string.Join(",", Holidays.Order().Select(d => d.ToString("uuuu-MM-dd", null)));
        var overrides = string.Join(" ", Overrides.OrderBy(o => o.Key).Select(o => $"{o.Key:uuuu-MM-dd}[{Hours(o.Value)}]"));
        return $"{Zone.Id} {days} holidays={holidays} overrides={overrides}";
    }
}

/// <summary>A holiday calendar of given dates, for tests.</summary>
public sealed class DateSetHolidayCalendar(string id, IEnumerable<LocalDate> dates) : HolidayCalendar(id)
{
    private readonly ImmutableHashSet<LocalDate> dates = [.. dates];

    public override IReadOnlyList<Holiday> GetObservedHolidays(int year) =>
        [.. dates.Where(d => d.Year == year).Order().Select(d => new Holiday("Closure", d, d))];

    public override bool TryGetObservedHoliday(LocalDate date, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Holiday? holiday)
    {
        holiday = dates.Contains(date) ? new Holiday("Closure", date, date) : null;
        return holiday is not null;
    }
}
