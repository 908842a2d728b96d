using System;
using System.Linq;
using System.Threading.Tasks;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Scheduling;

/// <summary>Worked examples of the calendar semantics in docs/deadlines.md.</summary>
public sealed class ServiceCalendarTests
{
    private static readonly ServiceCalendar Nhtrc = KnownServiceCalendars.NhtrcBusinessHours;
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private static Instant NewYorkTime(int y, int mo, int d, int h, int mi = 0) =>
        NewYork.AtStrictly(new LocalDateTime(y, mo, d, h, mi)).ToInstant();

    [Fact]
    public void IsOpen_IsHalfOpen_OpenAtOpeningClosedAtClosing()
    {
        Assert.True(Nhtrc.IsOpen(NewYorkTime(2026, 3, 9, 9)));
        Assert.False(Nhtrc.IsOpen(NewYorkTime(2026, 3, 9, 9) - Duration.Epsilon));
        Assert.True(Nhtrc.IsOpen(NewYorkTime(2026, 3, 9, 19) - Duration.Epsilon));
        Assert.False(Nhtrc.IsOpen(NewYorkTime(2026, 3, 9, 19)));
        Assert.False(Nhtrc.IsOpen(NewYorkTime(2026, 3, 7, 12))); // Saturday
        Assert.False(Nhtrc.IsOpen(NewYorkTime(2026, 1, 19, 12))); // MLK Day
    }

    [Fact]
    public void AddBusinessTime_LandingOnClose_ReturnsClose()
    {
        var start = NewYorkTime(2026, 3, 13, 18); // Friday
        Assert.Equal(NewYorkTime(2026, 3, 13, 19), Nhtrc.AddBusinessTime(start, Duration.FromHours(1)));
        Assert.Equal(NewYorkTime(2026, 3, 16, 9) + Duration.Epsilon, Nhtrc.AddBusinessTime(start, Duration.FromHours(1) + Duration.Epsilon));
    }

    [Fact]
    public void AddBusinessTime_Zero_ReturnsTheStartEvenWhenClosed()
    {
        var saturday = NewYorkTime(2026, 3, 14, 3);
        Assert.Equal(saturday, Nhtrc.AddBusinessTime(saturday, Duration.Zero));
        Assert.Equal(saturday, Nhtrc.SubtractBusinessTime(saturday, Duration.Zero));
    }

    [Fact]
    public void AddBusinessTime_FromClosedTime_StartsAtTheNextOpening()
    {
        var saturday = NewYorkTime(2026, 3, 14, 3);
        Assert.Equal(NewYorkTime(2026, 3, 16, 10), Nhtrc.AddBusinessTime(saturday, Duration.FromHours(1)));
        Assert.Equal(NewYorkTime(2026, 3, 16, 9), Nhtrc.NextOpening(saturday));
        Assert.Equal(NewYorkTime(2026, 3, 16, 19), Nhtrc.NextClosing(saturday));
    }

    [Fact]
    public void SubtractBusinessTime_WarnsBeforeADeadline_AcrossAWeekend()
    {
        // Two business hours before Monday 10:00 is Friday 18:00; landing on an opening returns the opening.
        Assert.Equal(NewYorkTime(2026, 3, 13, 18), Nhtrc.SubtractBusinessTime(NewYorkTime(2026, 3, 16, 10), Duration.FromHours(2)));
        Assert.Equal(NewYorkTime(2026, 3, 16, 9), Nhtrc.SubtractBusinessTime(NewYorkTime(2026, 3, 16, 10), Duration.FromHours(1)));
    }

