using System.Linq;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using static Nhtrc.Sdk.OpenReferral.Tests.HsdsScheduleZoneTests;

namespace Nhtrc.Sdk.OpenReferral.Tests;

public class HsdsAreaTests
{
    private static string Service(string areas) => $$"""
        { "id": "a", "name": "Fictional service", "status": "active", "assured_date": "2026-03-01",
          "organization": { "id": "org-1", "name": "Fictional Org" }, "service_areas": [{{areas}}] }
        """;

    private const string DenverBox = """{"type": "Polygon", "coordinates": [[[-105.0, 39.735], [-104.975, 39.735], [-104.975, 39.755], [-105.0, 39.755], [-105.0, 39.735]]]}""";

    private static string Extent(string id, string geojson) =>
        $$"""{ "id": "{{id}}", "name": "Fictional polygon", "extent_type": "geojson", "extent": {{System.Text.Json.JsonSerializer.Serialize(geojson, Json.StringContext.Default.String)}} }""";

    [Fact]
    public void The_nationwide_fixture_is_national()
    {
        var load = Fixtures();
        Assert.True(load.Directory.GetService(FixtureId(14)).Area.IsNational);
        Assert.False(load.Directory.GetService(FixtureId(2)).Area.IsNational);
    }

    [Theory]
    [InlineData("United States")]
    [InlineData("united states of america")]
    [InlineData(" USA ")]
    [InlineData("us")]
    [InlineData("NATIONWIDE")]
    public void National_names_make_a_national_service_whatever_the_other_areas(string name)
    {
        var load = HsdsReader.Parse(Service($$"""{ "id": "1", "name": "{{name}}" }, { "id": "2", "name": "TX" }"""), "t", Options);
        Assert.True(load.Directory.GetService("a").Area.IsNational);
        Assert.Empty(load.Report.Issues);
    }

    [Theory]
    [InlineData("Puerto Rico", "PR")]
    [InlineData("PR", "PR")]
    [InlineData("Commonwealth of Puerto Rico", "PR")]
    [InlineData("U.S. Virgin Islands", "VI")]
    [InlineData("US Virgin Islands", "VI")]
    [InlineData("United States Virgin Islands", "VI")]
    [InlineData("Virgin Islands", "VI")]
    [InlineData("USVI", "VI")]
    [InlineData("Guam", "GU")]
    [InlineData("American Samoa", "AS")]
    [InlineData("Northern Mariana Islands", "MP")]
    [InlineData("Commonwealth of the Northern Mariana Islands", "MP")]
    [InlineData("CNMI", "MP")]
    public void A_territory_by_code_name_or_common_other_name_is_a_territory_wide_area(string name, string code)
    {
        var load = HsdsReader.Parse(Service($$"""{ "id": "1", "name": "{{name}}" }"""), "t", Options);

        var area = load.Directory.GetService("a").Area;
        Assert.Equal([code], area.States.Select(s => s.Code));
        Assert.False(area.IsNational);
        Assert.Empty(load.Report.Issues);
    }

    [Theory]
    [InlineData("Bayamón, PR", "72021")]
    [InlineData("Bayamon Municipio, Puerto Rico", "72021")]
    [InlineData("San Juan Municipio, PR", "72127")]
    [InlineData("Mayagüez, PR", "72097")]
    [InlineData("Añasco Municipio, PR", "72011")]
    [InlineData("Río Grande, PR", "72119")]
    [InlineData("St. Croix Island, VI", "78010")]
    [InlineData("Saint Thomas, US Virgin Islands", "78030")]
    [InlineData("Manu'a, AS", "60020")]
    [InlineData("Manuʻa District, American Samoa", "60020")]
    [InlineData("Swains Island, AS", "60040")]
    [InlineData("Northern Islands Municipality, MP", "69085")]
    [InlineData("Saipan Municipality, CNMI", "69110")]
    [InlineData("Guam, GU", "66010")]
    public void A_county_equivalent_of_a_territory_is_read_as_the_census_writes_it_or_without_its_accents(string name, string fips)
    {
        var load = HsdsReader.Parse(Service($$"""{ "id": "1", "name": "{{name}}" }"""), "t", Options);

        Assert.Equal([fips], load.Directory.GetService("a").Area.Counties.Select(c => c.Fips));
        Assert.Empty(load.Report.Issues);
    }

    [Fact]
    public void An_extent_over_an_island_no_zip_code_names_is_its_county_equivalent_and_not_the_nearest_zip_code()
    {
        const string Tau = """{"type": "Polygon", "coordinates": [[[-169.55, -14.28], [-169.40, -14.28], [-169.40, -14.20], [-169.55, -14.20], [-169.55, -14.28]]]}""";
        const string Tutuila = """{"type": "Polygon", "coordinates": [[[-170.85, -14.40], [-170.55, -14.40], [-170.55, -14.22], [-170.85, -14.22], [-170.85, -14.40]]]}""";
        var load = HsdsReader.Parse(Service(Extent("1", Tau)), "t", Options);
        var tutuila = HsdsReader.Parse(Service(Extent("1", Tutuila)), "t", Options);

        var area = load.Directory.GetService("a").Area;
        Assert.Equal(["60020"], area.Counties.Select(c => c.Fips));
        Assert.Empty(area.Zips);
        var both = tutuila.Directory.GetService("a").Area;
        Assert.Equal(["60050"], both.Counties.Select(c => c.Fips));   // Leone's point
        Assert.Equal(["96799"], both.Zips.Select(z => z.Zip));
        Assert.Empty(load.Report.Issues);
    }

