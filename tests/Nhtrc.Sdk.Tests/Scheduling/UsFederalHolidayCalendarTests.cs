using System;
using System.Linq;
using System.Threading.Tasks;
using Nhtrc.Sdk.Scheduling;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Scheduling;

public class UsFederalHolidayCalendarTests
{
    private static readonly HolidayCalendar Calendar = HolidayCalendar.UsFederal;

    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    private static Holiday Find(int observedYear, string name) =>
        Calendar.GetObservedHolidays(observedYear).Single(h => h.Name == name);

    [Fact]
    public void UsFederal_HasIdUsFederal_AndIsOneInstance()
    {
        Assert.Equal("us-federal", Calendar.Id);
        Assert.Same(Calendar, HolidayCalendar.UsFederal);
        Assert.Equal("us-federal", Calendar.ToString());
    }

    [Fact]
    public void GetObservedHolidays_2026_MatchesOpmList()
    {
        // OPM, "Federal Holidays" for 2026.
        Holiday[] expected =
        [
            new("New Year's Day", D(2026, 1, 1), D(2026, 1, 1)),
            new("Birthday of Martin Luther King, Jr.", D(2026, 1, 19), D(2026, 1, 19)),
            new("Washington's Birthday", D(2026, 2, 16), D(2026, 2, 16)),
            new("Memorial Day", D(2026, 5, 25), D(2026, 5, 25)),
            new("Juneteenth National Independence Day", D(2026, 6, 19), D(2026, 6, 19)),
            new("Independence Day", D(2026, 7, 4), D(2026, 7, 3)),
            new("Labor Day", D(2026, 9, 7), D(2026, 9, 7)),
            new("Columbus Day", D(2026, 10, 12), D(2026, 10, 12)),
            new("Veterans Day", D(2026, 11, 11), D(2026, 11, 11)),
            new("Thanksgiving Day", D(2026, 11, 26), D(2026, 11, 26)),
            new("Christmas Day", D(2026, 12, 25), D(2026, 12, 25)),
        ];

        Assert.Equal(expected, Calendar.GetObservedHolidays(2026));
    }

    [Fact]
    public void GetObservedHolidays_2027_MatchesOpmList_IncludingNewYear2028ObservedOnDecember31()
    {
        // OPM, "Federal Holidays" for 2027 and 2028 (1 January 2028 is a Saturday).
        Holiday[] expected =
        [
            new("New Year's Day", D(2027, 1, 1), D(2027, 1, 1)),
            new("Birthday of Martin Luther King, Jr.", D(2027, 1, 18), D(2027, 1, 18)),
            new("Washington's Birthday", D(2027, 2, 15), D(2027, 2, 15)),
            new("Memorial Day", D(2027, 5, 31), D(2027, 5, 31)),
            new("Juneteenth National Independence Day", D(2027, 6, 19), D(2027, 6, 18)),
            new("Independence Day", D(2027, 7, 4), D(2027, 7, 5)),
            new("Labor Day", D(2027, 9, 6), D(2027, 9, 6)),
            new("Columbus Day", D(2027, 10, 11), D(2027, 10, 11)),
            new("Veterans Day", D(2027, 11, 11), D(2027, 11, 11)),
            new("Thanksgiving Day", D(2027, 11, 25), D(2027, 11, 25)),
            new("Christmas Day", D(2027, 12, 25), D(2027, 12, 24)),
            new("New Year's Day", D(2028, 1, 1), D(2027, 12, 31)),
        ];

        Assert.Equal(expected, Calendar.GetObservedHolidays(2027));
    }

    [Fact]
    public void GetObservedHolidays_2021_EndsWithNewYear2022ObservedOnDecember31()
    {
        var holidays = Calendar.GetObservedHolidays(2021);

        Assert.Equal(new Holiday("New Year's Day", D(2022, 1, 1), D(2021, 12, 31)), holidays[^1]);
        Assert.Equal(12, holidays.Count);
    }

    [Theory]
    [InlineData(2022)]
    [InlineData(2028)]
    public void GetObservedHolidays_YearStartingOnSaturday_HasNoNewYearsDay(int year)
    {
        Assert.Equal(DayOfWeek.Saturday, new DateOnly(year, 1, 1).DayOfWeek);
        Assert.DoesNotContain(Calendar.GetObservedHolidays(year), h => h.Name == "New Year's Day");
        Assert.False(Calendar.IsObservedHoliday(D(year, 1, 1)));
    }

    [Fact]
    public void IndependenceDay2026_OnSaturday_IsObservedFridayJuly3()
    {
        var holiday = Find(2026, "Independence Day");

        Assert.Equal(D(2026, 7, 4), holiday.ActualDate);
        Assert.Equal(D(2026, 7, 3), holiday.ObservedDate);
        Assert.True(holiday.IsMoved);
        Assert.Equal("2026-07-03 Independence Day (observed; actual 2026-07-04)", holiday.ToString());
    }

    [Fact]
    public void Juneteenth2021_OnSaturday_IsObservedFridayJune18()
    {
        var holiday = Find(2021, "Juneteenth National Independence Day");

        Assert.Equal(D(2021, 6, 19), holiday.ActualDate);
        Assert.Equal(D(2021, 6, 18), holiday.ObservedDate);
    }

    [Fact]
    public void Juneteenth_Before2021_IsAbsent()
    {
        Assert.DoesNotContain(Calendar.GetObservedHolidays(2020), h => h.Name.StartsWith("Juneteenth", StringComparison.Ordinal));
        Assert.False(Calendar.IsObservedHoliday(D(2020, 6, 19)));
    }

