using System;
using System.Linq;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Referrals;

/// <summary>A service's availability is a calendar in the policy shape (docs/deadlines.md), read by the same reader.</summary>
public class DirectoryCalendarTests
{
    private static ServiceCalendar CalendarOf(ReferralDirectory directory, string serviceId)
    {
        Assert.True(directory.TryGetService(serviceId, out var service, out _));
        return Assert.IsType<ServiceCalendar>(service.Availability.Calendar);
    }

    // One organization with one service per availability given.
    private static string Directory(params string[] availabilities)
    {
        var services = availabilities.Select((a, i) => $$"""
            { "id": "svc-{{i}}", "name": "Service {{i}}", "types": ["caseManagement"], "area": { "national": true },
              "availability": {{a}}, "lastVerified": "2026-01-10" }
            """);
        return $$"""
            { "formatVersion": 1, "organizations": [{ "id": "org", "name": "Sample (fictional)", "kind": "serviceProvider",
              "services": [{{string.Join(",\n", services)}}] }] }
            """;
    }

    [Fact]
    public void Parse_Calendar_HasWeeklyHoursHolidaysAndOverrides()
    {
        var calendar = CalendarOf(ReferralDirectoryJson.Parse(DirectoryJsonTests.Valid), "svc-harbor");

        Assert.Equal("America/New_York", calendar.Zone.Id);
        Assert.True(calendar.IsBusinessDay(new LocalDate(2026, 5, 11)));                 // a Monday
        Assert.False(calendar.IsBusinessDay(new LocalDate(2026, 5, 4)));                 // custom holiday
        Assert.False(calendar.IsBusinessDay(new LocalDate(2026, 1, 19)));                // us-federal: MLK Day
        Assert.False(calendar.IsBusinessDay(new LocalDate(2026, 12, 28)));               // override: closed
        Assert.Equal([OpenInterval.Parse("09:00-12:00")], calendar.GetHoursOn(new LocalDate(2026, 12, 21)).ToArray());
    }

    [Fact]
    public void Parse_CalendarWithoutId_GetsAnIdDerivedFromTheDefinition_AndEqualDefinitionsShareOneCalendar()
    {
        const string Weekdays = """{ "calendar": { "timeZone": "America/Chicago", "weeklyHours": { "monday": ["09:00-17:00"], "friday": ["09:00-15:00"] } } }""";
        const string Reordered = """{ "calendar": { "weeklyHours": { "friday": ["09:00-15:00"], "monday": ["09:00-17:00"] }, "timeZone": "America/Chicago" } }""";
        const string Named = """{ "calendar": { "id": "office", "timeZone": "America/Chicago", "weeklyHours": { "monday": ["09:00-17:00"], "friday": ["09:00-15:00"] } } }""";
        const string Other = """{ "calendar": { "timeZone": "America/Denver", "weeklyHours": { "monday": ["09:00-17:00"], "friday": ["09:00-15:00"] } } }""";

        var directory = ReferralDirectoryJson.Parse(Directory(Weekdays, Reordered, Named, Other));
        var again = ReferralDirectoryJson.Parse(Directory(Other, Weekdays));

        var first = CalendarOf(directory, "svc-0");
        Assert.Same(first, CalendarOf(directory, "svc-1"));
        Assert.StartsWith("calendar-", first.Id, StringComparison.Ordinal);
        Assert.Equal(first.Id, CalendarOf(again, "svc-1").Id);
        Assert.Equal("office", CalendarOf(directory, "svc-2").Id);
        Assert.NotSame(first, CalendarOf(directory, "svc-2"));
        Assert.NotEqual(first.Id, CalendarOf(directory, "svc-3").Id);
        Assert.Equal(CalendarOf(again, "svc-0").Id, CalendarOf(directory, "svc-3").Id);
    }

    [Fact]
    public void Parse_AnInvalidDefinitionThatReadsLikeAValidOne_IsNotTakenFromTheCache()
    {
        // Joined, the two intervals of the first service would make the same text as the second's one bad interval.
        var json = Directory(
            """{ "calendar": { "timeZone": "America/Chicago", "weeklyHours": { "monday": ["09:00-12:00", "13:00-17:00"] } } }""",
            """{ "calendar": { "timeZone": "America/Chicago", "weeklyHours": { "monday": ["09:00-12:00,13:00-17:00"] } } }""");

        var e = Assert.Throws<NhtrcValidationException>(() => ReferralDirectoryJson.Parse(json));

        Assert.Equal(["$.organizations[0].services[1].availability.calendar.weeklyHours.monday[0]"], e.Problems.Select(p => p.Location));
    }

    [Fact]
    public void Parse_AnUnknownPropertyInACachedDefinition_IsStillReported()
    {
        const string Valid = """{ "calendar": { "timeZone": "America/Chicago", "weeklyHours": { "monday": ["09:00-17:00"] } } }""";
        var json = Directory(Valid, Valid.Replace("\"timeZone\"", "\"colour\": \"red\", \"timeZone\"", StringComparison.Ordinal));

        var e = Assert.Throws<NhtrcValidationException>(() => ReferralDirectoryJson.Parse(json));

        Assert.Equal(["$.organizations[0].services[1].availability.calendar.colour"], e.Problems.Select(p => p.Location));
    }

    [Fact]
    public void Parse_TheOldAvailabilityShape_NamesEveryProblem()
    {
        var json = Directory("""{ "zone": "America/New_York", "hours": { "monday": ["09:00-17:00"] }, "closedOnUsFederalHolidays": true }""");

        var e = Assert.Throws<NhtrcValidationException>(() => ReferralDirectoryJson.Parse(json));

        Assert.Equal(
            ["$.organizations[0].services[0].availability.zone", "$.organizations[0].services[0].availability.hours",
             "$.organizations[0].services[0].availability.closedOnUsFederalHolidays", "$.organizations[0].services[0].availability.calendar"],
            e.Problems.Select(p => p.Location));
    }
}
