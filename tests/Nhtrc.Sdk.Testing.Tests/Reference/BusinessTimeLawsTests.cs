using System;
using FsCheck;
using FsCheck.Xunit;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Testing.Tests.Builders;
using NodaTime;

namespace Nhtrc.Sdk.Testing.Tests.Reference;

public sealed class BusinessTimeLawsTests
{
    [Fact]
    public void TheSdk_KeepsEveryLaw_AndMatchesTheNaiveReference() =>
        BusinessTimeLaws.Check(BusinessTimeFunctions.Of, maxTest: 150);

    [Property(MaxTest = 100)]
    public Property TheSdk_KeepsEveryLaw_OnAPartnersOwnCalendar()
    {
        // Pacific hours with a lunch closing, Cesar Chavez Day and the federal holidays, around the spring clock change.
        var calendar = ServiceCalendarBuilderTests.Partner.Build();
        return BusinessTimeLaws.All(calendar, BusinessTimeFunctions.Of(calendar), new LocalDate(2026, 3, 1), new LocalDate(2026, 4, 10));
    }

    [Fact]
    public void APlantedAdd_ThatSkipsToTheNextOpening_BreaksTheSmallestResultLaw()
    {
        // A classic bug: an amount that ends exactly at a closing is answered with the next opening.
        static BusinessTimeFunctions Wrong(ServiceCalendar calendar) => new()
        {
            BusinessTimeBetween = calendar.BusinessTimeBetween,
            AddBusinessTime = (t, d) =>
            {
                var r = calendar.AddBusinessTime(t, d);
                return d > Duration.Zero && !calendar.IsOpen(r) && calendar.NextOpening(r) is { } next ? next : r;
            },
        };

        var error = Assert.Throws<SlaAssertionException>(() => BusinessTimeLaws.Check(Wrong, maxTest: 500));
        Assert.StartsWith("The implementation breaks the laws of business time: Falsifiable", error.Message, StringComparison.Ordinal);
        Assert.Contains("smallest: Add(t, d1) is the first instant with d1 of business time after t", error.Message, StringComparison.Ordinal);
        Assert.Matches(@"Falsifiable, after \d+ tests? \(\d+ shrinks?\) \(\d+,\d+\)", error.Message);
        Assert.Matches(@"calendar [^;]+; .*t = \w{3} \d{1,2} \w{3} \d{4} \d\d:\d\d ", error.Message);
    }

    [Fact]
    public void APlantedBusinessDayCount_ThatCountsTheDayOfReceipt_BreaksTheNthBusinessDayLaw()
    {
        static BusinessTimeFunctions Wrong(ServiceCalendar calendar) => new()
        {
            BusinessTimeBetween = calendar.BusinessTimeBetween,
            AddBusinessTime = calendar.AddBusinessTime,
            IsBusinessDay = calendar.IsBusinessDay,
            NthBusinessDayAfter = (date, n) => calendar.IsBusinessDay(date)
                ? (n == 1 ? date : calendar.NthBusinessDayAfter(date, n - 1))
                : calendar.NthBusinessDayAfter(date, n),
        };

        var error = Assert.Throws<SlaAssertionException>(() => BusinessTimeLaws.Check(Wrong, maxTest: 300));
        Assert.Contains("n-th business day: a business day with exactly n business days in (date, day]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APlantedCalendar_ThatForgetsHolidays_KeepsTheLaws_ButNotTheReference()
    {
        // Self-consistent, so every law holds; only the differential test against the naive reference sees it.
        static BusinessTimeFunctions Wrong(ServiceCalendar calendar) =>
            BusinessTimeFunctions.Of(new ServiceCalendar(calendar.Id, calendar.Zone, calendar.WeeklyHours, [], calendar.Overrides));

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(100), BusinessTimeLaws.All(Wrong));
        var error = Assert.Throws<SlaAssertionException>(() => BusinessTimeLaws.Check(Wrong, maxTest: 500));
        Assert.StartsWith("The implementation breaks the naive reference: Falsifiable", error.Message, StringComparison.Ordinal);
        Assert.Contains("the naive reference says", error.Message, StringComparison.Ordinal);
    }
}
