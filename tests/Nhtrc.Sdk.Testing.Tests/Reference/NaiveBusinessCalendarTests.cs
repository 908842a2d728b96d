using System;
using Nhtrc.Sdk.Scheduling;
using NodaTime;

namespace Nhtrc.Sdk.Testing.Tests.Reference;

public sealed class NaiveBusinessCalendarTests
{
    private static readonly NaiveBusinessCalendar Naive = new(CalendarDefinition.From(KnownServiceCalendars.NhtrcBusinessHours, 2026, 2027));

    [Fact]
    public void TheWorkedExample_OfDocsDeadlines_ComesOutTheSame()
    {
        // A non-urgent email at 18:59 EDT on Thu 2 Jul 2026: Fri 3 Jul is the observed Independence Day.
        var received = Instant.FromUtc(2026, 7, 2, 22, 59);
        Assert.Equal(Instant.FromUtc(2026, 7, 6, 23, 0), Naive.CloseOfNthBusinessDayAfter(received, 1));
        Assert.Equal(Instant.FromUtc(2026, 7, 8, 23, 0), Naive.CloseOfNthBusinessDayAfter(received, 3));
        Assert.False(Naive.IsBusinessDay(new LocalDate(2026, 7, 3)));
    }

    [Fact]
    public void AddingLandsOnTheClose_AndZeroIsTheStartItself()
    {
        var friday = Instant.FromUtc(2026, 7, 10, 22, 0); // Fri 18:00 EDT
        Assert.Equal(Instant.FromUtc(2026, 7, 10, 23, 0), Naive.AddBusinessTime(friday, Duration.FromHours(1)));
        Assert.Equal(Instant.FromUtc(2026, 7, 13, 13, 1), Naive.AddBusinessTime(friday, Duration.FromMinutes(61)));
        var saturday = Instant.FromUtc(2026, 7, 11, 15, 0);
        Assert.Equal(saturday, Naive.AddBusinessTime(saturday, Duration.Zero));
        Assert.Equal(Instant.FromUtc(2026, 7, 13, 13, 0), Naive.SubtractBusinessTime(Instant.FromUtc(2026, 7, 13, 14, 0), Duration.FromHours(1)));
        Assert.Equal(Duration.FromHours(2), Naive.BusinessTimeBetween(friday, Instant.FromUtc(2026, 7, 13, 14, 0)));
        Assert.Equal(-Duration.FromHours(2), Naive.BusinessTimeBetween(Instant.FromUtc(2026, 7, 13, 14, 0), friday));
    }

    [Fact]
    public void PastItsHorizon_ItGivesUp()
    {
        var closed = new CalendarDefinition(DateTimeZone.Utc, WeeklyHours.Closed, [], [DateOverride.SpecialHours(new LocalDate(2026, 9, 1), OpenInterval.Parse("09:00-10:00"))]);
        var naive = new NaiveBusinessCalendar(closed, horizonDays: 10);
        Assert.Null(naive.AddBusinessTime(Instant.FromUtc(2026, 7, 1, 0, 0), Duration.FromMinutes(1)));
        Assert.Null(naive.NextOpening(Instant.FromUtc(2026, 7, 1, 0, 0)));
        Assert.Equal(Instant.FromUtc(2026, 9, 1, 9, 0), new NaiveBusinessCalendar(closed, horizonDays: 100).NextOpening(Instant.FromUtc(2026, 7, 1, 0, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NaiveBusinessCalendar(closed, horizonDays: 0));
    }

    [Fact]
    public void AnOvernightPeriod_BelongsToTheDateItOpensOn()
    {
        var definition = new CalendarDefinition(
            DateTimeZoneProviders.Tzdb["America/Los_Angeles"],
            WeeklyHours.Closed.With(IsoDayOfWeek.Saturday, OpenInterval.Parse("22:00-06:00")),
            [new LocalDate(2026, 4, 5)],
            []);
        var naive = new NaiveBusinessCalendar(definition);
        Assert.True(naive.IsOpen(Instant.FromUtc(2026, 4, 5, 12, 0))); // Sun 05:00 PDT, on a "holiday": Saturday's night runs on
        Assert.False(naive.IsBusinessDay(new LocalDate(2026, 4, 5)));
        Assert.Equal("naive reference of " + definition, naive.ToString());
    }
}
