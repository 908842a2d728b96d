using System.Globalization;

namespace Nhtrc.Sdk.Contacts;

/// <summary>
/// A WGS 84 point in decimal degrees, as a caller's approximate position (for example a cell-tower or
/// ZIP centroid). Equality is by value. The default value is 0,0 (a valid point in the Gulf of Guinea).
/// </summary>
public readonly record struct GeoPoint
{
    /// <summary>Creates a point.</summary>
    /// <exception cref="NhtrcValidationException">
    /// <paramref name="latitude"/> is not in [-90, 90] or <paramref name="longitude"/> not in [-180, 180] (or either is not finite).
    /// </exception>
    public GeoPoint(double latitude, double longitude)
    {
        var problems = new ProblemList();
        problems.Check(nameof(latitude), ContactRules.Latitude(latitude));
        problems.Check(nameof(longitude), ContactRules.Longitude(longitude));
        problems.ThrowIfAny("point");
        Latitude = latitude;
        Longitude = longitude;
    }

    /// <summary>Degrees north of the equator, from -90 to 90 inclusive.</summary>
    public double Latitude { get; }

    /// <summary>Degrees east of Greenwich, from -180 to 180 inclusive.</summary>
    public double Longitude { get; }

    /// <summary>Returns <c>latitude,longitude</c> in invariant culture, for example <c>29.76,-95.37</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Latitude},{Longitude}");
}
