using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Scheduling;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Scheduling;

/// <summary>
/// Laws of the US federal calendar. Every law is checked on the real calendar and on the naive
/// reference, so a law that the reference breaks points at the law, not at the code.
/// </summary>
public class UsFederalHolidayCalendarPropertyTests
{
    private static readonly string[] FixedDateHolidays =
        ["New Year's Day", "Juneteenth National Independence Day", "Independence Day", "Christmas Day"];

    private static readonly string[] MondayHolidays =
        ["Birthday of Martin Luther King, Jr.", "Washington's Birthday", "Memorial Day", "Labor Day", "Columbus Day"];

    public static TheoryData<string> Implementations => new() { "real", "naive" };

    private static HolidayCalendar Implementation(string name) =>
        name == "real" ? HolidayCalendar.UsFederal : new NaiveUsFederalHolidayCalendar();

    /// <summary>Any supported observed year, weighted towards the years people actually ask about.</summary>
    private static Arbitrary<int> ObservedYears() =>
        Gen.Frequency(
            (3, Gen.Choose(1971, 2100)),
            (1, Gen.Choose(UsFederalHolidayCalendar.MinYear, UsFederalHolidayCalendar.MaxYear)),
            (1, Gen.Elements(UsFederalHolidayCalendar.MinYear, UsFederalHolidayCalendar.MaxYear)))
        .ToArbitrary();

    /// <summary>Actual years whose holidays are all observed in supported years (the year before, of, or after).</summary>
    private static Arbitrary<int> ActualYears() =>
        Gen.Frequency(
            (3, Gen.Choose(1972, 2100)),
            (1, Gen.Choose(UsFederalHolidayCalendar.MinYear + 1, UsFederalHolidayCalendar.MaxYear - 1)))
        .ToArbitrary();

    private static IEnumerable<Holiday> FallingIn(HolidayCalendar calendar, int actualYear) =>
        Enumerable.Range(actualYear - 1, 3)
            .SelectMany(calendar.GetObservedHolidays)
            .Where(h => h.ActualDate.Year == actualYear);

    [Property]
    public Property PerActualYear_CountIsNinePlusMlkFrom1986PlusJuneteenthFrom2021() =>
        ForBoth(ActualYears(), (calendar, year) =>
            FallingIn(calendar, year).Count() == 9 + (year >= 1986 ? 1 : 0) + (year >= 2021 ? 1 : 0));

    [Property]
    public Property PerActualYear_EachNameAppearsOnce() =>
        ForBoth(ActualYears(), (calendar, year) =>
            FallingIn(calendar, year).GroupBy(h => h.Name).All(g => g.Count() == 1));

