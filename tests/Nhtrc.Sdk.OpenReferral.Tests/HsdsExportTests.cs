using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Scheduling;
using NodaTime;

namespace Nhtrc.Sdk.OpenReferral.Tests;

public class HsdsExportTests
{
    private const string ShelterStreet = "4417 Fictional Refuge Lane";
    private const string ShelterCity = "Pasadena";
    private const string ShelterZip = "77506";
    private const double ShelterLatitude = 29.683421;
    private const double ShelterLongitude = -95.198812;

    private static readonly DateTimeZone Chicago = DateTimeZoneProviders.Tzdb["America/Chicago"];

    private static ReferralDirectory FixtureDirectory()
    {
        var options = new HsdsImportOptions { DefaultTypes = [ServiceType.CaseManagement], DefaultLastVerified = new LocalDate(2026, 1, 1) };
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "us-fictional", "service_list.json");
        return HsdsReader.Parse(File.ReadAllText(path), "fixture", options).Directory;
    }

    /// <summary>One organization: a confidential shelter (overnight hours in Chicago, private population) and an office with a radius area.</summary>
    internal static ReferralDirectory ShelterDirectory()
    {
        var gazetteer = Gazetteer.Default;
        var shelter = new Service
        {
            Id = "svc-shelter",
            Name = "Fictional Survivors' Shelter",
            Types = [ServiceType.EmergencyShelter, ServiceType.CaseManagement],
            Area = new ServiceArea { Counties = [gazetteer.GetZip("77002").County] },
            Population = new PopulationServed { MinAge = 18, Genders = [Gender.Female], TraffickingTypes = [TraffickingType.Sex] },
            Languages = [LanguageTag.English, LanguageTag.Spanish],
            Contacts = [new ServiceContact(ContactChannel.Phone, "+1-555-0142"), new ServiceContact(ContactChannel.Email, "intake@shelter.example.org")],
            Availability = ServiceAvailability.By(new ServiceCalendar("shelter", Chicago, WeeklyHours.MondayToFriday(OpenInterval.Parse("20:00-08:00")))),
            Capacity = Capacity.Waitlist,
            AcceptsWarmTransfers = true,
            Locations =
            [
                new ServiceLocation
                {
                    Name = "Fictional Refuge House", StreetAddress = ShelterStreet, City = ShelterCity, State = UsState.GetByCode("TX"),
                    Zip = gazetteer.GetZip(ShelterZip), Point = new GeoPoint(ShelterLatitude, ShelterLongitude), IsConfidential = true,
                },
            ],
            LastVerified = new LocalDate(2026, 7, 1),
        };
        var office = new Service
        {
            Id = "svc-office",
            Name = "Fictional Legal Clinic",
            Types = [ServiceType.LegalServices],
            Area = new ServiceArea { States = [UsState.GetByCode("OK")], Radii = [new RadiusArea(new GeoPoint(29.76, -95.37), 40)] },
            Contacts = [new ServiceContact(ContactChannel.Text, "(713) 555-0199"), new ServiceContact(ContactChannel.WebForm, "https://clinic.example.org/form")],
            Locations = [new ServiceLocation { City = "Houston", State = UsState.GetByCode("TX"), Zip = gazetteer.GetZip("77002"), Point = new GeoPoint(29.7569, -95.3625) }],
            LastVerified = new LocalDate(2026, 2, 3),
        };
        return ReferralDirectory.Create([new Organization { Id = "org-fictional", Name = "Fictional Refuge Network", Kind = OrganizationKind.ServiceProvider, Website = "https://refuge.example.org/", Services = [shelter, office] }]);
    }

    private static JsonNode Service(string json, int organization, int service) => JsonNode.Parse(json)!["contents"]![organization]!["services"]![service]!;

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void Exports_of_the_fixture_directory_are_valid_against_the_official_schemas(bool isPublic, bool privateAttributes)
    {
        var directory = FixtureDirectory();
        Assert.True(directory.ServiceCount >= 15);
        var json = HsdsExport.ToJson(directory, new HsdsExportOptions { Public = isPublic, PrivateAttributes = privateAttributes });
        Assert.Empty(HsdsSchemaValidator.ValidateOrganizationPage(json));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_fixture_directory_round_trips_to_what_hsds_expresses(bool isPublic)
    {
        var directory = FixtureDirectory();
        var json = HsdsExport.ToJson(directory, new HsdsExportOptions { Public = isPublic, PrivateAttributes = false });
        var load = HsdsReader.Parse(json, "fixture-export");
        Assert.False(load.Report.HasErrors);

        // Fixtures 17 and 23 have dated hours (valid_from/valid_to rows): they go out as dated rows and come back the same.
        Assert.Equal(2, directory.Organizations.SelectMany(o => o.Services).Count(s => s.Availability.Calendar is { Overrides.IsEmpty: false }));
        Assert.Equal(
            HsdsRoundTripTests.Render(HsdsRoundTripTests.Expected(directory.Organizations, isPublic)),
            HsdsRoundTripTests.Render(load.Directory.Organizations));
        Assert.Equal(directory.ServiceCount, load.Directory.ServiceCount);

        // Issues: in a public export one per confidential location withheld (the feed's own and the shelters' made
        // confidential on import); nothing about the hours.
        var confidential = directory.Organizations.SelectMany(o => o.Services).SelectMany(s => s.Locations).Count(l => l.IsConfidential);
        Assert.Equal(isPublic ? confidential : 0, load.Report.Issues.Length);
    }

    [Fact]
    public void The_shelter_directory_is_valid_in_both_forms()
    {
        Assert.Empty(HsdsSchemaValidator.ValidateOrganizationPage(HsdsExport.ToJson(ShelterDirectory())));
        Assert.Empty(HsdsSchemaValidator.ValidateOrganizationPage(HsdsExport.ToJson(ShelterDirectory(), new HsdsExportOptions { Public = false, Indented = true })));
    }

    [Theory]
    [InlineData("status")]
    [InlineData("name")]
    [InlineData("id")]
    public void A_service_without_a_required_field_fails_validation(string field)
    {
        var page = JsonNode.Parse(HsdsExport.ToJson(ShelterDirectory()))!;
        page["contents"]![0]!["services"]![1]!.AsObject().Remove(field);
        var problems = HsdsSchemaValidator.ValidateOrganizationPage(page.ToJsonString());
        Assert.NotEmpty(problems);
        Assert.Contains(problems, p => p.Contains("/services/1", StringComparison.Ordinal) && p.Contains("required", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/contents/0", "description", null)]
    [InlineData("/contents/0/services/0/schedules/0", "timezone", "minus six")]
    [InlineData("/contents/0/services/0/service_at_locations/0/location", "location_type", "secret")]
    [InlineData("", "total_pages", "one")]
    public void Other_broken_documents_fail_validation(string at, string field, string? value)
    {
        var page = JsonNode.Parse(HsdsExport.ToJson(ShelterDirectory()))!;
        var target = at.Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate(page, (node, part) => int.TryParse(part, CultureInfo.InvariantCulture, out var i) ? node[i]! : node[part]!).AsObject();
        if (value is null)
        {
            target.Remove(field);
        }
        else
        {
            target[field] = value;
        }

        Assert.NotEmpty(HsdsSchemaValidator.ValidateOrganizationPage(page.ToJsonString()));
    }

    [Property(MaxTest = 60)]
    public Property Exports_of_random_directories_are_valid() =>
        Prop.ForAll(HsdsRoundTripGenerators.Directories(HsdsRoundTripGenerators.Anything), orgs =>
        {
            var directory = ReferralDirectory.Create(orgs);
            Assert.Empty(HsdsSchemaValidator.ValidateOrganizationPage(HsdsExport.ToJson(directory)));
            Assert.Empty(HsdsSchemaValidator.ValidateOrganizationPage(HsdsExport.ToJson(directory, new HsdsExportOptions { Public = false })));
        });

    [Fact]
    public void A_public_export_never_contains_the_confidential_shelters_address_or_point()
    {
        var json = HsdsExport.ToJson(ShelterDirectory());
        foreach (var secret in new[] { ShelterStreet, "Refuge Lane", "Fictional Refuge House", ShelterCity, ShelterZip, "29.6834", "95.1988" })
        {
            Assert.DoesNotContain(secret, json, StringComparison.OrdinalIgnoreCase);
        }

        var location = Service(json, 0, 0)["service_at_locations"]![0]!["location"]!.AsObject();
        Assert.Equal(["id", "location_type", "attributes"], location.Select(p => p.Key).ToArray());
        Assert.Equal("confidential-location", (string?)location["attributes"]![0]!["taxonomy_term"]!["code"]);
        Assert.Equal("nhtrc", (string?)location["attributes"]![0]!["taxonomy_term"]!["taxonomy"]);

        // The import reads the withheld location as unusable, never as a public place.
        var imported = HsdsReader.Parse(json, "public").Directory.Organizations.Single().Services.Single(s => s.Id == "svc-shelter");
        Assert.Empty(imported.Locations);
    }

    [Fact]
    public void A_full_export_writes_the_confidential_location_in_full_with_its_mark()
    {
        var json = HsdsExport.ToJson(ShelterDirectory(), new HsdsExportOptions { Public = false });
        Assert.Contains(ShelterStreet, json, StringComparison.Ordinal);
        Assert.Contains(ShelterZip, json, StringComparison.Ordinal);
        var location = HsdsReader.Parse(json, "full").Directory.Organizations.Single().Services.Single(s => s.Id == "svc-shelter").Locations.Single();
        Assert.True(location.IsConfidential);
        Assert.Equal((ShelterStreet, ShelterCity, ShelterZip, ShelterLatitude, ShelterLongitude), (location.StreetAddress, location.City, location.Zip?.Zip, location.Point.Latitude, location.Point.Longitude));
    }

    [Fact]
    public void The_same_directory_exports_byte_for_byte_the_same()
    {
        Assert.Equal(HsdsExport.ToJson(ShelterDirectory()), HsdsExport.ToJson(ShelterDirectory()));
        using var stream = new MemoryStream();
        HsdsExport.Write(ShelterDirectory(), stream);
        Assert.Equal(HsdsExport.ToJson(ShelterDirectory()), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void Derived_ids_are_distinct_version_8_uuids_and_ours_are_kept()
    {
        var json = HsdsExport.ToJson(FixtureDirectory(), new HsdsExportOptions { Public = false });
        var ids = new List<(string Path, string Id)>();
        void Walk(JsonElement e, string path)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in e.EnumerateObject())
                {
                    if (p.Name == "id" && p.Value.ValueKind == JsonValueKind.String)
                    {
                        ids.Add((path, p.Value.GetString()!));
                    }

                    Walk(p.Value, path + "/" + p.Name);
                }
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item, path + "[]");
                }
            }
        }

        using var document = JsonDocument.Parse(json);
        Walk(document.RootElement, "");
        var ours = ids.Where(i => i.Path is "/contents[]" or "/contents[]/services[]").ToList();
        var derived = ids.Except(ours).ToList();
        Assert.Equal(FixtureDirectory().Organizations.Select(o => o.Id).Concat(FixtureDirectory().Organizations.SelectMany(o => o.Services).Select(s => s.Id)).Order(), ours.Select(i => i.Id).Order());
        Assert.True(derived.Count > 100);
        Assert.All(derived, d => Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", d.Id));

        // A taxonomy term has one id wherever it appears; every other derived entity has its own.
        var entities = derived.Where(d => !d.Path.EndsWith("/taxonomy_term", StringComparison.Ordinal)).ToList();
        Assert.Equal(entities.Count, entities.Select(d => d.Id).Distinct().Count());
    }

    [Fact]
    public void Every_gazetteer_county_is_written_as_a_name_the_import_reads_back_as_that_county()
    {
        var gazetteer = Gazetteer.Default;
        var wrong = new List<string>();
        foreach (var county in gazetteer.Counties)
        {
            var name = HsdsExportWriter.CountyAreaName(county);
            var counties = new List<UsCounty>();
            if (!HsdsAreas.TryMap(name, gazetteer, [], counties, []) || counties.Single() != county)
            {
                wrong.Add(name);
            }
        }

        Assert.Empty(wrong);
        Assert.Equal("Harris County, TX", HsdsExportWriter.CountyAreaName(gazetteer.GetZip("77002").County));
        Assert.Equal("San Juan Municipio, PR", HsdsExportWriter.CountyAreaName(gazetteer.GetCounty("72127")));
        Assert.Equal("St. Croix Island, VI", HsdsExportWriter.CountyAreaName(gazetteer.GetCounty("78010")));
        Assert.Equal("Saipan Municipality, MP", HsdsExportWriter.CountyAreaName(gazetteer.GetCounty("69110")));
        Assert.Equal("Manu'a District, AS", HsdsExportWriter.CountyAreaName(gazetteer.GetCounty("60020")));
        Assert.Equal("Guam, GU", HsdsExportWriter.CountyAreaName(gazetteer.GetCounty("66010")));
    }

    [Fact]
    public void A_radius_is_a_closed_counter_clockwise_32_vertex_polygon_on_its_circle()
    {
        var radius = new RadiusArea(new GeoPoint(29.76, -95.37), 40);
        using var extent = JsonDocument.Parse(HsdsExportWriter.ExtentOf(radius));
        Assert.Equal("Polygon", extent.RootElement.GetProperty("type").GetString());
        var ring = extent.RootElement.GetProperty("coordinates")[0].EnumerateArray().Select(p => (Lon: p[0].GetDouble(), Lat: p[1].GetDouble())).ToList();
        Assert.Equal(HsdsExportWriter.ExtentVertices + 1, ring.Count);
        Assert.Equal(ring[0], ring[^1]);
        Assert.All(ring, p => Assert.InRange(GreatCircle.DistanceKilometers(radius.Center, new GeoPoint(p.Lat, p.Lon)), 39.99, 40.01));
        var twiceArea = ring.Zip(ring.Skip(1)).Sum(e => (e.First.Lon * e.Second.Lat) - (e.Second.Lon * e.First.Lat));
        Assert.True(twiceArea > 0, "the exterior ring runs counter-clockwise");

        var area = Service(HsdsExport.ToJson(ShelterDirectory()), 0, 1)["service_areas"]![1]!;
        Assert.Equal("geojson", (string?)area["extent_type"]);
        Assert.Equal(HsdsExportWriter.ExtentOf(radius), (string?)area["extent"]);
    }

    [Fact]
    public void Overnight_hours_are_one_row_closing_before_they_open_with_the_standard_offset_and_the_zone()
    {
        var json = HsdsExport.ToJson(ShelterDirectory());
        var rows = Service(json, 0, 0)["schedules"]!.AsArray();
        var row = Assert.Single(rows)!;
        Assert.Equal(("WEEKLY", "MO,TU,WE,TH,FR", "20:00:00", "08:00:00"), ((string?)row["freq"], (string?)row["byday"], (string?)row["opens_at"], (string?)row["closes_at"]));

        // July: Chicago keeps daylight time, but HSDS timezone holds the standard offset.
        Assert.Equal(-6, (double)row["timezone"]!);
        Assert.Equal(("nhtrc-timezone", "America/Chicago"), ((string?)row["attributes"]![0]!["taxonomy_term"]!["taxonomy"], (string?)row["attributes"]![0]!["taxonomy_term"]!["code"]));
        Assert.Empty(Service(json, 0, 1)["schedules"]!.AsArray());
    }

    [Fact]
    public void Split_and_repeated_periods_become_rows_with_their_days()
    {
        var hours = WeeklyHours.MondayToFriday(OpenInterval.Parse("09:00-12:00"), OpenInterval.Parse("13:00-17:00"))
            .With(IsoDayOfWeek.Saturday, OpenInterval.Parse("09:00-12:00"), OpenInterval.Parse("09:00-12:00"));
        var rows = HsdsExportWriter.WeeklyRows(hours).Select(r => $"{r.Interval} {string.Join(",", r.Days)}").ToArray();
        Assert.Equal(["09:00-12:00 MO,TU,WE,TH,FR,SA", "13:00-17:00 MO,TU,WE,TH,FR", "09:00-12:00 SA"], rows);
        Assert.Equal(5.5, HsdsExportWriter.StandardOffsetHours(DateTimeZoneProviders.Tzdb["Asia/Kolkata"], new LocalDate(2026, 1, 1)));
    }

    [Fact]
    public void Private_attributes_are_written_only_when_asked()
    {
        var with = HsdsExport.ToJson(ShelterDirectory());
        var without = HsdsExport.ToJson(ShelterDirectory(), new HsdsExportOptions { PrivateAttributes = false });
        string[] codes = ["gender:female", "trafficking-type:sex", "waitlist", "\"accepts\"", "America/Chicago"];
        foreach (var taxonomy in new[] { "nhtrc-population", "nhtrc-capacity", "nhtrc-warm-transfer", "nhtrc-timezone" })
        {
            Assert.Contains(taxonomy, with, StringComparison.Ordinal);
            Assert.DoesNotContain(taxonomy, without, StringComparison.Ordinal);
        }

        Assert.All(codes, c => Assert.Contains(c, with, StringComparison.Ordinal));
        Assert.All(codes, c => Assert.DoesNotContain(c, without, StringComparison.Ordinal));

        // Public vocabularies stay.
        Assert.Contains("\"code\":\"emergencyShelter\"", without, StringComparison.Ordinal);
        Assert.Contains("confidential-location", without, StringComparison.Ordinal);
    }

    [Fact]
    public void Contacts_languages_ages_and_dates_are_hsds_fields()
    {
        var service = Service(HsdsExport.ToJson(ShelterDirectory()), 0, 0);
        Assert.Equal("intake@shelter.example.org", (string?)service["email"]);
        Assert.Equal(("+1-555-0142", "voice"), ((string?)service["phones"]![0]!["number"], (string?)service["phones"]![0]!["type"]));
        Assert.Equal(["en", "es"], service["languages"]!.AsArray().Select(l => (string)l!["code"]!).ToArray());
        Assert.Equal(18, (int)service["minimum_age"]!);
        Assert.Null(service["maximum_age"]);
        Assert.Equal("2026-07-01", (string?)service["assured_date"]);
        Assert.Equal("Harris County, TX", (string?)service["service_areas"]![0]!["name"]);
        var office = Service(HsdsExport.ToJson(ShelterDirectory()), 0, 1);
        Assert.Equal(("(713) 555-0199", "text"), ((string?)office["phones"]![0]!["number"], (string?)office["phones"]![0]!["type"]));
        Assert.Equal("https://clinic.example.org/form", (string?)office["url"]);
    }

    [Fact]
    public void Areas_name_the_nation_states_and_zip_lists_in_chunks_the_import_reads_back()
    {
        var zips = Gazetteer.Default.Zips.Where(z => z.State.Code == "TX").Take(HsdsExportWriter.ZipsPerArea + 50).ToImmutableArray();
        var many = new Service { Id = "svc-zips", Name = "Fictional ZIP service", Types = [ServiceType.Housing], Area = new ServiceArea { Zips = zips }, LastVerified = new LocalDate(2026, 1, 1) };
        var national = new Service { Id = "svc-us", Name = "Fictional hotline", Types = [ServiceType.CrisisHotline], Area = ServiceArea.Nationwide, LastVerified = new LocalDate(2026, 1, 1) };
        var directory = ReferralDirectory.Create([new Organization { Id = "org-z", Name = "Fictional Z", Kind = OrganizationKind.ServiceProvider, Services = [many, national] }]);
        var json = HsdsExport.ToJson(directory);
        var areas = Service(json, 0, 0)["service_areas"]!.AsArray();
        Assert.Equal(2, areas.Count);
        Assert.Equal(string.Join(", ", zips.Take(HsdsExportWriter.ZipsPerArea).Select(z => z.Zip)), (string?)areas[0]!["name"]);
        Assert.Equal("United States", (string?)Service(json, 0, 1)["service_areas"]![0]!["name"]);
        var imported = HsdsReader.Parse(json, "zips").Directory.Organizations.Single().Services.Single(s => s.Id == "svc-zips");
        Assert.Equal(string.Join(",", zips.Select(z => z.Zip)), string.Join(",", imported.Area.Zips.Select(z => z.Zip)));
    }

    [Fact]
    public void The_page_envelope_counts_the_organizations()
    {
        var page = JsonNode.Parse(HsdsExport.ToJson(ShelterDirectory()))!;
        Assert.Equal((1, 1, 1, 1, true, true, false), ((int)page["total_items"]!, (int)page["total_pages"]!, (int)page["page_number"]!, (int)page["size"]!, (bool)page["first_page"]!, (bool)page["last_page"]!, (bool)page["empty"]!));
        var empty = JsonNode.Parse(HsdsExport.ToJson(ReferralDirectory.Create([])))!;
        Assert.True((bool)empty["empty"]!);
        Assert.Empty(empty["contents"]!.AsArray());
        Assert.Throws<ArgumentNullException>(() => HsdsExport.ToJson(null!));
        Assert.Throws<ArgumentNullException>(() => HsdsExport.Write(ShelterDirectory(), null!));
    }
}
