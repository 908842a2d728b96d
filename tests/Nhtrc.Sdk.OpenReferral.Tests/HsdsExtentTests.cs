using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Geography;
using Xunit.Abstractions;
using Ring = System.Collections.Immutable.ImmutableArray<(double Lon, double Lat)>;

namespace Nhtrc.Sdk.OpenReferral.Tests;

public class HsdsExtentTests(ITestOutputHelper output)
{
    // Fixture boxes (lon min, lon max, lat min, lat max) of services 09, 15 and 16.
    // The figures in the docs: ZIP codes resolved, and grid cells inside the box whose point matches (of 400).
    public static readonly TheoryData<int, double, double, double, double, int, int> Boxes = new()
    {
        { 9, -105.0000, -104.9750, 39.7350, 39.7550, 26, 385 },
        { 15, -122.3450, -122.3250, 47.5950, 47.6150, 21, 337 },
        { 16, -84.3950, -84.3800, 33.7450, 33.7600, 12, 398 },
    };

    private static ImmutableArray<HsdsExtents.Polygon> Parse(string geojson)
    {
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(geojson, Json.StringContext.Default.String));
        return HsdsExtents.TryParse(document.RootElement, out var problem) ?? throw new InvalidOperationException(problem);
    }

    private static string Box(double x0, double x1, double y0, double y1) => string.Create(CultureInfo.InvariantCulture,
        $$"""{"type":"Polygon","coordinates":[[[{{x0}},{{y0}}],[{{x1}},{{y0}}],[{{x1}},{{y1}}],[{{x0}},{{y1}}],[{{x0}},{{y0}}]]]}""");

    [Theory]
    [MemberData(nameof(Boxes))]
    public void Fixture_boxes_resolve_to_zip_codes_and_a_point_grid_measures_the_approximation(int fixture, double x0, double x1, double y0, double y1, int zipCount, int matchedInside)
    {
        var gazetteer = Gazetteer.Default;
        var shape = Parse(Box(x0, x1, y0, y1));
        var zips = HsdsExtents.Resolve(shape, gazetteer, out var byNearest).Select(z => z.Zip).ToHashSet();
        var imported = HsdsScheduleZoneTests.Fixtures().Directory.GetService(HsdsScheduleZoneTests.FixtureId(fixture)).Area.Zips.Select(z => z.Zip).ToHashSet();
        Assert.Subset(imported, zips);

        // The centres of a 20 x 20 grid of cells over the box, and the same spacing over a margin of half the box around it.
        int inside = 0, insideMatched = 0, outside = 0, outsideMatched = 0;
        var (w, h) = (x1 - x0, y1 - y0);
        for (var i = -10; i < 30; i++)
        {
            for (var j = -10; j < 30; j++)
            {
                var (lon, lat) = (x0 + (w * (i + 0.5) / 20), y0 + (h * (j + 0.5) / 20));
                var contained = HsdsExtents.Contains(shape, lon, lat);
                var matched = Referrals.ReferralPlace.AtPoint(new GeoPoint(lat, lon), gazetteer).Zip is { } zip && zips.Contains(zip.Zip);
                Assert.Equal(i is >= 0 and < 20 && j is >= 0 and < 20, contained);
                (inside, insideMatched, outside, outsideMatched) = contained
                    ? (inside + 1, insideMatched + (matched ? 1 : 0), outside, outsideMatched)
                    : (inside, insideMatched, outside + 1, outsideMatched + (matched ? 1 : 0));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fixture {fixture}: {zips.Count} ZIPs ({string.Join(" ", zips.Order())}), by nearest {byNearest}; inside matched {insideMatched}/{inside} = {100.0 * insideMatched / inside:0.0}%; margin matched {outsideMatched}/{outside} = {100.0 * outsideMatched / outside:0.0}%"));
        Assert.False(byNearest);
        Assert.Equal((zipCount, matchedInside, 400), (zips.Count, insideMatched, inside));
    }

    [Fact]
    public void A_shape_with_no_centroid_inside_resolves_to_the_zip_nearest_its_centroid_and_one_at_sea_to_none()
    {
        var tiny = Parse(Box(-104.9901, -104.9900, 39.7400, 39.7401));
        var zip = Assert.Single(HsdsExtents.Resolve(tiny, Gazetteer.Default, out var byNearest));
        Assert.True(byNearest);
        Assert.Equal(Gazetteer.Default.NearestZips(new GeoPoint(39.74005, -104.99005), 1)[0].Zip, zip);
        Assert.Empty(HsdsExtents.Resolve(Parse(Box(-40, -39.9, 30, 30.1)), Gazetteer.Default, out _));
    }

    [Fact]
    public void Holes_and_multipolygons_follow_the_even_odd_rule()
    {
        var holed = Parse("""{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[3,3],[7,3],[7,7],[3,7],[3,3]]]}""");
        Assert.True(HsdsExtents.Contains(holed, 1, 1));
        Assert.False(HsdsExtents.Contains(holed, 5, 5));
        Assert.False(HsdsExtents.Contains(holed, 11, 5));
        var multi = Parse("""{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,5]]]]}""");
        Assert.True(HsdsExtents.Contains(multi, 5.9, 5.5));
        Assert.False(HsdsExtents.Contains(multi, 3, 3));
        var feature = Parse("""{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}""");
        Assert.True(HsdsExtents.Contains(feature, 0.9, 0.5));
        var centroid = HsdsExtents.Centroid(holed);
        Assert.Equal((5, 5), (Math.Round(centroid.Longitude, 9), Math.Round(centroid.Latitude, 9)));
    }

    [Theory]
    [InlineData("extent")]
    [InlineData("""{"type":"Point","coordinates":[0,0]}""")]
    [InlineData("""{"type":"Polygon"}""")]
    [InlineData("""{"type":"Polygon","coordinates":[]}""")]
    [InlineData("""{"type":"MultiPolygon","coordinates":[]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0.5]]]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[[39.7,-105],[39.7,-104],[39.8,-104],[39.7,-105]]]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[200,0],[1,1],[0,0]]]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],["1",0],[1,1],[0,0]]]}""")]
    [InlineData("""{"type":"Polygon","coordinates":[[[0,0],[1],[1,1],[0,0]]]}""")]
    public void Bad_geojson_is_refused_naming_the_rule(string text)
    {
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(text, Json.StringContext.Default.String));
        Assert.Null(HsdsExtents.TryParse(document.RootElement, out var problem));
        Assert.EndsWith("the area is not imported.", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_vertices_are_refused()
    {
        var ring = string.Join(",", Enumerable.Range(0, HsdsExtents.MaxVertices).Select(i => $"[{i % 90},{i % 45}]"));
        var text = $$"""{"type":"Polygon","coordinates":[[[0,0],{{ring}},[0,0]]]}""";
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(text, Json.StringContext.Default.String));
        Assert.Null(HsdsExtents.TryParse(document.RootElement, out var problem));
        Assert.Contains("positions", problem, StringComparison.Ordinal);
    }

    // ---- point-in-polygon against a naive winding-number reference ----

    // A star-shaped ring around (cx, cy): n >= 5 jittered, increasing angles (gaps under 0.8 pi) and radii in
    // [rMin, rMax] give a simple (non-crossing) ring.
    private static Ring Star(Random random, double cx, double cy, double rMin, double rMax, int n)
    {
        var angles = Enumerable.Range(0, n).Select(k => (k + (0.8 * random.NextDouble())) * 2 * Math.PI / n).ToArray();
        var points = angles.Select(a => (Angle: a, Radius: rMin + (random.NextDouble() * (rMax - rMin))))
            .Select(p => (Lon: cx + (p.Radius * Math.Cos(p.Angle)), Lat: cy + (p.Radius * Math.Sin(p.Angle)))).ToList();
        if (random.Next(2) == 0)
        {
            points.Reverse(); // either orientation
        }

        points.Add(points[0]);
        return [.. points];
    }

    // The winding number of the ring around the point (Sunday's crossing test with signed up/down edges).
    private static int Winding(Ring ring, double x, double y)
    {
        var wn = 0;
        for (var i = 0; i < ring.Length - 1; i++)
        {
            var (x0, y0) = ring[i];
            var (x1, y1) = ring[i + 1];
            var side = ((x1 - x0) * (y - y0)) - ((x - x0) * (y1 - y0));
            if (y0 <= y && y1 > y && side > 0)
            {
                wn++;
            }
            else if (y0 > y && y1 <= y && side < 0)
            {
                wn--;
            }
        }

        return wn;
    }

    [Property(MaxTest = 300)]
    public Property Point_in_polygon_agrees_with_the_winding_number() => Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
    {
        var random = new Random(seed);
        var polygons = Enumerable.Range(0, random.Next(1, 3)).Select(k =>
        {
            var (cx, cy) = (-120 + (k * 30) + random.NextDouble(), 30 + random.NextDouble());
            // Outer edges (12+ vertices, radius 3+) stay over 2.6 from the centre, so a hole of radius 2 or less is inside.
            var outer = Star(random, cx, cy, 3, 8, random.Next(12, 40));
            return random.Next(2) == 0
                ? new HsdsExtents.Polygon([outer])
                : new HsdsExtents.Polygon([outer, Star(random, cx, cy, 0.5, 2, random.Next(5, 12))]);
        }).ToImmutableArray();
        var wrong = 0;
        for (var i = 0; i < 200; i++)
        {
            var k = random.Next(polygons.Length);
            var (x, y) = (-120 + (k * 30) + (random.NextDouble() * 20) - 9.5, 30 + (random.NextDouble() * 20) - 9.5);
            var naive = polygons.Any(p => Winding(p.Rings[0], x, y) != 0 && (p.Rings.Length == 1 || Winding(p.Rings[1], x, y) == 0));
            if (naive != HsdsExtents.Contains(polygons, x, y))
            {
                wrong++;
            }
        }

        return (wrong == 0).Label($"seed {seed}: {wrong} of 200 points disagree");
    });

    [Fact]
    public void The_winding_reference_is_not_vacuous()
    {
        Ring square = [(0, 0), (1, 0), (1, 1), (0, 1), (0, 0)];
        Assert.Equal(1, Winding(square, 0.5, 0.5));
        Assert.Equal(-1, Winding([.. square.Reverse()], 0.5, 0.5));
        Assert.Equal(0, Winding(square, 1.5, 0.5));
    }
}
