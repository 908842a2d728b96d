using System;
using System.Globalization;

namespace Nhtrc.Sdk.Geography;

/// <summary>
/// A point on the Earth's surface as WGS84 latitude and longitude in degrees. Equality compares the two
/// numbers exactly, so longitudes 180 and -180 are different values for the same meridian. The default
/// value is latitude 0, longitude 0.
/// </summary>
public readonly struct GeoPoint : IEquatable<GeoPoint>
{
    /// <summary>Creates a point.</summary>
    /// <param name="latitude">Degrees north, from -90 to 90 inclusive.</param>
    /// <param name="longitude">Degrees east, from -180 to 180 inclusive.</param>
    /// <exception cref="ArgumentOutOfRangeException">
    /// Either value is outside its range, NaN or infinite.
    /// </exception>
    public GeoPoint(double latitude, double longitude)
    {
        if (!IsValidLatitude(latitude))
        {
            throw new ArgumentOutOfRangeException(nameof(latitude), latitude, "Latitude must be a finite number of degrees from -90 to 90.");
        }

        if (!IsValidLongitude(longitude))
        {
            throw new ArgumentOutOfRangeException(nameof(longitude), longitude, "Longitude must be a finite number of degrees from -180 to 180.");
        }

        Latitude = latitude;
        Longitude = longitude;
    }

    /// <summary>Degrees north of the equator, from -90 to 90 inclusive.</summary>
    public double Latitude { get; }

    /// <summary>Degrees east of Greenwich, from -180 to 180 inclusive.</summary>
    public double Longitude { get; }

    /// <summary>True when both coordinates are exactly equal.</summary>
    public static bool operator ==(GeoPoint left, GeoPoint right) => left.Equals(right);

    /// <summary>True when either coordinate differs.</summary>
    public static bool operator !=(GeoPoint left, GeoPoint right) => !left.Equals(right);

    /// <summary>True when both coordinates are exactly equal.</summary>
    public bool Equals(GeoPoint other) => Latitude.Equals(other.Latitude) && Longitude.Equals(other.Longitude);

    /// <summary>True when <paramref name="obj"/> is a <see cref="GeoPoint"/> with exactly equal coordinates.</summary>
    public override bool Equals(object? obj) => obj is GeoPoint other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Latitude, Longitude);

    /// <summary>Returns <c>latitude, longitude</c> in invariant culture, for example <c>40.7484, -73.9967</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Latitude}, {Longitude}");

    internal static bool IsValidLatitude(double latitude) => latitude is >= -90.0 and <= 90.0;

    internal static bool IsValidLongitude(double longitude) => longitude is >= -180.0 and <= 180.0;
}
