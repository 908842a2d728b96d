using System.Collections.Generic;
using System.Linq;
using Nhtrc.Sdk.Scheduling;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Scheduling;

/// <summary>
/// A deliberately naive reference for <see cref="UsFederalHolidayCalendar"/>: it walks every day of
/// the years around the requested one and asks of each day, literally, "is this day the holiday?".
/// Slow, uncached and obviously correct is the point.
/// </summary>
internal sealed class NaiveUsFederalHolidayCalendar : HolidayCalendar
{
    public NaiveUsFederalHolidayCalendar()
        : base("us-federal-naive")
    {
    }

    public override IReadOnlyList<Holiday> GetObservedHolidays(int year) =>
        new[] { year - 1, year, year + 1 }
            .SelectMany(HolidaysFallingIn)
            .Where(h => h.ObservedDate.Year == year)
            .OrderBy(h => h.ObservedDate)
            .ThenBy(h => h.Name, System.StringComparer.Ordinal)
            .ToList();

    /// <summary>Every holiday whose actual date is in <paramref name="year"/>, found by scanning each day.</summary>
    public static IEnumerable<Holiday> HolidaysFallingIn(int year)
    {
        // Counted, not compared with 1 January of the next year, which does not exist after 9999.
        var first = new LocalDate(year, 1, 1);
        for (var i = 0; i < CalendarSystem.Iso.GetDaysInYear(year); i++)
        {
            var day = first.PlusDays(i);
            foreach (var (name, isFixedDate) in NamesOf(day))
            {
                yield return new Holiday(name, day, isFixedDate ? Observe(day) : day);
            }
        }
    }

    private static IEnumerable<(string Name, bool IsFixedDate)> NamesOf(LocalDate d)
    {
        var monday = d.DayOfWeek == IsoDayOfWeek.Monday;
        var weekOfMonth = ((d.Day - 1) / 7) + 1; // the 3rd Monday is the Monday in days 15-21
        var isLastOfItsWeekdayInMonth = d.Day + 7 > CalendarSystem.Iso.GetDaysInMonth(d.Year, d.Month);

        if (d.Month == 1 && d.Day == 1) { yield return ("New Year's Day", true); }
        if (d.Year >= 1986 && d.Month == 1 && monday && weekOfMonth == 3) { yield return ("Birthday of Martin Luther King, Jr.", false); }
        if (d.Month == 2 && monday && weekOfMonth == 3) { yield return ("Washington's Birthday", false); }
        if (d.Month == 5 && monday && isLastOfItsWeekdayInMonth) { yield return ("Memorial Day", false); }
        if (d.Year >= 2021 && d.Month == 6 && d.Day == 19) { yield return ("Juneteenth National Independence Day", true); }
        if (d.Month == 7 && d.Day == 4) { yield return ("Independence Day", true); }
        if (d.Month == 9 && monday && weekOfMonth == 1) { yield return ("Labor Day", false); }
        if (d.Month == 10 && monday && weekOfMonth == 2) { yield return ("Columbus Day", false); }
        if (d.Year <= 1977 && d.Month == 10 && monday && weekOfMonth == 4) { yield return ("Veterans Day", false); }
        if (d.Year >= 1978 && d.Month == 11 && d.Day == 11) { yield return ("Veterans Day", true); }
        if (d.Month == 11 && d.DayOfWeek == IsoDayOfWeek.Thursday && weekOfMonth == 4) { yield return ("Thanksgiving Day", false); }
        if (d.Month == 12 && d.Day == 25) { yield return ("Christmas Day", true); }
    }

    private static LocalDate Observe(LocalDate d) =>
        d.DayOfWeek == IsoDayOfWeek.Saturday ? d.PlusDays(-1)
        : d.DayOfWeek == IsoDayOfWeek.Sunday ? d.PlusDays(1)
        : d;
}
