using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Geography;

namespace Nhtrc.Sdk.Tests.Geography;

/// <summary>
/// The five territories in the embedded gazetteer: their ZIP codes, every county-equivalent of the Census county
/// list, the Puerto Rico ZIP codes whose municipio GeoNames and the Census give differently, and distances and
/// nearest-ZIP searches across the Pacific (Guam and the Marianas west of the antimeridian, American Samoa east).
/// </summary>
public class TerritoryGeographyTests
{
    private static readonly Gazetteer Gazetteer = Gazetteer.Default;

    [Theory]
    [InlineData("00901", "San Juan", "PR", "72127", "San Juan")]
    [InlineData("00602", "Aguada", "PR", "72003", "Aguada")]
    [InlineData("00802", "St Thomas", "VI", "78030", "St. Thomas")]
    [InlineData("00820", "Christiansted", "VI", "78010", "St. Croix")]
    [InlineData("96910", "Hagatna", "GU", "66010", "Guam")]
    [InlineData("96799", "Pago Pago", "AS", "60010", "Eastern District")]
    [InlineData("96950", "Saipan", "MP", "69110", "Saipan")]
    [InlineData("96951", "Rota", "MP", "69100", "Rota")]
    public void AZipInEachTerritory_HasItsPlaceTerritoryAndCountyEquivalent(string zip, string place, string state, string countyFips, string countyName)
    {
        var info = Gazetteer.GetZip(zip);

        Assert.Equal(place, info.PlaceName);
        Assert.Equal(state, info.State.Code);
        Assert.True(info.State.IsTerritory);
        Assert.Equal(countyFips, info.County.Fips);
        Assert.Equal(countyName, info.County.Name);
        Assert.Same(info.County, Gazetteer.GetCounty(countyFips));
    }

    [Theory]
    [InlineData("PR", 177, 78)]
    [InlineData("VI", 16, 3)]
    [InlineData("GU", 21, 1)]
    [InlineData("AS", 1, 5)]
    [InlineData("MP", 3, 4)]
    public void EachTerritory_HasAllItsPostalCodesAndEveryCountyEquivalentOfTheCensusList(string code, int zips, int counties)
    {
        var state = UsState.GetByCode(code);

        Assert.Equal(zips, Gazetteer.Zips.Count(z => z.State == state));
        Assert.Equal(counties, Gazetteer.CountiesIn(state).Length);
        Assert.All(Gazetteer.CountiesIn(state), c => Assert.StartsWith(state.Fips, c.Fips, StringComparison.Ordinal));
        Assert.True(Gazetteer.TryGetStateCentroid(state, out _));
    }

    [Theory]
    [InlineData("60020", "Manu'a District", -14.2336, -169.5144)]
    [InlineData("60030", "Rose Island", -14.54, -168.15)]
    [InlineData("60040", "Swains Island", -11.0553, -171.0883)]
    [InlineData("60050", "Western District", -14.3439, -170.7850)]
    [InlineData("69085", "Northern Islands", 18.12, 145.76)]
    public void ACountyEquivalentNoPostalCodeNames_IsListedAtItsRepresentativePoint(string fips, string name, double latitude, double longitude)
    {
        var county = Gazetteer.GetCounty(fips);

        Assert.Equal(name, county.Name);
        Assert.Equal(0, county.ZipCount);
        Assert.Equal(new GeoPoint(latitude, longitude), county.Centroid);
        Assert.Contains(county, Gazetteer.CountiesIn(county.State));
    }

    [Fact]
    public void OnlyTheFiveTerritoryCountiesWithoutAPostalCode_HaveNoZipCode()
    {
        Assert.Equal(
            ["60020", "60030", "60040", "60050", "69085"],
            Gazetteer.Counties.Where(c => c.ZipCount == 0).Select(c => c.Fips));
        Assert.All(Gazetteer.Counties.Where(c => c.ZipCount > 0), c => Assert.Equal(c.ZipCount, Gazetteer.Zips.Count(z => z.County == c)));
    }

