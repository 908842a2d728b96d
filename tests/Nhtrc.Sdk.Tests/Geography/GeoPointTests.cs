using System;
using Nhtrc.Sdk.Geography;

namespace Nhtrc.Sdk.Tests.Geography;

public class GeoPointTests
{
    [Theory]
    [InlineData(-90.0, -180.0)]
    [InlineData(90.0, 180.0)]
    [InlineData(0.0, 0.0)]
    [InlineData(40.7484, -73.9967)]
    public void Constructor_InRange_KeepsCoordinates(double latitude, double longitude)
    {
        var point = new GeoPoint(latitude, longitude);

        Assert.Equal(latitude, point.Latitude);
        Assert.Equal(longitude, point.Longitude);
    }

    [Theory]
    [InlineData(90.0000001)]
    [InlineData(-90.0000001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Constructor_BadLatitude_Throws(double latitude)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new GeoPoint(latitude, 0));
        Assert.Equal("latitude", ex.ParamName);
    }

    [Theory]
    [InlineData(180.0000001)]
    [InlineData(-180.0000001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Constructor_BadLongitude_Throws(double longitude)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new GeoPoint(0, longitude));
        Assert.Equal("longitude", ex.ParamName);
    }

    [Fact]
    public void Equality_ComparesBothCoordinatesExactly()
    {
        var a = new GeoPoint(40.7484, -73.9967);

        Assert.Equal(a, new GeoPoint(40.7484, -73.9967));
        Assert.True(a == new GeoPoint(40.7484, -73.9967));
        Assert.Equal(a.GetHashCode(), new GeoPoint(40.7484, -73.9967).GetHashCode());
        Assert.True(a != new GeoPoint(40.7484, -73.9966));
        Assert.NotEqual(new GeoPoint(0, 180), new GeoPoint(0, -180));
        Assert.Equal(default, new GeoPoint(0, 0));
    }

    [Fact]
    public void ToString_IsInvariantLatitudeThenLongitude()
    {
        Assert.Equal("40.7484, -73.9967", new GeoPoint(40.7484, -73.9967).ToString());
    }
}
