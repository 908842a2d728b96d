using System;
using System.Linq;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Testing.Tests.Builders;

public sealed class ServiceCalendarBuilderTests
{
    // Pacific hours with a lunch closing, a Saturday night running into Sunday, federal holidays, Cesar Chavez Day,
    // a short Christmas Eve and a closed New Year's Eve.
    internal static ServiceCalendarBuilder Partner { get; } = new ServiceCalendarBuilder("partner-hours")
        .InZone("America/Los_Angeles")
        .WithWeekdayHours("08:00-12:00", "13:00-17:00")
        .WithHours(IsoDayOfWeek.Saturday, "22:00-06:00")
        .WithHolidayCalendar(HolidayCalendar.UsFederal)
        .WithHoliday("Cesar Chavez Day", new LocalDate(2026, 3, 31))
        .WithSpecialHours(new LocalDate(2026, 12, 24), "08:00-12:00")
        .ClosedOn(new LocalDate(2026, 12, 31));

    [Fact]
    public void Build_GivesTheHoursHolidaysAndOverridesAsked()
    {
        var calendar = Partner.Build();
        Assert.Equal("America/Los_Angeles", calendar.Zone.Id);
        Assert.Equal([OpenInterval.Parse("08:00-12:00"), OpenInterval.Parse("13:00-17:00")], calendar.GetHoursOn(new LocalDate(2026, 3, 30)).ToArray());
        Assert.Empty(calendar.GetHoursOn(new LocalDate(2026, 3, 31)).ToArray());
        Assert.True(calendar.TryGetHolidayOn(new LocalDate(2026, 3, 31), out var chavez) && chavez.Name == "Cesar Chavez Day");
        Assert.Empty(calendar.GetHoursOn(new LocalDate(2026, 7, 3)).ToArray());
        Assert.Equal([OpenInterval.Parse("22:00-06:00")], calendar.GetHoursOn(new LocalDate(2026, 4, 4)).ToArray());
        Assert.Equal([OpenInterval.Parse("08:00-12:00")], calendar.GetHoursOn(new LocalDate(2026, 12, 24)).ToArray());
        Assert.Empty(calendar.GetHoursOn(new LocalDate(2026, 12, 31)).ToArray());
        Assert.Equal(["us-federal", "partner-hours-holidays"], calendar.HolidayCalendars.Select(h => h.Id));
    }

    [Fact]
    public void Build_OutputRoundTripsThroughServiceCalendarJson()
    {
        var calendar = Partner.Build();
        var json = ServiceCalendarJson.Serialize(calendar);
        var back = ServiceCalendarJson.Parse(json);
        Assert.Equal(json, ServiceCalendarJson.Serialize(back));
        Assert.Equal(calendar.WeeklyHours, back.WeeklyHours);
        Assert.Equal(calendar.Overrides.ToArray(), back.Overrides.ToArray());
        for (var date = new LocalDate(2026, 1, 1); date.Year == 2026; date = date.PlusDays(1))
        {
            Assert.Equal(calendar.GetHoursOn(date).ToArray(), back.GetHoursOn(date).ToArray());
        }
    }

    [Fact]
    public void Builders_AreImmutable_SoABaseCanBeShared()
    {
        var weekdays = new ServiceCalendarBuilder("base").WithWeekdayHours("09:00-17:00");
        var withSaturday = weekdays.WithHours(IsoDayOfWeek.Saturday, "10:00-14:00");
        Assert.Empty(weekdays.Build().WeeklyHours[IsoDayOfWeek.Saturday]);
        Assert.Single(withSaturday.Build().WeeklyHours[IsoDayOfWeek.Saturday]);
        Assert.Equal("base (Etc/UTC): " + weekdays.Build().WeeklyHours, weekdays.ToString());
    }

    [Fact]
    public void From_CopiesACalendar_AndSpecialHoursWinOverAHoliday()
    {
        var calendar = ServiceCalendarBuilder.From(KnownServiceCalendars.NhtrcBusinessHours)
            .WithId("open-on-christmas")
            .WithSpecialHours(new LocalDate(2026, 12, 25), "10:00-12:00")
            .Build();
        Assert.Equal([OpenInterval.Parse("10:00-12:00")], calendar.GetHoursOn(new LocalDate(2026, 12, 25)).ToArray());
        Assert.Empty(calendar.GetHoursOn(new LocalDate(2026, 11, 26)).ToArray());
        Assert.Equal("America/New_York", calendar.Zone.Id);
    }

    [Fact]
    public void BadInput_IsReportedWithEveryProblem()
    {
        var error = Assert.Throws<NhtrcValidationException>(() => new ServiceCalendarBuilder("x").WithWeekdayHours("9-5", "13:00-17:00", "noon"));
        Assert.Equal(
            "Invalid calendar hours: 2 problems:" + Environment.NewLine
            + "  - hours[0]: '9-5' is not an open period such as 09:00-17:00 or 22:00-06:00." + Environment.NewLine
            + "  - hours[2]: 'noon' is not an open period such as 09:00-17:00 or 22:00-06:00.",
            error.Message);
        Assert.Throws<ArgumentException>(() => new ServiceCalendarBuilder("x").InZone("Mars/Olympus_Mons"));
        Assert.Throws<NhtrcValidationException>(() => new ServiceCalendarBuilder("x").ClosedOn(new LocalDate(1000, 1, 1)).Build());
    }
}
