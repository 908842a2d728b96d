using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.OpenReferral.Tests;

public class HsdsImportTests
{
    private static readonly HsdsImportOptions Options = new()
    {
        DefaultTypes = [ServiceType.CaseManagement],
        DefaultLastVerified = new LocalDate(2026, 1, 1),
    };

    private static string Example(string name) => Path.Combine(AppContext.BaseDirectory, "Hsds", "examples", name);

    private static Task<ReferralDirectoryLoad> Load(string name, HsdsImportOptions? options = null) =>
        new HsdsDirectorySource(Example(name), options ?? Options).LoadAsync().AsTask();

    private static string Service(string id, string areas, string extra = "") => $$"""
        { "id": "{{id}}", "name": "Fictional service {{id}}", "status": "active", "assured_date": "2026-03-01",
          "organization": { "id": "org-1", "name": "Fictional Org" },
          "service_areas": [{{areas}}] {{extra}} }
        """;

    private static string List(params string[] services) =>
        $$"""{ "total_items": {{services.Length}}, "total_pages": 1, "page_number": 1, "contents": [{{string.Join(",", services)}}] }""";

    [Theory]
    [InlineData("service_full.json", "$.service_areas[0].extent")]
    [InlineData("service_at_location_full.json", "$.service.service_areas[0].extent")]
    public async Task The_official_uk_placeholder_area_is_reported_unmappable_and_the_service_left_out(string file, string areaPath)
    {
        var load = await Load(file);
        Assert.Equal(0, load.Report.CountOf("services"));
        Assert.Equal(0, load.Report.CountOf("organizations"));
        var root = areaPath[..areaPath.IndexOf(".service_areas", StringComparison.Ordinal)];
        Assert.Collection(load.Report.Issues,
            i => Assert.Equal((DirectoryImportSeverity.Warning, areaPath), (i.Severity, i.Path)),
            i => Assert.Equal((DirectoryImportSeverity.Error, areaPath[..areaPath.IndexOf("[0]", StringComparison.Ordinal)]), (i.Severity, i.Path)),
            i => Assert.Equal((DirectoryImportSeverity.Warning, root + ".attributes[0].taxonomy_term"), (i.Severity, i.Path)));
        Assert.Equal(1, load.Report.CountOf("unmapped-terms"));
        Assert.All(load.Report.Issues, i => Assert.Equal("hsds:" + file, i.Source));
        Assert.True(load.Report.HasErrors);
    }