    [Theory]
    // Where GeoNames and the Census 2010 ZCTA-to-county file differ, the gazetteer follows the Census when it puts all
    // or nearly all of the ZIP code's people in one municipio (docs/geography.md) ...
    [InlineData("00968", "72061", "Guaynabo")]
    [InlineData("00979", "72031", "Carolina")]
    [InlineData("00982", "72031", "Carolina")]
    [InlineData("00704", "72123", "Salinas")]
    // ... and keeps GeoNames' municipio where the Census splits the people evenly or counts almost none.
    [InlineData("00934", "72021", "Bayamon")]
    [InlineData("00950", "72137", "Toa Baja")]
    public void ThePuertoRicoZipsWhereGeoNamesAndTheCensusDiffer_AreInTheDocumentedMunicipio(string zip, string countyFips, string countyName)
    {
        var county = Gazetteer.GetZip(zip).County;

        Assert.Equal(countyFips, county.Fips);
        Assert.Equal(countyName, county.Name);
    }

    [Theory]
    // Widely published great-circle distances: Guam to Honolulu about 6,100 km, Honolulu to Pago Pago about 4,200 km,
    // Guam to Pago Pago about 5,800 km (both across the antimeridian), Guam to Saipan about 220 km, San Juan to
    // St. Thomas about 125 km and to New York about 2,590 km.
    [InlineData("96910", "96813", 6090, 6150)]
    [InlineData("96813", "96799", 4170, 4230)]
    [InlineData("96910", "96799", 5760, 5830)]
    [InlineData("96910", "96950", 210, 225)]
    [InlineData("00901", "00802", 120, 130)]
    [InlineData("00901", "10001", 2570, 2610)]
    public void DistancesAcrossThePacificAndTheCaribbean_AreTheShortWayRound(string from, string to, double atLeastKm, double atMostKm)
    {
        var a = Gazetteer.GetZip(from).Location;
        var b = Gazetteer.GetZip(to).Location;

        var km = GreatCircle.DistanceKilometers(a, b);

        Assert.InRange(km, atLeastKm, atMostKm);
        Assert.Equal(km, GreatCircle.DistanceKilometers(b, a));
    }

    [Fact]
    public void NearestZips_FromMidPacific_FindGuamAndTheMarianasWestOfTheAntimeridian()
    {
        // A point east of Guam and north of the Marshall Islands: the nearest ZIP codes are the Marianas' and Guam's,
        // across the antimeridian from Hawaii's side of the ocean.
        var nearest = Gazetteer.NearestZips(new GeoPoint(16.0, 150.0), 4);

        Assert.All(nearest, n => Assert.Contains(n.Zip.State.Code, new[] { "MP", "GU" }));
        Assert.Equal("MP", nearest[0].Zip.State.Code);

        // Just east of the antimeridian south of the equator: American Samoa's one ZIP code is nearest.
        Assert.Equal("96799", Gazetteer.NearestZips(new GeoPoint(-13.0, -172.0), 1)[0].Zip.Zip);
    }

    /// <summary>Points around the antimeridian and the territories: the index must agree with a full scan there too.</summary>
    private static readonly Gen<GeoPoint> AroundThePacificAndTheCaribbean = Gen.OneOf(
        from lat in Gen.Choose(-200_000, 300_000)
        from lon in Gen.Choose(1_400_000, 1_800_000)
        select new GeoPoint(lat / 10_000.0, lon / 10_000.0),
        from lat in Gen.Choose(-200_000, 300_000)
        from lon in Gen.Choose(-1_800_000, -1_550_000)
        select new GeoPoint(lat / 10_000.0, lon / 10_000.0),
        from lat in Gen.Choose(170_000, 190_000)
        from lon in Gen.Choose(-680_000, -640_000)
        select new GeoPoint(lat / 10_000.0, lon / 10_000.0));

    [Property(MaxTest = 150)]
    public Property NearestZips_AroundTheTerritories_MatchAFullScan() =>
        Prop.ForAll(Arb.From(AroundThePacificAndTheCaribbean), Arb.From(Gen.Choose(1, 30)), (point, count) =>
        {
            var expected = NaiveNearestZips.Find(Gazetteer, point, count);

            var actual = Gazetteer.NearestZips(point, count);

            Assert.Equal(expected.Select(e => e.Zip), actual.Select(a => a.Zip.Zip));
            Assert.Equal(expected.Select(e => e.Km), actual.Select(a => a.DistanceKilometers));
        });
}
