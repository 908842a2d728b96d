using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Scheduling;

/// <summary>
/// Instants and durations at the edges of what NodaTime can hold (issue 9): every calendar operation either
/// answers or throws the documented <see cref="ArgumentOutOfRangeException"/>, never an overflow.
/// </summary>
public sealed class ServiceCalendarEdgeTests
{
    public static readonly TheoryData<string> EdgeInstants =
    [
        "min", "max", "0000-06-01T00:00:00Z", "1000-01-01T00:00:00Z", "1676-01-01T00:00:00Z",
        "2263-01-01T00:00:00Z", "9999-12-31T23:00:00Z", "-0500-01-01T00:00:00Z",
    ];

    private static readonly ServiceCalendar NeverOpen = new("never-open", DateTimeZoneProviders.Tzdb["America/New_York"], WeeklyHours.Closed);

    private static readonly ServiceCalendar Guam = new(
        "guam", DateTimeZoneProviders.Tzdb["Pacific/Guam"], WeeklyHours.MondayToFriday(OpenInterval.Parse("09:00-17:00")));

    private static ServiceCalendar BusinessHours => KnownServiceCalendars.NhtrcBusinessHours;

    private static ServiceCalendar AlwaysOpen => KnownServiceCalendars.AlwaysOpen;

    internal static Instant ParseInstant(string text) => text switch
    {
        "min" => Instant.MinValue,
        "max" => Instant.MaxValue,
        _ => NodaTime.Text.InstantPattern.ExtendedIso.Parse(text).GetValueOrThrow(),
    };

    [Theory]
    [MemberData(nameof(EdgeInstants))]
    public void EveryInstantQuery_OutsideTheYears_ThrowsTheRangeException(string text)
    {
        var instant = ParseInstant(text);
        var inRange = Instant.FromUtc(2026, 7, 1, 12, 0);
        foreach (var calendar in new[] { BusinessHours, AlwaysOpen, Guam })
        {
            Assert.ThrowsAny<ArgumentOutOfRangeException>(() => calendar.IsOpen(instant));
            Assert.ThrowsAny<ArgumentOutOfRangeException>(() => calendar.NextOpening(instant));
            Assert.ThrowsAny<ArgumentOutOfRangeException>(() => calendar.NextClosing(instant));
            Assert.ThrowsAny<ArgumentOutOfRangeException>(() => calendar.BusinessTimeBetween(inRange, instant));
            Assert.ThrowsAny<ArgumentOutOfRangeException>(() => calendar.BusinessTimeBetween(instant, inRange));
            Assert.ThrowsAny<ArgumentOutOfRangeException>(() => calendar.GetOpenIntervals(instant < inRange ? instant : inRange, instant < inRange ? inRange : instant));
            Assert.ThrowsAny<ArgumentOutOfRangeException>(() => calendar.AddBusinessTime(instant, Duration.FromHours(1)));
            Assert.ThrowsAny<ArgumentOutOfRangeException>(() => calendar.SubtractBusinessTime(instant, Duration.FromHours(1)));
            Assert.ThrowsAny<ArgumentOutOfRangeException>(() => calendar.CloseOfNthBusinessDayAfter(instant, 1));
        }
    }

    [Theory]
    [InlineData("max")]
    [InlineData("min")]
    [InlineData("9999")]
    [InlineData("300y")]
    public void AddAndSubtractBusinessTime_WithHugeAmounts_ThrowTheRangeException(string which)
    {
        var amount = which switch
        {
            "max" => Duration.MaxValue,
            "min" => Duration.MinValue,
            "9999" => Duration.FromDays(9999 * 366),
            _ => Duration.FromDays(300 * 366),
        };
        var start = Instant.FromUtc(2026, 7, 1, 12, 0);
        foreach (var calendar in new[] { BusinessHours, AlwaysOpen, NeverOpen })
        {
            Assert.ThrowsAny<ArgumentOutOfRangeException>(() => calendar.AddBusinessTime(start, amount));
            Assert.ThrowsAny<ArgumentOutOfRangeException>(() => calendar.SubtractBusinessTime(start, amount));
        }
    }