    [Fact]
    public void A_service_at_a_san_juan_address_with_a_municipio_area_matches_in_san_juan_and_not_in_ponce()
    {
        var json = """
            { "id": "a", "name": "Fictional servicio", "status": "active", "assured_date": "2026-03-01",
              "organization": { "id": "org-1", "name": "Fictional Org" }, "service_areas": [{ "id": "1", "name": "San Juan Municipio, PR" }],
              "service_at_locations": [{ "id": "sal-1", "location": { "id": "loc-1", "name": "Oficina", "location_type": "physical",
                "latitude": 18.4663, "longitude": -66.1057,
                "addresses": [{ "id": "ad-1", "address_1": "1 Calle Ficticia", "city": "San Juan", "state_province": "PR", "postal_code": "00901", "country": "US", "address_type": "physical" }] } }] }
            """;
        var load = HsdsReader.Parse(json, "t", Options);
        var directory = load.Directory;
        ReferralQuery At(string zip) => new() { Needs = [.. directory.GetService("a").Types], Place = ReferralPlace.FromZip(zip), At = NodaTime.Instant.FromUtc(2026, 7, 8, 15, 0), Count = 5 };

        Assert.Equal(["a"], directory.Match(At("00901")).Matches.Select(m => m.ServiceId));
        Assert.Empty(directory.Match(At("00717")).Matches);
        Assert.Equal("PR", directory.GetService("a").Locations.Single().State.Code);
    }

    [Theory]
    [InlineData("United")]
    [InlineData("U S")]
    [InlineData("Nationwide, TX")]
    public void Near_national_names_are_not_national(string name)
    {
        var load = HsdsReader.Parse(Service($$"""{ "id": "1", "name": "{{name}}" }"""), "t", Options);
        Assert.Equal(0, load.Report.CountOf("services"));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(15)]
    public void Fixture_polygons_import_as_the_zip_codes_whose_centroid_they_contain(int fixture)
    {
        var load = Fixtures();
        var area = load.Directory.GetService(FixtureId(fixture)).Area;
        Assert.NotEmpty(area.Zips);
        Assert.True(area.States.IsEmpty && area.Counties.IsEmpty && !area.IsNational);
        Assert.DoesNotContain(load.Report.Issues, i => i.RecordId == FixtureId(fixture) && i.Path.Contains("service_areas", System.StringComparison.Ordinal));
    }

    [Fact]
    public void The_atlanta_fixture_keeps_its_polygon_and_its_county()
    {
        var area = Fixtures().Directory.GetService(FixtureId(16)).Area;
        Assert.Equal("Fulton", Assert.Single(area.Counties).Name.Split(' ')[0]);
        Assert.Contains(area.Zips, z => z.Zip == "30303");
    }

    [Fact]
    public void A_bad_extent_is_reported_and_the_mappable_areas_kept()
    {
        var load = HsdsReader.Parse(Service(string.Join(",", Extent("1", DenverBox), Extent("2", """{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}"""), """{ "id": "3", "name": "Harris County, TX" }""")), "t", Options);
        var area = load.Directory.GetService("a").Area;
        Assert.Contains(area.Zips, z => z.Zip == "80202");
        Assert.Single(area.Counties);
        var issue = Assert.Single(load.Report.Issues);
        Assert.Equal(("$.service_areas[1].extent", DirectoryImportSeverity.Warning), (issue.Path, issue.Severity));
    }

    [Fact]
    public void A_service_whose_only_extent_is_at_sea_is_reported_and_left_out()
    {
        var load = HsdsReader.Parse(Service(Extent("1", """{"type":"Polygon","coordinates":[[[-40,30],[-39.9,30],[-39.9,30.1],[-40,30]]]}""")), "t", Options);
        Assert.Equal(0, load.Report.CountOf("services"));
        Assert.Equal(["$.service_areas[0].extent", "$.service_areas"], load.Report.Issues.Select(i => i.Path).ToArray());
    }

    [Fact]
    public void An_extent_given_as_an_object_is_read_too()
    {
        var load = HsdsReader.Parse(Service($$"""{ "id": "1", "extent_type": "GeoJSON", "extent": {{DenverBox}} }"""), "t", Options);
        Assert.Equal(26, load.Directory.GetService("a").Area.Zips.Length);
        Assert.True(Gazetteer.Default.TryGetZip("80202", out _));
    }
}