    [Fact]
    public void MartinLutherKingJrDay_AbsentIn1985_PresentFrom1986()
    {
        const string name = "Birthday of Martin Luther King, Jr.";

        Assert.DoesNotContain(Calendar.GetObservedHolidays(1985), h => h.Name == name);
        Assert.Equal(D(1986, 1, 20), Find(1986, name).ObservedDate);
    }

    [Fact]
    public void VeteransDay1975_IsFourthMondayOfOctober()
    {
        var holiday = Find(1975, "Veterans Day");

        Assert.Equal(D(1975, 10, 27), holiday.ActualDate);
        Assert.Equal(D(1975, 10, 27), holiday.ObservedDate);
    }

    [Fact]
    public void VeteransDay1978_OnSaturday_IsObservedFridayNovember10()
    {
        var holiday = Find(1978, "Veterans Day");

        Assert.Equal(D(1978, 11, 11), holiday.ActualDate);
        Assert.Equal(D(1978, 11, 10), holiday.ObservedDate);
    }

    [Fact]
    public void ChristmasDay2022_OnSunday_IsObservedMondayDecember26()
    {
        var holiday = Find(2022, "Christmas Day");

        Assert.Equal(D(2022, 12, 25), holiday.ActualDate);
        Assert.Equal(D(2022, 12, 26), holiday.ObservedDate);
    }

    [Fact]
    public void InaugurationDay_IsNotIncluded()
    {
        Assert.False(Calendar.IsObservedHoliday(D(2021, 1, 20)));

        // 20 January 2025 was both Inauguration Day and the MLK holiday; only the latter is listed.
        Assert.True(Calendar.TryGetObservedHoliday(D(2025, 1, 20), out var holiday));
        Assert.Equal("Birthday of Martin Luther King, Jr.", holiday.Name);
        Assert.Single(Calendar.GetObservedHolidays(2025), h => h.ObservedDate == D(2025, 1, 20));
    }

    [Fact]
    public void TryGetObservedHoliday_OnObservedDate_FindsIt_AndOnActualDateOfMovedHoliday_DoesNot()
    {
        Assert.True(Calendar.TryGetObservedHoliday(D(2026, 7, 3), out var found));
        Assert.Equal("Independence Day", found.Name);

        Assert.False(Calendar.TryGetObservedHoliday(D(2026, 7, 4), out var none));
        Assert.Null(none);
    }

    [Fact]
    public void TryGetObservedHoliday_December31BeforeSaturdayNewYear_FindsNextYearsNewYearsDay()
    {
        Assert.True(Calendar.TryGetObservedHoliday(D(2027, 12, 31), out var found));
        Assert.Equal(new Holiday("New Year's Day", D(2028, 1, 1), D(2027, 12, 31)), found);
    }

    [Fact]
    public void GetObservedHolidays_FirstAndLastSupportedYears_Work()
    {
        Assert.Equal(1971, UsFederalHolidayCalendar.MinYear);
        Assert.Equal(9998, UsFederalHolidayCalendar.MaxYear);

        // 1 January 1972 was a Saturday, so 1971 ends with it.
        Assert.Equal(new Holiday("New Year's Day", D(1972, 1, 1), D(1971, 12, 31)), Calendar.GetObservedHolidays(1971)[^1]);
        Assert.Equal(D(9998, 1, 1), Calendar.GetObservedHolidays(9998)[0].ObservedDate);
    }

    [Theory]
    [InlineData(1970)]
    [InlineData(9999)]
    [InlineData(0)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void GetObservedHolidays_UnsupportedYear_Throws(int year)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.GetObservedHolidays(year));

        Assert.Equal("year", ex.ParamName);
        Assert.Contains("1971 to 9998", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryGetObservedHoliday_DateInUnsupportedYear_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.IsObservedHoliday(D(1970, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Calendar.IsObservedHoliday(D(9999, 1, 1)));
    }

    [Fact]
    public void GetObservedHolidays_IsReadOnlyAndCached()
    {
        var first = Calendar.GetObservedHolidays(2030);

        Assert.Same(first, Calendar.GetObservedHolidays(2030));
        Assert.IsNotType<Holiday[]>(first);
        Assert.Throws<NotSupportedException>(() => ((System.Collections.Generic.IList<Holiday>)first)[0] = first[1]);
    }

    [Fact]
    public void GetObservedHolidays_FromManyThreads_ReturnsEqualLists()
    {
        var years = Enumerable.Range(2100, 50).ToArray();
        var results = new System.Collections.Concurrent.ConcurrentBag<(int Year, System.Collections.Generic.IReadOnlyList<Holiday> List)>();

        Parallel.For(0, 400, i => results.Add((years[i % years.Length], Calendar.GetObservedHolidays(years[i % years.Length]))));

        foreach (var group in results.GroupBy(r => r.Year))
        {
            var reference = Calendar.GetObservedHolidays(group.Key);
            Assert.All(group, r => Assert.Same(reference, r.List));
        }
    }

    [Fact]
    public void TryGetObservedHoliday_AfterWarmUp_DoesNotAllocate()
    {
        var start = D(2026, 1, 1);
        _ = Calendar.IsObservedHoliday(start);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var count = 0;
        for (var i = 0; i < 365; i++)
        {
            if (Calendar.IsObservedHoliday(start.PlusDays(i)))
            {
                count++;
            }
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(11, count);
        Assert.Equal(0, allocated);
    }
}