    [Fact]
    public void AlwaysOpen_AcrossTheWholeRange_MeasuresElapsedTime()
    {
        var from = Instant.FromUtc(1800, 1, 2, 0, 0);
        var to = Instant.FromUtc(2200, 12, 30, 0, 0);

        Assert.Equal(to - from, AlwaysOpen.BusinessTimeBetween(from, to));
        Assert.Equal(from - to, AlwaysOpen.BusinessTimeBetween(to, from));
        Assert.Equal(to, AlwaysOpen.AddBusinessTime(from, to - from));
        Assert.Equal(from, AlwaysOpen.SubtractBusinessTime(to, to - from));
    }

    [Fact]
    public void NthBusinessDay_WithAHugeCount_ThrowsTheRangeException()
    {
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => BusinessHours.NthBusinessDayAfter(new LocalDate(2026, 7, 1), int.MaxValue));
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => BusinessHours.CloseOfNthBusinessDayAfter(Instant.FromUtc(2026, 7, 1, 0, 0), int.MaxValue));
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => BusinessHours.NthBusinessDayAfter(LocalDate.MaxIsoValue, 1));
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => BusinessHours.CloseOfBusinessDay(LocalDate.MinIsoValue.PlusDays(3)));
    }

    [Fact]
    public void NeverOpen_SaysSo()
    {
        var start = Instant.FromUtc(2026, 7, 1, 12, 0);

        var add = Assert.ThrowsAny<ArgumentOutOfRangeException>(() => NeverOpen.AddBusinessTime(start, Duration.FromHours(1)));
        var days = Assert.ThrowsAny<ArgumentOutOfRangeException>(() => NeverOpen.CloseOfNthBusinessDayAfter(start, 1));
        var back = Assert.ThrowsAny<ArgumentOutOfRangeException>(() => NeverOpen.SubtractBusinessTime(start, Duration.FromHours(1)));

        Assert.Contains("never opens", add.Message, StringComparison.Ordinal);
        Assert.Contains("never opens", days.Message, StringComparison.Ordinal);
        Assert.Contains("never opens", back.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Out_of_range_instant_message_names_the_year_and_the_supported_years()
    {
        var e = Assert.ThrowsAny<ArgumentOutOfRangeException>(() => BusinessHours.IsOpen(Instant.FromUtc(9999, 1, 1, 0, 0)));

        Assert.Contains("9999", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{BusinessHours.FirstSupportedYear} to {BusinessHours.LastSupportedYear}", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("min")]
    [InlineData("max")]
    [InlineData("1000-01-01")]
    [InlineData("2201-01-01")]
    [InlineData("1799-12-31")]
    public void Constructor_OverrideOutsideTheYears_IsAValidationProblem(string text)
    {
        var date = text switch
        {
            "min" => LocalDate.MinIsoValue,
            "max" => LocalDate.MaxIsoValue,
            _ => NodaTime.Text.LocalDatePattern.Iso.Parse(text).GetValueOrThrow(),
        };

        var e = Assert.Throws<NhtrcValidationException>(() => new ServiceCalendar(
            "x", DateTimeZone.Utc, WeeklyHours.AlwaysOpen, overrides: [DateOverride.Closed(new LocalDate(2026, 1, 1)), DateOverride.Closed(date)]));

        Assert.Equal(["overrides[1]"], e.Problems.Select(p => p.Location));
    }

    [Theory]
    [InlineData("max")]
    [InlineData("min")]
    [InlineData("1000-01-01")]
    public void Constructor_DatedHolidayOutsideTheYears_IsAValidationProblem(string text)
    {
        var date = text switch
        {
            "min" => LocalDate.MinIsoValue,
            "max" => LocalDate.MaxIsoValue,
            _ => NodaTime.Text.LocalDatePattern.Iso.Parse(text).GetValueOrThrow(),
        };
        var holidays = HolidayCalendar.FromDates("far", [new Holiday("Far", date, date)]);

        var e = Assert.Throws<NhtrcValidationException>(() => new ServiceCalendar(
            "x", DateTimeZone.Utc, WeeklyHours.AlwaysOpen, [HolidayCalendar.UsFederal, holidays]));

        Assert.Equal(["holidayCalendars[1]"], e.Problems.Select(p => p.Location));
    }

    [Theory]
    [InlineData("""{ "date": "9999-12-31", "closed": true }""", "overrides", "$.overrides[0].date")]
    [InlineData("""{ "date": "0001-01-01", "closed": true }""", "overrides", "$.overrides[0].date")]
    [InlineData("""{ "name": "Far", "date": "9999-12-31" }""", "holidays", "$.holidays[0].date")]
    [InlineData("""{ "name": "Far", "date": "2026-01-01", "observed": "1000-01-01" }""", "holidays", "$.holidays[0].observed")]
    public void Reader_DatesOutsideTheYears_AreValidationProblems(string item, string list, string location)
    {
        var json = $$"""{ "id": "x", "timeZone": "UTC", "weeklyHours": { "monday": ["09:00-17:00"] }, "{{list}}": [{{item}}] }""";

        var e = Assert.Throws<NhtrcValidationException>(() => ServiceCalendarJson.Parse(json));

        Assert.Equal([location], e.Problems.Select(p => p.Location));
    }

    [Fact]
    public void RangeException_NamesTheCause()
    {
        var start = Instant.FromUtc(2026, 7, 1, 12, 0);

        var late = Assert.Throws<CalendarRangeException>(() => BusinessHours.IsOpen(Instant.MaxValue));
        var early = Assert.Throws<CalendarRangeException>(() => BusinessHours.NextOpening(Instant.MinValue));
        var year0 = Assert.Throws<CalendarRangeException>(() => AlwaysOpen.IsOpen(ParseInstant("0000-06-01T00:00:00Z")));
        var after = Assert.Throws<CalendarRangeException>(() => BusinessHours.AddBusinessTime(start, Duration.MaxValue));
        var before = Assert.Throws<CalendarRangeException>(() => BusinessHours.SubtractBusinessTime(start, Duration.MaxValue));
        var beforeToo = Assert.Throws<CalendarRangeException>(() => BusinessHours.AddBusinessTime(start, Duration.MinValue));
        var never = Assert.Throws<CalendarRangeException>(() => NeverOpen.CloseOfNthBusinessDayAfter(start, 1));

        Assert.Equal((CalendarRangeReason.InstantAfterLastYear, 9999, "instant"), (late.Reason, late.Year, late.ParamName));
        Assert.Equal((1971, 2200), (late.FirstYear, late.LastYear));
        Assert.Equal(CalendarRangeReason.InstantBeforeFirstYear, early.Reason);
        Assert.Equal((CalendarRangeReason.InstantBeforeFirstYear, 0), (year0.Reason, year0.Year.GetValueOrDefault(-1)));
        Assert.Equal(CalendarRangeReason.ResultAfterLastYear, after.Reason);
        Assert.Contains("would fall after 2200", after.Message, StringComparison.Ordinal);
        Assert.Equal(CalendarRangeReason.ResultBeforeFirstYear, before.Reason);
        Assert.Equal(CalendarRangeReason.ResultBeforeFirstYear, beforeToo.Reason);
        Assert.Equal(CalendarRangeReason.NeverOpens, never.Reason);
    }

    [Fact]
    public void NeverOpen_NextOpeningAndClosing_AreNull()
    {
        Assert.Null(NeverOpen.NextOpening(Instant.FromUtc(2026, 7, 1, 12, 0)));
        Assert.Null(NeverOpen.NextClosing(Instant.FromUtc(2026, 7, 1, 12, 0)));
        Assert.Equal(Duration.Zero, NeverOpen.BusinessTimeBetween(Instant.FromUtc(2026, 7, 1, 12, 0), Instant.FromUtc(2027, 7, 1, 12, 0)));
    }

    [Fact]
    public void LocalYear_Decides_NearTheEnds()
    {
        // 2200-12-31T20:00Z is already 2201 in Guam (UTC+10): outside; 1971-01-01T05:00Z is still 1970 in New York.
        var guam = new ServiceCalendar("g", DateTimeZoneProviders.Tzdb["Pacific/Guam"], WeeklyHours.AlwaysOpen);
        var e = Assert.Throws<CalendarRangeException>(() => guam.IsOpen(Instant.FromUtc(2200, 12, 31, 20, 0)));
        var ny = Assert.Throws<CalendarRangeException>(() => BusinessHours.IsOpen(Instant.FromUtc(1971, 1, 1, 3, 0)));

        Assert.Equal((CalendarRangeReason.InstantAfterLastYear, 2201), (e.Reason, e.Year.GetValueOrDefault()));
        Assert.Equal((CalendarRangeReason.InstantBeforeFirstYear, 1970), (ny.Reason, ny.Year.GetValueOrDefault()));
        Assert.True(guam.IsOpen(Instant.FromUtc(2200, 12, 31, 13, 0)));
    }

    [Property(MaxTest = 100)]
    public Property AnyInstantAndDuration_GiveAnAnswerOrTheRangeException() =>
        Prop.ForAll(EdgeArbitraries.Instants(), EdgeArbitraries.Instants(), EdgeArbitraries.Durations(), (a, b, d) =>
        {
            foreach (var calendar in new[] { BusinessHours, AlwaysOpen, Guam, NeverOpen })
            {
                OnlyRange(() => calendar.IsOpen(a));
                OnlyRange(() => calendar.NextOpening(a));
                OnlyRange(() => calendar.NextClosing(a));
                OnlyRange(() => calendar.BusinessTimeBetween(a, b));
                OnlyRange(() => calendar.GetOpenIntervals(a < b ? a : b, a < b ? b : a));
                OnlyRange(() => calendar.AddBusinessTime(a, d));
                OnlyRange(() => calendar.SubtractBusinessTime(a, d));
                OnlyRange(() => calendar.CloseOfNthBusinessDayAfter(a, 1 + ((d.Days & 0x7fffffff) % 400)));
            }
        });

    private static void OnlyRange(Func<object?> action)
    {
        try
        {
            action();
        }
        catch (ArgumentOutOfRangeException)
        {
        }
    }
}

/// <summary>Instants and durations over the whole range NodaTime holds, with the edges themselves often.</summary>
internal static class EdgeArbitraries
{
    public static Arbitrary<Instant> Instants() => Gen.Frequency(
        (1, Gen.Elements(Instant.MinValue, Instant.MaxValue, Instant.FromUtc(1677, 9, 21, 0, 0), Instant.FromUtc(2262, 4, 12, 0, 0),
            Instant.FromUtc(1800, 1, 1, 0, 0), Instant.FromUtc(2200, 12, 31, 23, 0), Instant.FromUtc(9999, 12, 31, 23, 59))),
        (2, from year in Gen.Choose(-9997, 9998)
            from second in Gen.Choose(0, (365 * 86_400) - 1)
            select Instant.FromUtc(year, 1, 1, 0, 0) + Duration.FromSeconds(second)),
        (3, from year in Gen.Choose(1750, 2250)
            from second in Gen.Choose(0, (365 * 86_400) - 1)
            select Instant.FromUtc(year, 1, 1, 0, 0) + Duration.FromSeconds(second))).ToArbitrary();

    public static Arbitrary<Duration> Durations() => Gen.Frequency(
        (1, Gen.Elements(Duration.MaxValue, Duration.MinValue, Duration.Zero, Duration.Epsilon, -Duration.Epsilon, Duration.MaxValue - Duration.Epsilon)),
        (2, from days in Gen.Choose(-(1 << 24) + 1, (1 << 24) - 1)
            from nanos in Gen.Choose(0, int.MaxValue)
            select Duration.FromDays(days) + Duration.FromNanoseconds(nanos)),
        (3, from minutes in Gen.Choose(-2_000_000, 2_000_000) select Duration.FromMinutes(minutes))).ToArbitrary();
}
