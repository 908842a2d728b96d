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
