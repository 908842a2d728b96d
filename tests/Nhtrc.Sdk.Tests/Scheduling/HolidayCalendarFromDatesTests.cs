using System;
using System.Collections.Generic;
using System.Linq;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Scheduling;

public class HolidayCalendarFromDatesTests
{
    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    private static Holiday Closure(string name, LocalDate date) => new(name, date, date);

    [Fact]
    public void FromDates_ListsHolidaysUnderTheirObservedYear_Sorted()
    {
        var staffDay = Closure("Staff day", D(2026, 3, 2));
        var newYear = new Holiday("New Year's Day", D(2028, 1, 1), D(2027, 12, 31));
        var inventory = Closure("Inventory", D(2026, 3, 2));

        var calendar = HolidayCalendar.FromDates("acme-closures", [staffDay, newYear, inventory]);

        Assert.Equal("acme-closures", calendar.Id);
        Assert.Equal(new[] { inventory, staffDay }, calendar.GetObservedHolidays(2026));
        Assert.Equal(new[] { newYear }, calendar.GetObservedHolidays(2027));
        Assert.Empty(calendar.GetObservedHolidays(2028));
        Assert.Empty(calendar.GetObservedHolidays(int.MaxValue));
    }

    [Fact]
    public void TryGetObservedHoliday_SeveralOnOneDate_ReturnsFirstByName()
    {
        var calendar = HolidayCalendar.FromDates("acme", [Closure("Zeta", D(2026, 3, 2)), Closure("Alpha", D(2026, 3, 2))]);

        Assert.True(calendar.TryGetObservedHoliday(D(2026, 3, 2), out var found));
        Assert.Equal("Alpha", found.Name);
        Assert.False(calendar.IsObservedHoliday(D(2026, 3, 3)));
    }

    [Fact]
    public void FromDates_CopiesItsInput()
    {
        var source = new List<Holiday> { Closure("Staff day", D(2026, 3, 2)) };
        var calendar = HolidayCalendar.FromDates("acme", source);

        source.Add(Closure("Later", D(2026, 4, 1)));

        Assert.Single(calendar.GetObservedHolidays(2026));
    }

    [Fact]
    public void FromDates_Empty_IsACalendarWithNoHolidays()
    {
        var calendar = HolidayCalendar.FromDates("none", []);

        Assert.Empty(calendar.GetObservedHolidays(2026));
        Assert.False(calendar.IsObservedHoliday(D(2026, 1, 1)));
    }

    [Fact]
    public void FromDates_SameNameOnSameObservedDate_ReportsEveryDuplicateWithItsIndex()
    {
        Holiday[] holidays =
        [
            Closure("Staff day", D(2026, 3, 2)),
            Closure("Staff day", D(2026, 3, 3)),
            new("Staff day", D(2026, 3, 1), D(2026, 3, 2)),
            null!,
            Closure("Staff day", D(2026, 3, 2)),
        ];

        var ex = Assert.Throws<NhtrcValidationException>(() => HolidayCalendar.FromDates("acme", holidays));

        Assert.Equal("holiday calendar 'acme'", ex.Subject);
        Assert.Equal(new[] { "holidays[2]", "holidays[3]", "holidays[4]" }, ex.Problems.Select(p => p.Location));
        Assert.Contains("already listed at holidays[0]", ex.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("2026-03-02", ex.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("null", ex.Problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("holidays[4]: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromDates_SameNameOnDifferentDates_AndDifferentNamesOnOneDate_AreAllowed()
    {
        var calendar = HolidayCalendar.FromDates(
            "acme",
            [Closure("Staff day", D(2026, 3, 2)), Closure("Staff day", D(2026, 9, 1)), Closure("Other", D(2026, 3, 2))]);

        Assert.Equal(3, calendar.GetObservedHolidays(2026).Count);
    }

    [Fact]
    public void FromDates_BadArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => HolidayCalendar.FromDates("acme", null!));
        Assert.ThrowsAny<ArgumentException>(() => HolidayCalendar.FromDates(" ", []));
        Assert.ThrowsAny<ArgumentException>(() => HolidayCalendar.FromDates(null!, []));
    }
}
