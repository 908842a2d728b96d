using System;

namespace Nhtrc.Sdk.Geography;

/// <summary>A point on the unit sphere in Earth-centred coordinates; straight-line distance grows with great-circle distance.</summary>
internal readonly record struct UnitVector(double X, double Y, double Z)
{
    public static UnitVector From(GeoPoint point)
    {
        var lat = GreatCircle.ToRadians(point.Latitude);
        var lon = GreatCircle.ToRadians(point.Longitude);
        var cosLat = Math.Cos(lat);
        return new UnitVector(cosLat * Math.Cos(lon), cosLat * Math.Sin(lon), Math.Sin(lat));
    }
}
