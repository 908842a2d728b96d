using System;
using System.Linq;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Tests.Geography;

public class GazetteerTests
{
    private static readonly Gazetteer Gazetteer = Gazetteer.Default;

    [Fact]
    public void Default_HoldsTheFiftyStatesDcAndTheTerritories()
    {
        Assert.Equal(41194, Gazetteer.Zips.Length);
        Assert.Equal(3238, Gazetteer.Counties.Length);
        Assert.All(UsState.All, state => Assert.NotEmpty(Gazetteer.CountiesIn(state)));
        Assert.Same(Gazetteer, Gazetteer.Default);
    }

    [Fact]
    public void Zips_AreOrderedByZip_AndCountiesByFips()
    {
        Assert.Equal(Gazetteer.Zips.Select(z => z.Zip).Order(StringComparer.Ordinal), Gazetteer.Zips.Select(z => z.Zip));
        Assert.Equal(Gazetteer.Counties.Select(c => c.Fips).Order(StringComparer.Ordinal), Gazetteer.Counties.Select(c => c.Fips));
    }

    [Theory]
    [InlineData("10001", "New York", "NY", "36061", "New York")]
    [InlineData("90210", "Beverly Hills", "CA", "06037", "Los Angeles")]
    [InlineData("02108", "Boston", "MA", "25025", "Suffolk")]
    [InlineData("20001", "Washington", "DC", "11001", "District of Columbia")]
    [InlineData("99501", "Anchorage", "AK", "02020", "Anchorage Municipality")]
    public void GetZip_KnownZip_HasPlaceStateAndCounty(string zip, string place, string state, string countyFips, string countyName)
    {
        var info = Gazetteer.GetZip(zip);

        Assert.Equal(zip, info.Zip);
        Assert.Equal(place, info.PlaceName);
        Assert.Equal(state, info.State.Code);
        Assert.Equal(countyFips, info.County.Fips);
        Assert.Equal(countyName, info.County.Name);
        Assert.Same(info.State, info.County.State);
        Assert.Same(info, Gazetteer.GetZip(zip));
    }

    [Fact]
    public void GetZip_10001_IsInMidtownManhattan()
    {
        var location = Gazetteer.GetZip("10001").Location;

        Assert.Equal(new GeoPoint(40.7484, -73.9967), location);
        Assert.Equal("10001 New York, NY", Gazetteer.GetZip("10001").ToString());
    }

    [Theory]
    [InlineData("96898")] // Wake Island, filed under Hawaii by GeoNames
    [InlineData("96960")] // Majuro, Marshall Islands: a freely associated state
    [InlineData("96970")] // Ebeye, Marshall Islands
    [InlineData("96941")] // Pohnpei, Micronesia: a freely associated state, not in GeoNames' US file
    [InlineData("96940")] // Koror, Palau: likewise
    [InlineData("09001")] // an APO/FPO code
    public void TryGetZip_FreelyAssociatedStatesAndMilitaryCodes_AreNotInTheGazetteer(string zip)
    {
        Assert.False(Gazetteer.TryGetZip(zip, out var info));
        Assert.Null(info);
    }

    [Fact]
    public void GetZip_UnknownZip_ThrowsNamingTheZipAndWhy()
    {
        var ex = Assert.Throws<NhtrcValidationException>(() => Gazetteer.GetZip("00000"));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("zip", problem.Location);
        Assert.Contains("ZIP code 00000 is not in the gazetteer", ex.Message, StringComparison.Ordinal);
        Assert.Contains("the 50 states, DC and the territories", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1234")]
    [InlineData("123456")]
    [InlineData("1000A")]
    [InlineData("")]
    [InlineData(" 10001")]
    [InlineData("10001-1234")]
    public void GetZip_MalformedZip_ThrowsSayingFiveDigits(string zip)
    {
        Assert.False(Gazetteer.TryGetZip(zip, out _));
        var ex = Assert.Throws<NhtrcValidationException>(() => Gazetteer.GetZip(zip));

        Assert.Contains("expected exactly 5 digits", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetZip_FreeTextInTheZipField_IsNotEchoed()
    {
        var ex = Assert.Throws<NhtrcValidationException>(() => Gazetteer.GetZip("Jane Doe 555-0100"));

        Assert.DoesNotContain("Jane", ex.Message, StringComparison.Ordinal);
        Assert.Contains("a 17-character value", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetZip_Null_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => Gazetteer.GetZip(null!));
        Assert.False(Gazetteer.TryGetZip(null, out _));
    }

    [Fact]
    public void GetCounty_Manhattan_HasItsZipsAndACentroidInManhattan()
    {
        var county = Gazetteer.GetCounty("36061");

        Assert.Equal("New York", county.Name);
        Assert.Equal("NY", county.State.Code);
        Assert.Equal(Gazetteer.Zips.Count(z => z.County.Fips == "36061"), county.ZipCount);
        Assert.InRange(county.Centroid.Latitude, 40.70, 40.88);
        Assert.InRange(county.Centroid.Longitude, -74.02, -73.90);
        Assert.Equal("36061 New York, NY", county.ToString());
    }

    [Fact]
    public void GetCounty_UnknownOrMalformed_ThrowsNamingIt()
    {
        Assert.False(Gazetteer.TryGetCounty("36999", out _));
        var unknown = Assert.Throws<NhtrcValidationException>(() => Gazetteer.GetCounty("36999"));
        Assert.Contains("county 36999 is not in the gazetteer", unknown.Message, StringComparison.Ordinal);

        var malformed = Assert.Throws<NhtrcValidationException>(() => Gazetteer.GetCounty("3606"));
        Assert.Contains("'3606' is not a county FIPS code", malformed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CountiesIn_Delaware_IsItsThreeCountiesInFipsOrder()
    {
        var counties = Gazetteer.CountiesIn(UsState.GetByCode("DE"));

        Assert.Equal(["10001", "10003", "10005"], counties.Select(c => c.Fips));
        Assert.Equal(["Kent", "New Castle", "Sussex"], counties.Select(c => c.Name));
    }

    [Fact]
    public void CountyCentroid_IsTheSphericalMeanOfItsZips()
    {
        // Kent County, DE: with points this close the spherical mean matches the plain mean to ~1e-4 degrees.
        var county = Gazetteer.GetCounty("10001");
        var zips = Gazetteer.Zips.Where(z => z.County == county).ToList();

        Assert.Equal(zips.Average(z => z.Location.Latitude), county.Centroid.Latitude, 3);
        Assert.Equal(zips.Average(z => z.Location.Longitude), county.Centroid.Longitude, 3);
    }

    [Fact]
    public void StateCentroid_Kansas_IsInKansas()
    {
        var centroid = Gazetteer.GetStateCentroid(UsState.GetByCode("KS"));

        Assert.InRange(centroid.Latitude, 37.0, 40.0);
        Assert.InRange(centroid.Longitude, -102.05, -94.6);
    }

    [Fact]
    public void StateCentroid_EveryState_LiesWithinTheBoundsOfItsZips()
    {
        foreach (var state in UsState.All)
        {
            var points = Gazetteer.Zips.Where(z => z.State == state).Select(z => z.Location).ToList();
            Assert.True(Gazetteer.TryGetStateCentroid(state, out var centroid));
            Assert.InRange(centroid.Latitude, points.Min(p => p.Latitude), points.Max(p => p.Latitude) + 0.5);
            Assert.InRange(centroid.Longitude, points.Min(p => p.Longitude), points.Max(p => p.Longitude));
        }
    }
}
