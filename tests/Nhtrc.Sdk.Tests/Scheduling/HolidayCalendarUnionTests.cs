using System;
using System.Linq;
using Nhtrc.Sdk.Scheduling;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Scheduling;

public class HolidayCalendarUnionTests
{
    private static LocalDate D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void Union_FederalAndPartnerClosures_MergesInOrder()
    {
        var partner = HolidayCalendar.FromDates(
            "acme",
            [new Holiday("Day after Thanksgiving", D(2026, 11, 27), D(2026, 11, 27)), new Holiday("Christmas Eve", D(2026, 12, 24), D(2026, 12, 24))]);

        var union = HolidayCalendar.Union("us-federal+acme", HolidayCalendar.UsFederal, partner);
        var tail = union.GetObservedHolidays(2026).TakeLast(4).Select(h => h.Name);

        Assert.Equal("us-federal+acme", union.Id);
        Assert.Equal(13, union.GetObservedHolidays(2026).Count);
        Assert.Equal(new[] { "Thanksgiving Day", "Day after Thanksgiving", "Christmas Eve", "Christmas Day" }, tail);
        Assert.True(union.IsObservedHoliday(D(2026, 12, 24)));
        Assert.True(union.IsObservedHoliday(D(2026, 7, 3)));
    }

    [Fact]
    public void Union_EqualHolidayInTwoMembers_AppearsOnce()
    {
        var copy = HolidayCalendar.FromDates("copy", HolidayCalendar.UsFederal.GetObservedHolidays(2026));

        var union = HolidayCalendar.Union("both", HolidayCalendar.UsFederal, copy);

        Assert.Equal(HolidayCalendar.UsFederal.GetObservedHolidays(2026), union.GetObservedHolidays(2026));
    }

    [Fact]
    public void Union_SameNameAndObservedDate_DifferentActualDate_KeepsBoth_OrderedByActualDate()
    {
        var partner = HolidayCalendar.FromDates("acme", [new Holiday("Independence Day", D(2026, 7, 3), D(2026, 7, 3))]);

        var union = HolidayCalendar.Union("both", partner, HolidayCalendar.UsFederal);
        var onJuly3 = union.GetObservedHolidays(2026).Where(h => h.ObservedDate == D(2026, 7, 3)).ToList();

        Assert.Equal(new[] { D(2026, 7, 3), D(2026, 7, 4) }, onJuly3.Select(h => h.ActualDate));
        Assert.True(union.TryGetObservedHoliday(D(2026, 7, 3), out var first));
        Assert.Equal(D(2026, 7, 3), first.ActualDate);
    }

    [Fact]
    public void Union_OfNothing_IsEmpty()
    {
        var union = HolidayCalendar.Union("nothing");

        Assert.Empty(union.GetObservedHolidays(2026));
    }

    [Fact]
    public void Union_AcceptsAnEnumerable()
    {
        var union = HolidayCalendar.Union("list", new[] { HolidayCalendar.UsFederal }.AsEnumerable());

        Assert.Equal(HolidayCalendar.UsFederal.GetObservedHolidays(2026), union.GetObservedHolidays(2026));
    }

    [Fact]
    public void Union_YearAMemberDoesNotSupport_ThrowsLikeTheMember()
    {
        var union = HolidayCalendar.Union("u", HolidayCalendar.UsFederal, HolidayCalendar.FromDates("acme", []));

        Assert.Throws<ArgumentOutOfRangeException>(() => union.GetObservedHolidays(1970));
    }

    [Fact]
    public void Union_BadArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => HolidayCalendar.Union("u", (HolidayCalendar[])null!));
        Assert.ThrowsAny<ArgumentException>(() => HolidayCalendar.Union("", HolidayCalendar.UsFederal));
        var ex = Assert.Throws<ArgumentException>(() => HolidayCalendar.Union("u", HolidayCalendar.UsFederal, null!));
        Assert.Equal("calendars", ex.ParamName);
    }
}