    [Fact]
    public void BusinessTimeBetween_ThirtyYears_CountsEveryOpenHour()
    {
        var from = NewYorkTime(2000, 1, 1, 0);
        var to = NewYorkTime(2030, 1, 1, 0);
        var expected = Duration.Zero;
        for (var date = new LocalDate(2000, 1, 1); date < new LocalDate(2030, 1, 1); date = date.PlusDays(1))
        {
            expected += Nhtrc.IsBusinessDay(date) ? Duration.FromHours(10) : Duration.Zero;
        }

        Assert.Equal(expected, Nhtrc.BusinessTimeBetween(from, to));
        Assert.Equal(-expected, Nhtrc.BusinessTimeBetween(to, from));
        Assert.Equal(NewYorkTime(2029, 12, 31, 19), Nhtrc.AddBusinessTime(from, expected)); // the last close before the end
    }

    [Fact]
    public void NthBusinessDayAfter_SkipsWeekendsAndHolidays_AndNeverCountsTheDateItself()
    {
        Assert.Equal(new LocalDate(2026, 7, 6), Nhtrc.NthBusinessDayAfter(new LocalDate(2026, 7, 2), 1));
        Assert.Equal(new LocalDate(2026, 7, 8), Nhtrc.NthBusinessDayAfter(new LocalDate(2026, 7, 2), 3));
        Assert.Equal(new LocalDate(2026, 7, 6), Nhtrc.NthBusinessDayAfter(new LocalDate(2026, 7, 4), 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Nhtrc.NthBusinessDayAfter(new LocalDate(2026, 7, 2), 0));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(250)]
    [InlineData(5000)]
    public void NthBusinessDayAfter_ManyYearsAhead_MatchesCountingDayByDay(int n)
    {
        var start = new LocalDate(1999, 12, 30);
        var date = start;
        for (var found = 0; found < n;)
        {
            date = date.PlusDays(1);
            found += Nhtrc.IsBusinessDay(date) ? 1 : 0;
        }

        Assert.Equal(date, Nhtrc.NthBusinessDayAfter(start, n));
    }

    [Fact]
    public void OvernightHours_BelongToTheDateTheyOpen_SoAHolidayEveRunsIntoTheHoliday()
    {
        // Open 22:00-06:00 Monday to Friday; Tuesday 2026-11-10 is a partner closure.
        var overnight = new ServiceCalendar("overnight", NewYork, WeeklyHours.MondayToFriday(OpenInterval.Parse("22:00-06:00")),
            [HolidayCalendar.FromDates("closures", [new Holiday("Closure", new LocalDate(2026, 11, 10), new LocalDate(2026, 11, 10))])]);

        Assert.True(overnight.IsOpen(NewYorkTime(2026, 11, 10, 5)));   // Monday's night runs into the holiday
        Assert.False(overnight.IsOpen(NewYorkTime(2026, 11, 10, 23))); // the holiday's own night does not open
        Assert.True(overnight.IsOpen(NewYorkTime(2026, 11, 14, 5)));   // Friday's night runs into Saturday
        Assert.False(overnight.IsBusinessDay(new LocalDate(2026, 11, 14)));
        Assert.Equal(NewYorkTime(2026, 11, 12, 6), overnight.CloseOfBusinessDay(new LocalDate(2026, 11, 11)));
    }

    [Fact]
    public void AlwaysOpen_BusinessTimeIsElapsedTime_AndItNeverCloses()
    {
        var calendar = KnownServiceCalendars.AlwaysOpen;
        var t = Instant.FromUtc(2026, 3, 8, 1, 30);
        Assert.Equal(Duration.FromDays(400), calendar.BusinessTimeBetween(t, t + Duration.FromDays(400)));
        Assert.Equal(t + Duration.FromHours(12), calendar.AddBusinessTime(t, Duration.FromHours(12)));
        Assert.Null(calendar.NextClosing(t));
        Assert.Single(calendar.GetOpenIntervals(t, t + Duration.FromDays(900))); // year boundaries are not closings
    }

    [Fact]
    public void Overrides_WinOverHolidaysAndWeeklyHours()
    {
        var christmasEve = new LocalDate(2026, 12, 24);
        var christmas = new LocalDate(2026, 12, 25);
        var calendar = new ServiceCalendar("special", NewYork, WeeklyHours.MondayToFriday(OpenInterval.Parse("09:00-19:00")), [HolidayCalendar.UsFederal],
            [DateOverride.SpecialHours(christmasEve, OpenInterval.Parse("09:00-13:00")), DateOverride.SpecialHours(christmas, OpenInterval.Parse("10:00-12:00"))]);

        Assert.Equal(Duration.FromHours(4), calendar.BusinessTimeBetween(NewYorkTime(2026, 12, 24, 0), NewYorkTime(2026, 12, 25, 0)));
        Assert.True(calendar.IsOpen(NewYorkTime(2026, 12, 25, 11)));
        Assert.True(calendar.TryGetHolidayOn(christmas, out var holiday));
        Assert.Equal("Christmas Day", holiday.Name);
    }

    [Fact]
    public void Constructor_RejectsTwoOverridesForOneDate_NamingTheSecond()
    {
        var date = new LocalDate(2026, 12, 24);
        var e = Assert.Throws<NhtrcValidationException>(() => new ServiceCalendar("dup", NewYork, WeeklyHours.Closed, null,
            [DateOverride.Closed(date), DateOverride.SpecialHours(date, OpenInterval.AllDay)]));
        Assert.Equal("overrides[1]", Assert.Single(e.Problems).Location);
    }

    [Fact]
    public void Instants_OutsideTheSupportedYears_AreRejectedClearly()
    {
        Assert.Equal(1971, Nhtrc.FirstSupportedYear);
        var e = Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Nhtrc.IsOpen(Instant.FromUtc(1965, 6, 1, 12, 0)));
        Assert.Contains("1971", e.Message, StringComparison.Ordinal);
        Assert.False(Nhtrc.IsOpen(Instant.FromUtc(1971, 1, 1, 15, 0))); // New Year's Day 1971 (a Friday)
    }