    [Property]
    public Property EveryObservedDate_IsMondayToFriday_InTheRequestedYear() =>
        ForBoth(ObservedYears(), (calendar, year) =>
            calendar.GetObservedHolidays(year).All(h =>
                h.ObservedDate.Year == year
                && h.ObservedDate.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday)));

    [Property]
    public Property ObservedMinusActual_IsMinusOneZeroOrOneDay_AndOnlyMovesOffWeekends() =>
        ForBoth(ObservedYears(), (calendar, year) =>
            calendar.GetObservedHolidays(year).All(h =>
            {
                var shift = Period.DaysBetween(h.ActualDate, h.ObservedDate);
                return h.ActualDate.DayOfWeek switch
                {
                    IsoDayOfWeek.Saturday => shift == -1,
                    IsoDayOfWeek.Sunday => shift == 1,
                    _ => shift == 0,
                };
            }));

    [Property]
    public Property FixedDateHolidays_KeepTheirMonthAndDay() =>
        ForBoth(ObservedYears(), (calendar, year) =>
            calendar.GetObservedHolidays(year)
                .Where(h => FixedDateHolidays.Contains(h.Name) || (h.Name == "Veterans Day" && h.ActualDate.Year >= 1978))
                .All(h => (h.ActualDate.Month, h.ActualDate.Day) == h.Name switch
                {
                    "New Year's Day" => (1, 1),
                    "Juneteenth National Independence Day" => (6, 19),
                    "Independence Day" => (7, 4),
                    "Veterans Day" => (11, 11),
                    _ => (12, 25),
                }));

    [Property]
    public Property MondayHolidays_FallOnMondays_AndThanksgivingOnThursday() =>
        ForBoth(ObservedYears(), (calendar, year) =>
            calendar.GetObservedHolidays(year).All(h =>
                MondayHolidays.Contains(h.Name) || (h.Name == "Veterans Day" && h.ActualDate.Year <= 1977)
                    ? h.ActualDate.DayOfWeek == IsoDayOfWeek.Monday && !h.IsMoved
                    : h.Name != "Thanksgiving Day" || (h.ActualDate.DayOfWeek == IsoDayOfWeek.Thursday && !h.IsMoved)));

    [Property]
    public Property GetObservedHolidays_IsOrderedByObservedDateThenName() =>
        ForBoth(ObservedYears(), (calendar, year) =>
        {
            var list = calendar.GetObservedHolidays(year);
            return list.Zip(list.Skip(1)).All(p =>
                p.First.ObservedDate < p.Second.ObservedDate
                || (p.First.ObservedDate == p.Second.ObservedDate && string.CompareOrdinal(p.First.Name, p.Second.Name) < 0));
        });

    // The naive reference uses the base class's TryGetObservedHoliday (a scan of its year list), so the
    // real lookup is checked against the naive year list rather than running 365 naive scans per year.
    [Property]
    public Property TryGetObservedHoliday_AgreesWithTheNaiveYearList_OnEveryDay() =>
        Prop.ForAll(ObservedYears(), year =>
        {
            var list = new NaiveUsFederalHolidayCalendar().GetObservedHolidays(year);
            var first = new LocalDate(year, 1, 1);
            return Enumerable.Range(0, CalendarSystem.Iso.GetDaysInYear(year)).Select(first.PlusDays).All(date =>
                HolidayCalendar.UsFederal.TryGetObservedHoliday(date, out var found)
                    ? found == list.First(h => h.ObservedDate == date)
                    : list.All(h => h.ObservedDate != date));
        });

    [Property]
    public Property RealCalendar_EqualsNaiveReference_ForAnySupportedYear() =>
        Prop.ForAll(ObservedYears(), year =>
            HolidayCalendar.UsFederal.GetObservedHolidays(year)
                .SequenceEqual(new NaiveUsFederalHolidayCalendar().GetObservedHolidays(year)));

    [Fact]
    public void RealCalendar_EqualsNaiveReference_ForEveryYear1971To2200()
    {
        var naive = new NaiveUsFederalHolidayCalendar();
        for (var year = 1971; year <= 2200; year++)
        {
            Assert.Equal(naive.GetObservedHolidays(year), HolidayCalendar.UsFederal.GetObservedHolidays(year));
        }
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Implementation_2026_ObservesHolidaysInEveryMonthExceptMarchAprilAugust(string name)
    {
        var calendar = Implementation(name);
        var months = calendar.GetObservedHolidays(2026).Select(h => h.ObservedDate.Month).Distinct().Order();

        Assert.Equal(new[] { 1, 2, 5, 6, 7, 9, 10, 11, 12 }, months);
    }

    /// <summary>Checks <paramref name="law"/> on the real calendar and on the naive reference.</summary>
    private static Property ForBoth(Arbitrary<int> years, System.Func<HolidayCalendar, int, bool> law)
    {
        var naive = new NaiveUsFederalHolidayCalendar();
        return Prop.ForAll(years, year =>
            law(HolidayCalendar.UsFederal, year).Label("real calendar")
                .And(law(naive, year).Label("naive reference")));
    }
}