    [Theory]
    [InlineData("service_list.json", "$.contents[0].service_areas")]
    [InlineData("service_at_location_list.json", "$.contents[0].service.service_areas")]
    public async Task The_official_lists_have_no_areas_so_their_service_is_reported_and_left_out(string file, string path)
    {
        var load = await Load(file);
        Assert.Equal(0, load.Report.CountOf("services"));
        var issue = Assert.Single(load.Report.Issues);
        Assert.Equal((DirectoryImportSeverity.Error, path), (issue.Severity, issue.Path));
        Assert.Contains("no service_areas", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_official_organization_reads_and_its_service_is_reported()
    {
        var load = await Load("organization_full.json");
        Assert.Equal(0, load.Report.CountOf("services"));
        Assert.NotEmpty(load.Report.Issues);
        Assert.All(load.Report.Issues, i => Assert.StartsWith("$.services[0]", i.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void Us_areas_map_through_the_gazetteer()
    {
        var json = List(
            Service("a", """{ "id": "1", "name": "Harris County, TX" }"""),
            Service("b", """{ "id": "2", "name": "Texas" }, { "id": "3", "name": "OK" }"""),
            Service("c", """{ "id": "4", "name": "77002, 77003; 10001" }"""),
            Service("d", """{ "id": "5", "name": "MyCity" }, { "id": "6", "name": "Cook County, Illinois" }"""));
        var load = HsdsReader.Parse(json, "t", Options);

        Assert.Equal(4, load.Report.CountOf("services"));
        Assert.Equal(1, load.Report.CountOf("organizations"));
        var a = load.Directory.GetService("a").Area;
        Assert.Equal(("Harris", "TX"), (Assert.Single(a.Counties).Name, a.Counties[0].State.Code));
        Assert.Equal(["OK", "TX"], load.Directory.GetService("b").Area.States.Select(s => s.Code).Order().ToArray());
        Assert.Equal(["10001", "77002", "77003"], load.Directory.GetService("c").Area.Zips.Select(z => z.Zip).Order().ToArray());
        Assert.Equal("Cook", Assert.Single(load.Directory.GetService("d").Area.Counties).Name);
        var issue = Assert.Single(load.Report.Issues);
        Assert.Equal((DirectoryImportSeverity.Warning, "d", "$.contents[3].service_areas[0].name"), (issue.Severity, issue.RecordId, issue.Path));
        Assert.False(load.Report.HasErrors);
    }

    [Fact]
    public void Phones_email_languages_and_ages_map()
    {
        var json = Service("a", """{ "id": "1", "name": "TX" }""", """
            , "email": "intake@example.org", "minimum_age": 18, "maximum_age": 24,
            "phones": [{ "id": "p", "number": "\"+1 555 0100\"" }, { "id": "q", "number": "555-0101", "type": "text" }, { "id": "r" }],
            "languages": [{ "id": "l1", "code": "es" }, { "id": "l2", "code": "not a tag!" }]
            """);
        var load = HsdsReader.Parse(json, "t", Options);
        var s = load.Directory.GetService("a");
        Assert.Equal(
            [(ContactChannel.Phone, "+1 555 0100"), (ContactChannel.Text, "555-0101"), (ContactChannel.Email, "intake@example.org")],
            s.Contacts.Select(c => (c.Channel, c.Value)).ToArray());
        Assert.Equal([LanguageTag.Spanish], s.Languages.ToArray());
        Assert.Equal((18, 24), (s.Population.MinAge, s.Population.MaxAge));
        Assert.Equal(new LocalDate(2026, 3, 1), s.LastVerified);
        Assert.Equal(["$.languages[1].code", "$.phones[2].number"], load.Report.Issues.Select(i => i.Path).ToArray());
        Assert.All(load.Report.Issues, i => Assert.DoesNotContain("not a tag", i.Message, StringComparison.Ordinal));
    }

    [Property]
    public void Ages_in_range_map_and_others_are_reported(int min, int max)
    {
        var json = Service("a", """{ "id": "1", "name": "TX" }""", $", \"minimum_age\": {min}, \"maximum_age\": {max}");
        var load = HsdsReader.Parse(json, "t", Options);
        var p = load.Directory.GetService("a").Population;
        bool InRange(int v) => v is >= 0 and <= PopulationServed.MaximumAge;
        if (InRange(min) && InRange(max) && min <= max)
        {
            Assert.Equal(((int?)min, (int?)max), (p.MinAge, p.MaxAge));
            Assert.Empty(load.Report.Issues);
        }
        else
        {
            Assert.NotEmpty(load.Report.Issues);
            Assert.True(p.MinAge is null || p.MaxAge is null || p.MinAge <= p.MaxAge);
        }
    }

    [Fact]
    public void Inactive_and_repeated_services_are_reported_and_left_out()
    {
        var inactive = Service("b", """{ "id": "1", "name": "TX" }""").Replace("\"active\"", "\"inactive\"", StringComparison.Ordinal);
        var load = HsdsReader.Parse(List(Service("a", """{ "id": "1", "name": "TX" }"""), inactive, Service("a", """{ "id": "1", "name": "TX" }""")), "t", Options);
        Assert.Equal(1, load.Report.CountOf("services"));
        Assert.Equal(["$.contents[1].status", "$.contents[2].id"], load.Report.Issues.Select(i => i.Path).ToArray());
    }

    [Fact]
    public void Without_default_types_or_dates_a_service_is_an_error()
    {
        var json = Service("a", """{ "id": "1", "name": "TX" }""").Replace("\"assured_date\": \"2026-03-01\",", "", StringComparison.Ordinal);
        var load = HsdsReader.Parse(json, "t", HsdsImportOptions.Default);
        Assert.Equal(0, load.Report.CountOf("services"));
        Assert.Equal(2, load.Report.Issues.Count(i => i.Severity == DirectoryImportSeverity.Error));
    }

    [Theory]
    [InlineData("[]", "$")]
    [InlineData("""{ "contents": {} }""", "$.contents")]
    [InlineData("""{ "id": "a", "name": "x" }""", "$")]
    [InlineData("""{ "name": "x", "status": "active" }""", "$.id")]
    [InlineData("""{ "id": "a", "name": "x", "status": "active", "regular_schedule": [] }""", "$.regular_schedule")]
    [InlineData("""{ "contents": [{ "id": "a", "name": "x", "status": "active" }, { "id": "b", "name": "x", "services_at_location": [] }] }""", "$.contents[1].services_at_location")]
    [InlineData("""{ "id": "s", "service": { "id": "a", "name": "x" } }""", "$.service")]
    public void A_feed_that_is_not_hsds_3_fails_whole_naming_the_path(string json, string path)
    {
        var e = Assert.Throws<NhtrcValidationException>(() => HsdsReader.Parse(json, "t", Options));
        var problem = Assert.Single(e.Problems);
        Assert.Equal(path, problem.Location);
        Assert.Contains("is not HSDS 3.0", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncated_json_fails_whole()
    {
        var text = await File.ReadAllTextAsync(Example("service_full.json"));
        var path = Path.Combine(Path.GetTempPath(), $"hsds-truncated-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, text[..(text.Length / 2)]);
        try
        {
            var e = await Assert.ThrowsAsync<NhtrcValidationException>(() => new HsdsDirectorySource(path, Options).LoadAsync().AsTask());
            Assert.Contains("not well-formed JSON", Assert.Single(e.Problems).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Weekly_schedules_become_a_calendar_with_split_and_overnight_hours_in_the_source_zone()
    {
        var json = Service("a", """{ "id": "1", "name": "TX" }""", """
            , "schedules": [
              { "id": "s1", "freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR", "opens_at": "09:00:00", "closes_at": "12:00:00" },
              { "id": "s2", "byday": "MO,TU,WE,TH,FR", "opens_at": "13:00", "closes_at": "17:00" },
              { "id": "s3", "freq": "WEEKLY", "byday": "SA", "opens_at": "22:00", "closes_at": "02:00" },
              { "id": "s4", "freq": "MONTHLY", "byday": "1MO", "opens_at": "09:00", "closes_at": "10:00" }]
            """);
        var zone = DateTimeZoneProviders.Tzdb["America/Chicago"];
        var load = HsdsReader.Parse(json, "t", Options with { TimeZone = zone });
        var availability = load.Directory.GetService("a").Availability;
        bool OpenAt(int day, int hour, int minute = 0) =>
            availability.IsOpen(new LocalDateTime(2026, 6, day, hour, minute).InZoneStrictly(zone).ToInstant());

        // 2026-06-01 is a Monday; 2026-06-06 a Saturday.
        Assert.True(OpenAt(1, 9));
        Assert.False(OpenAt(1, 12, 30));
        Assert.True(OpenAt(1, 16, 59));
        Assert.False(OpenAt(1, 17));
        Assert.False(OpenAt(6, 12));
        Assert.True(OpenAt(6, 23));
        Assert.True(OpenAt(7, 1));
        Assert.False(OpenAt(7, 3));
        Assert.False(OpenAt(7, 10));
        Assert.Equal(["$.schedules[3]"], load.Report.Issues.Select(i => i.Path).ToArray());
    }

    [Fact]
    public void A_service_without_schedules_is_always_open_and_unreadable_schedules_are_reported()
    {
        var none = HsdsReader.Parse(Service("a", """{ "id": "1", "name": "TX" }"""), "t", Options);
        Assert.True(none.Directory.GetService("a").Availability.IsAlwaysOpen);
        var bad = HsdsReader.Parse(Service("a", """{ "id": "1", "name": "TX" }""", """, "schedules": [{ "id": "s", "byday": "XX", "opens_at": "9", "closes_at": "10" }]"""), "t", Options);
        Assert.True(bad.Directory.GetService("a").Availability.IsAlwaysOpen);
        Assert.Equal(["$.schedules[0]", "$.schedules"], bad.Report.Issues.Select(i => i.Path).ToArray());
    }

    [Fact]
    public void Locations_with_a_point_and_a_us_address_map_and_others_are_reported()
    {
        var json = Service("a", """{ "id": "1", "name": "TX" }""", """
            , "service_at_locations": [
              { "id": "sl1", "location": { "id": "l1", "location_type": "physical", "name": "Main office", "latitude": 29.75, "longitude": -95.36,
                "addresses": [{ "id": "ad1", "address_1": "1 Fictional Way", "city": "Houston", "state_province": "TX", "postal_code": "77002-1234", "country": "US", "address_type": "physical" }] } },
              { "id": "sl2", "location": { "id": "l2", "location_type": "physical", "latitude": 100, "longitude": 101 } },
              { "id": "sl3", "location": { "id": "l3", "location_type": "physical", "latitude": 30, "longitude": -97,
                "addresses": [{ "id": "ad3", "city": "MyCity", "state_province": "MyState", "country": "US", "address_type": "physical" }] } }]
            """);
        var load = HsdsReader.Parse(json, "t", Options);
        var location = Assert.Single(load.Directory.GetService("a").Locations);
        Assert.Equal(("Main office", "1 Fictional Way", "Houston", "TX", "77002"), (location.Name, location.StreetAddress, location.City, location.State.Code, location.Zip?.Zip));
        Assert.Equal((29.75, -95.36), (location.Point.Latitude, location.Point.Longitude));
        Assert.Equal(["$.service_at_locations[1].location", "$.service_at_locations[2].location.addresses"], load.Report.Issues.Select(i => i.Path).ToArray());
    }

    [Fact]
    public void A_service_at_location_document_brings_its_location()
    {
        var json = $$"""
            { "id": "sal", "service": {{Service("a", """{ "id": "1", "name": "TX" }""")}},
              "location": { "id": "l1", "location_type": "physical", "latitude": 29.75, "longitude": -95.36,
                "addresses": [{ "id": "ad1", "city": "Houston", "state_province": "Texas", "country": "US", "address_type": "postal" }] } }
            """;
        var load = HsdsReader.Parse(json, "t", Options);
        Assert.Equal("Houston", Assert.Single(load.Directory.GetService("a").Locations).City);
        Assert.Empty(load.Report.Issues);
    }
}