    [Fact]
    public void LordHowe_ThirtyMinuteShift_ShortensTheDayByHalfAnHour()
    {
        // Clocks go from 02:00 to 02:30 on Sunday 4 October 2026.
        var zone = DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"];
        var calendar = new ServiceCalendar("lhi", zone, WeeklyHours.AlwaysOpen.With(IsoDayOfWeek.Sunday, OpenInterval.Parse("01:00-03:00")));
        var start = zone.AtStartOfDay(new LocalDate(2026, 10, 4)).ToInstant();
        Assert.Equal(Duration.FromMinutes(90), calendar.BusinessTimeBetween(start, start + Duration.FromHours(5)));
    }

    [Fact]
    public void SaoPaulo_MidnightGap_MovesTheOpeningForward()
    {
        // 4 November 2018: midnight did not exist in Sao Paulo (00:00 -> 01:00).
        var zone = DateTimeZoneProviders.Tzdb["America/Sao_Paulo"];
        var calendar = new ServiceCalendar("sp", zone, WeeklyHours.Closed.With(IsoDayOfWeek.Sunday, OpenInterval.Parse("00:00-02:00")));
        var opening = calendar.NextOpening(Instant.FromUtc(2018, 11, 3, 12, 0))!.Value;
        Assert.Equal(new LocalDateTime(2018, 11, 4, 1, 0), opening.InZone(zone).LocalDateTime);
        Assert.Equal(Duration.FromHours(1), calendar.BusinessTimeBetween(opening, opening + Duration.FromHours(3)));
    }

    [Fact]
    public void GetOpenIntervals_ClipsToTheRange()
    {
        var intervals = Nhtrc.GetOpenIntervals(NewYorkTime(2026, 3, 13, 12), NewYorkTime(2026, 3, 16, 10));
        Assert.Equal(
            [new Interval(NewYorkTime(2026, 3, 13, 12), NewYorkTime(2026, 3, 13, 19)), new Interval(NewYorkTime(2026, 3, 16, 9), NewYorkTime(2026, 3, 16, 10))],
            intervals);
    }

