using System;
using System.Globalization;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Geography;

namespace Nhtrc.Sdk.Tests.Geography;

public class NearestZipsTests
{
    private static readonly Gazetteer Gazetteer = Gazetteer.Default;

    [Fact]
    public void NearestZips_AtAZipsOwnPoint_FindsItFirstAtZeroKm()
    {
        var boston = Gazetteer.GetZip("02108");

        var nearest = Gazetteer.NearestZips(boston.Location, 5);

        Assert.Equal(5, nearest.Length);
        Assert.Equal("02108", nearest[0].Zip.Zip);
        Assert.Equal(0.0, nearest[0].DistanceKilometers);
        Assert.All(nearest, n => Assert.Equal("MA", n.Zip.State.Code));
        Assert.Equal(nearest.Select(n => n.DistanceKilometers).Order(), nearest.Select(n => n.DistanceKilometers));
    }

    [Fact]
    public void NearestZips_EqualDistances_AreOrderedByZip()
    {
        // GeoNames gives 96860 (Jbphh) and 96863 (Mcbh Kaneohe Bay) the same point.
        var nearest = Gazetteer.NearestZips(new GeoPoint(21.316, -157.8677), 2);

        Assert.Equal(["96860", "96863"], nearest.Select(n => n.Zip.Zip));
        Assert.Equal(nearest[0].DistanceKilometers, nearest[1].DistanceKilometers);
    }

    [Fact]
    public void NearestZips_ZeroCount_IsEmpty_AndNegativeThrows()
    {
        Assert.Empty(Gazetteer.NearestZips(new GeoPoint(40, -74), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Gazetteer.NearestZips(new GeoPoint(40, -74), -1));
    }

    [Fact]
    public void NearestZips_MoreThanTheGazetteerHolds_ReturnsEveryZip()
    {
        var small = GazetteerText.LoadRows(
            "10001\tNew York\tNY\t36061\tNew York\t40.7484\t-73.9967",
            "02108\tBoston\tMA\t25025\tSuffolk\t42.3576\t-71.0684");

        var nearest = small.NearestZips(new GeoPoint(42, -71), 10);

        Assert.Equal(["02108", "10001"], nearest.Select(n => n.Zip.Zip));
    }

    [Property(MaxTest = 200)]
    public Property NearestZips_MatchesAFullScan() =>
        Prop.ForAll(
            Arb.From(
                from point in Gen.Frequency((3, GeoGenerators.NearTheUs), (1, GeoGenerators.Anywhere))
                from count in Gen.Frequency((6, Gen.Choose(1, 25)), (3, Gen.Choose(26, 400)), (1, Gen.Elements(40_975, 40_976, 50_000)))
                select (point, count)),
            c => AssertMatchesFullScan(Gazetteer, c.point, c.count));

    [Property(MaxTest = 100)]
    public Property NearestZips_OnPointsAllOverTheGlobe_MatchesAFullScan() =>
        Prop.ForAll(
            Arb.From(
                from points in Gen.ListOf(GeoGenerators.Anywhere).Where(p => p.Count > 0)
                from query in GeoGenerators.Anywhere
                from count in Gen.Choose(1, 30)
                select (points, query, count)),
            c =>
            {
                // Every row claims Aleutians East, AK; only the coordinates matter here.
                var rows = c.points.Select((p, i) => string.Create(
                    CultureInfo.InvariantCulture,
                    $"{i:00000}\tPlace {i}\tAK\t02013\tAleutians East\t{p.Latitude}\t{p.Longitude}"));
                AssertMatchesFullScan(GazetteerText.LoadRows([.. rows]), c.query, c.count);
            });

    [Property(MaxTest = 300)]
    public Property NearestZip_IsWhatNearestZipsListsFirst() =>
        Prop.ForAll(
            Arb.From(Gen.Frequency((3, GeoGenerators.NearTheUs), (1, GeoGenerators.Anywhere))),
            point =>
            {
                var expected = Gazetteer.NearestZips(point, 1)[0];

                var actual = Gazetteer.NearestZip(point, out var km);

                Assert.Same(expected.Zip, actual);
                Assert.Equal(expected.DistanceKilometers, km);
            });

    [Fact]
    public void NearestZip_EqualDistances_IsTheLowerZip()
    {
        // GeoNames gives 96860 (Jbphh) and 96863 (Mcbh Kaneohe Bay) the same point.
        Assert.Equal("96860", Gazetteer.NearestZip(new GeoPoint(21.316, -157.8677), out _)?.Zip);
    }

    private static void AssertMatchesFullScan(Gazetteer gazetteer, GeoPoint point, int count)
    {
        var expected = NaiveNearestZips.Find(gazetteer, point, count);

        var actual = gazetteer.NearestZips(point, count);

        Assert.Equal(expected.Select(e => e.Zip), actual.Select(a => a.Zip.Zip));
        Assert.Equal(expected.Select(e => e.Km), actual.Select(a => a.DistanceKilometers));
    }
}
