using System;

namespace Nhtrc.Sdk.Geography;

/// <summary>
/// Great-circle distance on a sphere of the mean Earth radius, by the haversine formula. The Earth is
/// not a sphere, so results differ from ellipsoidal (Vincenty) distances by up to about 0.5%; that is
/// far below what matters for referrals. Results are exactly symmetric and exactly zero between equal points.
/// </summary>
public static class GreatCircle
{
    /// <summary>The IUGG mean Earth radius R1 = (2a + b) / 3, in kilometres: 6371.0088.</summary>
    public const double MeanEarthRadiusKilometers = 6371.0088;

    /// <summary>Kilometres in one international statute mile: 1.609344.</summary>
    public const double KilometersPerMile = 1.609344;

    /// <summary>The distance in kilometres between two points, from 0 to half the circumference (about 20015 km).</summary>
    public static double DistanceKilometers(GeoPoint from, GeoPoint to) => Haversine(new Endpoint(from), new Endpoint(to));

    /// <summary>As <see cref="DistanceKilometers(GeoPoint, GeoPoint)"/>, from a point prepared once for many distances.</summary>
    internal static double DistanceKilometersFrom(in Endpoint from, GeoPoint to) => Haversine(from, new Endpoint(to));

    // The one haversine: every distance, prepared or not, is this arithmetic on the same numbers.
    private static double Haversine(in Endpoint from, in Endpoint to)
    {
        // Absolute differences make the result bit-for-bit symmetric whatever the sine's rounding.
        var sinHalfDLat = Math.Sin(Math.Abs(to.LatitudeRadians - from.LatitudeRadians) / 2);
        var sinHalfDLon = Math.Sin(ToRadians(Math.Abs(to.Longitude - from.Longitude)) / 2);
        var h = (sinHalfDLat * sinHalfDLat) + (from.CosLatitude * to.CosLatitude * sinHalfDLon * sinHalfDLon);

        // Rounding can push h a hair past 1 for near-antipodal points; asin would then return NaN.
        return 2 * MeanEarthRadiusKilometers * Math.Asin(Math.Sqrt(Math.Min(h, 1.0)));
    }

    /// <summary>The distance in statute miles between two points: <see cref="DistanceKilometers"/> divided by <see cref="KilometersPerMile"/>.</summary>
    public static double DistanceMiles(GeoPoint from, GeoPoint to) => DistanceKilometers(from, to) / KilometersPerMile;

    internal static double ToRadians(double degrees) => degrees * (Math.PI / 180.0);

    /// <summary>
    /// One end of a distance with its latitude's radians and cosine worked out, so that measuring from one
    /// point to many (every candidate of a referral query) does that once.
    /// </summary>
    internal readonly struct Endpoint(GeoPoint point)
    {
        public double LatitudeRadians { get; } = ToRadians(point.Latitude);

        public double CosLatitude { get; } = Math.Cos(ToRadians(point.Latitude));

        public double Longitude { get; } = point.Longitude;
    }
}
