using System;

namespace Nhtrc.Sdk.Geography;

/// <summary>
/// Averages points as unit vectors, so a set straddling the antimeridian averages near it instead of
/// near Greenwich, and the result is the point on the sphere nearest the centre of mass.
/// </summary>
internal struct SphericalMean
{
    private double _x;
    private double _y;
    private double _z;
    private GeoPoint _first;

    public int Count { get; private set; }

    public void Add(GeoPoint point) => Add(point, UnitVector.From(point));

    /// <summary>Adds <paramref name="point"/>, whose unit vector <paramref name="v"/> the caller already has.</summary>
    public void Add(GeoPoint point, UnitVector v)
    {
        if (Count == 0)
        {
            _first = point;
        }

        _x += v.X;
        _y += v.Y;
        _z += v.Z;
        Count++;
    }

    /// <summary>
    /// The mean point; the first point added when the vectors cancel out (antipodal points), where no
    /// mean exists. Only meaningful when <see cref="Count"/> is positive.
    /// </summary>
    public readonly GeoPoint Result()
    {
        var horizontal = Math.Sqrt((_x * _x) + (_y * _y));
        if (horizontal + Math.Abs(_z) < 1e-9 * Count)
        {
            return _first;
        }

        var latitude = Math.Atan2(_z, horizontal) * (180.0 / Math.PI);
        var longitude = Math.Atan2(_y, _x) * (180.0 / Math.PI);
        return new GeoPoint(Math.Clamp(latitude, -90.0, 90.0), Math.Clamp(longitude, -180.0, 180.0));
    }
}
