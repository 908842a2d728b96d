using System;
using Nhtrc.Sdk.Geography;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// The grid a confidential location is coarsened to before anything about it reaches the public (docs/referrals.md,
/// "Confidential locations"): bands of <see cref="BandDegrees"/> of latitude (about 11.1 km), each cut into equal cells
/// of at least <see cref="BandDegrees"/> of latitude's length east to west, so every cell is about 11 km by 11 km (a
/// little wider where the band does not divide evenly). A public result measures distances to a confidential location,
/// and tests a radius area of a service that has one, from the centre of its cell, so it is the same wherever in the
/// cell the location lies. The grid wraps at the antimeridian (longitude 180 is -180) and ends at the poles.
/// </summary>
internal static class ConfidentialGrid
{
    /// <summary>The height of a band of latitude: 0.1 degree, about 11.1 km.</summary>
    public const double BandDegrees = 0.1;

    private const int Bands = 1800;

    /// <summary>The centre of the cell holding <paramref name="point"/>.</summary>
    public static GeoPoint CellCenter(GeoPoint point)
    {
        var band = Math.Clamp((int)Math.Floor((point.Latitude + 90) / BandDegrees), 0, Bands - 1);
        var latitude = -90 + ((band + 0.5) * BandDegrees);
        var cells = CellsIn(latitude);
        var step = 360.0 / cells;
        var cell = (int)Math.Floor((point.Longitude + 180) / step);
        cell = ((cell % cells) + cells) % cells;
        var longitude = -180 + ((cell + 0.5) * step);
        return new GeoPoint(Math.Round(latitude, 6), Math.Round(longitude, 6));
    }

    // As many whole cells as fit in the band's circumference at its centre line, each at least a band high.
    private static int CellsIn(double latitude) =>
        Math.Max(1, (int)Math.Floor(360 * Math.Cos(latitude * Math.PI / 180) / BandDegrees));
}