    [Fact]
    public void ConcurrentQueries_AcrossManyYears_AgreeWithSequentialOnes()
    {
        static ServiceCalendar Fresh() => new("fresh", NewYork, WeeklyHours.MondayToFriday(OpenInterval.Parse("09:00-19:00")), [HolidayCalendar.UsFederal]);
        var starts = Enumerable.Range(0, 400).Select(i => Instant.FromUtc(1975, 1, 1, 0, 0) + Duration.FromHours(i * 1_777L)).ToArray();
        var sequential = Fresh();
        var expected = starts.Select(t => (sequential.BusinessTimeBetween(t, t + Duration.FromDays(3000)), sequential.AddBusinessTime(t, Duration.FromHours(5000)))).ToArray();

        var shared = Fresh();
        var actual = new (Duration, Instant)[starts.Length];
        Parallel.For(0, starts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            actual[i] = (shared.BusinessTimeBetween(starts[i], starts[i] + Duration.FromDays(3000)), shared.AddBusinessTime(starts[i], Duration.FromHours(5000))));

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("09:00-13:00,14:00-19:00", "2026-03-02T19:00")]
    [InlineData("09:00-17:00,12:00-19:00", "2026-03-02T19:00")]
    [InlineData("09:00-19:00,18:00-02:00", "2026-03-03T02:00")]
    [InlineData("09:00-17:00,10:00-12:00", "2026-03-02T17:00")]
    [InlineData("00:00-24:00", "2026-03-03T00:00")]
    public void CloseOfBusinessDay_IsTheLatestCloseAmongTheDaysOwnIntervals(string intervals, string expectedLocal)
    {
        var hours = Array.ConvertAll(intervals.Split(','), OpenInterval.Parse);
        var calendar = new ServiceCalendar("closes", NewYork, WeeklyHours.AlwaysOpen.With(IsoDayOfWeek.Monday, hours));
        var monday = new LocalDate(2026, 3, 2);

        var expected = NodaTime.Text.LocalDateTimePattern.GeneralIso.Parse(expectedLocal + ":00").Value.InZoneLeniently(NewYork).ToInstant();
        Assert.Equal(expected, calendar.CloseOfBusinessDay(monday));
        Assert.Equal(expected, calendar.CloseOfNthBusinessDayAfter(Instant.FromUtc(2026, 3, 1, 17, 0), 1));
    }

    [Fact]
    public void KnownServiceCalendars_GetAndTryGet_FindTheTwoKnownIds_AndNothingElse()
    {
        Assert.Same(KnownServiceCalendars.NhtrcBusinessHours, KnownServiceCalendars.Get(KnownServiceCalendars.NhtrcBusinessHoursId));
        Assert.Same(KnownServiceCalendars.AlwaysOpen, KnownServiceCalendars.Get(KnownServiceCalendars.AlwaysOpenId));
        Assert.True(KnownServiceCalendars.TryGet("always-open", out var always));
        Assert.Same(KnownServiceCalendars.AlwaysOpen, always);

        Assert.False(KnownServiceCalendars.TryGet("Always-Open", out var none));
        Assert.Null(none);
        Assert.False(KnownServiceCalendars.TryGet(null, out _));
        var e = Assert.Throws<NhtrcValidationException>(() => KnownServiceCalendars.Get("weekends"));
        Assert.Contains("'weekends' is not a known calendar", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9-17")]
    [InlineData("09:00-25:00")]
    [InlineData("24:00-06:00")]
    [InlineData("")]
    public void OpenIntervalParse_BadText_IsTheSdksValidationException(string text)
    {
        var e = Assert.Throws<NhtrcValidationException>(() => OpenInterval.Parse(text));
        Assert.Contains("is not an open interval of the form HH:mm-HH:mm", e.Message, StringComparison.Ordinal);
        Assert.False(OpenInterval.TryParse(text, out _));
    }
}
