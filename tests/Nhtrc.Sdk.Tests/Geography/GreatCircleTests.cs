using System;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Geography;

namespace Nhtrc.Sdk.Tests.Geography;

public class GreatCircleTests
{
    private const double HalfCircumferenceKilometers = Math.PI * GreatCircle.MeanEarthRadiusKilometers;

    private static readonly GeoPoint NewYork = new(40.7128, -74.0060);
    private static readonly GeoPoint LosAngeles = new(34.0522, -118.2437);

    [Fact]
    public void DistanceKilometers_NewYorkToLosAngeles_IsAbout3936Km()
    {
        var km = GreatCircle.DistanceKilometers(NewYork, LosAngeles);

        Assert.InRange(km, 3936 * 0.99, 3936 * 1.01);
    }

    [Fact]
    public void DistanceMiles_NewYorkToLosAngeles_IsAbout2446Miles()
    {
        var miles = GreatCircle.DistanceMiles(NewYork, LosAngeles);

        Assert.InRange(miles, 2446 * 0.99, 2446 * 1.01);
        Assert.Equal(GreatCircle.DistanceKilometers(NewYork, LosAngeles) / 1.609344, miles);
    }

    [Fact]
    public void DistanceKilometers_OneDegreeOfLongitudeAtTheEquator_IsRadiusTimesOneDegreeInRadians()
    {
        var km = GreatCircle.DistanceKilometers(new GeoPoint(0, 0), new GeoPoint(0, 1));

        Assert.Equal(6371.0088 * Math.PI / 180, km, 9);
    }

    [Fact]
    public void DistanceKilometers_AcrossTheAntimeridian_TakesTheShortWay()
    {
        var km = GreatCircle.DistanceKilometers(new GeoPoint(0, 179.5), new GeoPoint(0, -179.5));

        Assert.Equal(6371.0088 * Math.PI / 180, km, 9);
    }

    [Fact]
    public void DistanceKilometers_PoleToPole_IsHalfTheCircumference()
    {
        var km = GreatCircle.DistanceKilometers(new GeoPoint(90, 0), new GeoPoint(-90, 123));

        Assert.Equal(HalfCircumferenceKilometers, km, 9);
    }

    [Property]
    public Property Distance_IsSymmetric() =>
        Prop.ForAll(GeoGenerators.TwoPoints, p =>
            GreatCircle.DistanceKilometers(p.A, p.B) == GreatCircle.DistanceKilometers(p.B, p.A));

    [Property]
    public Property DistanceFromAPreparedEndpoint_IsTheDistance_EitherWay() =>
        Prop.ForAll(GeoGenerators.TwoPoints, p =>
        {
            var from = new GreatCircle.Endpoint(p.A);
            var km = GreatCircle.DistanceKilometers(p.A, p.B);
            return GreatCircle.DistanceKilometersFrom(from, p.B) == km && GreatCircle.DistanceKilometers(p.B, p.A) == km;
        });

    [Property]
    public Property Distance_ToItself_IsZero() =>
        Prop.ForAll(GeoGenerators.AnyPoint, p => GreatCircle.DistanceKilometers(p, p) == 0.0);

    [Property]
    public Property Distance_IsBetweenZeroAndHalfTheCircumference() =>
        Prop.ForAll(GeoGenerators.TwoPoints, p =>
        {
            var km = GreatCircle.DistanceKilometers(p.A, p.B);
            return km >= 0 && km <= HalfCircumferenceKilometers + 1e-9;
        });

    [Property]
    public Property Distance_SatisfiesTheTriangleInequality() =>
        Prop.ForAll(GeoGenerators.ThreePoints, p =>
            GreatCircle.DistanceKilometers(p.A, p.C)
                <= GreatCircle.DistanceKilometers(p.A, p.B) + GreatCircle.DistanceKilometers(p.B, p.C) + 1e-3);

    [Property]
    public Property DistanceMiles_IsKilometersOverKilometersPerMile() =>
        Prop.ForAll(GeoGenerators.TwoPoints, p =>
            GreatCircle.DistanceMiles(p.A, p.B) == GreatCircle.DistanceKilometers(p.A, p.B) / GreatCircle.KilometersPerMile);
}
