using System;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Triage;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Triage;

/// <summary>
/// A caller anywhere in the states, DC or the territories is triaged on the hotline's Eastern calendar; the outcome
/// knows the caller's zone from their location, and the report shows their local time where it helps.
/// </summary>
public class CallerTimeTests
{
    private static Contact At(CallerLocation? location, Instant receivedAt) => new(
        "t-0001",
        receivedAt,
        ContactChannel.Phone,
        RequestKind.Tip,
        new Caller(CallerRole.CommunityMember, false, LanguageTag.Parse("es"), location));

    [Theory]
    [InlineData(null, "00901", null, "America/Puerto_Rico")]  // San Juan by ZIP
    [InlineData(null, null, "78030", "America/St_Thomas")]     // St. Thomas by county-equivalent
    [InlineData("GU", null, null, "Pacific/Guam")]
    [InlineData("as", null, null, "Pacific/Pago_Pago")]
    [InlineData(null, "96950", null, "Pacific/Saipan")]
    [InlineData(null, "99501", null, "America/Anchorage")]
    [InlineData("TX", "77002", "48201", "America/Chicago")]
    public void TheCallersZone_IsTheDefaultZoneOfTheirStateOrTerritory(string? state, string? zip, string? county, string zone)
    {
        var outcome = TriageExamples.Engine.Triage(At(new CallerLocation(zip: zip, countyFips: county, state: state), TriageExamples.ThursdayAfternoon), TriageExamples.ThursdayAfternoon);

        Assert.Equal(zone, outcome.CallerTimeZone?.Id);
    }

    [Fact]
    public void APointTakesTheZoneOfItsNearestZip_AndNoPlaceGivesNone()
    {
        var guam = TriageExamples.Engine.Triage(At(new CallerLocation(point: new GeoPoint(13.45, 144.75)), TriageExamples.ThursdayAfternoon), TriageExamples.ThursdayAfternoon);
        var ocean = TriageExamples.Engine.Triage(At(new CallerLocation(point: new GeoPoint(0, -140)), TriageExamples.ThursdayAfternoon), TriageExamples.ThursdayAfternoon);
        var military = TriageExamples.Engine.Triage(At(new CallerLocation(state: "AE"), TriageExamples.ThursdayAfternoon), TriageExamples.ThursdayAfternoon);
        var nowhere = TriageExamples.Engine.Triage(At(null, TriageExamples.ThursdayAfternoon), TriageExamples.ThursdayAfternoon);
        // Ta'u and Pagan are more than 80 km from every ZIP code; they lie in county-equivalents no ZIP code names.
        var tau = TriageExamples.Engine.Triage(At(new CallerLocation(point: new GeoPoint(-14.24, -169.47)), TriageExamples.ThursdayAfternoon), TriageExamples.ThursdayAfternoon);
        var pagan = TriageExamples.Engine.Triage(At(new CallerLocation(point: new GeoPoint(18.10, 145.75)), TriageExamples.ThursdayAfternoon), TriageExamples.ThursdayAfternoon);

        Assert.Equal("Pacific/Guam", guam.CallerTimeZone?.Id);
        Assert.Equal("Pacific/Pago_Pago", tau.CallerTimeZone?.Id);
        Assert.Equal("Pacific/Saipan", pagan.CallerTimeZone?.Id);
        Assert.Null(ocean.CallerTimeZone);
        Assert.Null(military.CallerTimeZone);
        Assert.Null(nowhere.CallerTimeZone);
        Assert.Equal(Nhtrc.Sdk.Referrals.ReferralPlace.MaximumZipDistanceKilometers, CallerZone.NearestZipKilometers);
        Assert.DoesNotContain("caller's local time", nowhere.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ACallerInGuam_IsDueOnTheHotlinesCalendar_AndTheReportShowsTheirLocalTimeADayAhead()
    {
        // Thursday 2 July 2026 14:00 in New York is Friday 3 July 04:00 in Guam.
        var received = TriageExamples.ThursdayAfternoon;
        var inGuam = TriageExamples.Engine.Triage(At(new CallerLocation(zip: "96910"), received), received);
        var inNewYork = TriageExamples.Engine.Triage(At(new CallerLocation(zip: "10001"), received), received);

        Assert.Equal(inNewYork.Deadline.TargetBy, inGuam.Deadline.TargetBy);
        Assert.Equal(inNewYork.Deadline.DueBy, inGuam.Deadline.DueBy);
        Assert.Equal(inNewYork.Deadline.Explanation, inGuam.Deadline.Explanation);
        Assert.Equal("America/New_York", inGuam.Deadline.Calendar.Zone.Id);

        var guam = DateTimeZoneProviders.Tzdb["Pacific/Guam"];
        var line = Assert.Single(inGuam.ToString().Split('\n'), l => l.Contains("caller's local time", StringComparison.Ordinal));
        Assert.Equal(
            "  caller's local time (Pacific/Guam): received Fri 3 Jul 04:00 ChST, target by "
            + Local(inGuam.Deadline.TargetBy, guam) + ", due by " + Local(inGuam.Deadline.DueBy, guam),
            line);
        Assert.DoesNotContain("caller's local time", inNewYork.ToString(), StringComparison.Ordinal);
        Assert.NotEqual(inGuam, inNewYork);
    }

    [Theory]
    [InlineData("00901", 2026, 7, false)]  // San Juan in July: -04, as New York
    [InlineData("00901", 2026, 1, false)]  // in January: one hour ahead of New York
    [InlineData("77002", 2026, 7, false)]  // Houston: one hour behind
    [InlineData("80202", 2026, 7, true)]   // Denver: two hours behind
    [InlineData("96813", 2026, 7, true)]   // Honolulu: six hours behind
    [InlineData("96799", 2026, 1, true)]   // Pago Pago: six hours behind in January
    [InlineData("96950", 2026, 7, true)]   // Saipan: fourteen hours ahead, another date
    public void TheReportShowsTheCallersLocalTime_WhenTheirClockIsTwoHoursOrMoreAway(string zip, int year, int month, bool shown)
    {
        var received = Instant.FromUtc(year, month, 16, 18, 0);
        var outcome = TriageExamples.Engine.Triage(At(new CallerLocation(zip: zip), received), received);

        Assert.Equal(shown, outcome.ToString().Contains("caller's local time (" + Gazetteer.Default.GetZip(zip).State.DefaultTimeZone.Id + "): received ", StringComparison.Ordinal));
    }

    [Fact]
    public void TheReportShowsTheCallersLocalTime_WhenTheirDateDiffers_EvenAnHourAway()
    {
        // 00:30 on Friday in New York is 23:30 on Thursday in Houston.
        var received = Instant.FromUtc(2026, 7, 17, 4, 30);
        var outcome = TriageExamples.Engine.Triage(At(new CallerLocation(zip: "77002"), received), received);

        Assert.Contains("caller's local time (America/Chicago): received Thu 16 Jul 23:30 CDT", outcome.ToString(), StringComparison.Ordinal);
    }

    // Written here with its own pattern: day, date, time and the zone's abbreviation as the report writes them.
    private static string Local(Instant instant, DateTimeZone zone) =>
        instant.InZone(zone).LocalDateTime.ToString("ddd d MMM HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " " + zone.GetZoneInterval(instant).Name;
}
