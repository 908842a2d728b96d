using System;
using System.Globalization;
using Nhtrc.Sdk.Geography;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// A disc on the Earth's surface: every place within <see cref="RadiusKilometers"/> great-circle
/// kilometres of <see cref="Center"/> (inclusive). Equality compares both values exactly.
/// </summary>
public readonly record struct RadiusArea
{
    /// <summary>The largest radius accepted, in kilometres: 5000 (about the width of the contiguous US).</summary>
    public const double MaximumKilometers = 5000;

    /// <summary>Creates a disc.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="radiusKilometers"/> is not a finite number above 0 and at most <see cref="MaximumKilometers"/>.</exception>
    public RadiusArea(GeoPoint center, double radiusKilometers)
    {
        if (!IsValidRadius(radiusKilometers))
        {
            throw new ArgumentOutOfRangeException(nameof(radiusKilometers), radiusKilometers, RadiusMessage);
        }

        Center = center;
        RadiusKilometers = radiusKilometers;
    }

    /// <summary>The centre.</summary>
    public GeoPoint Center { get; }

    /// <summary>The radius in kilometres, above 0 and at most <see cref="MaximumKilometers"/>.</summary>
    public double RadiusKilometers { get; }

    /// <summary>True when <paramref name="point"/> is within the radius of the centre.</summary>
    public bool Contains(GeoPoint point) => GreatCircle.DistanceKilometers(Center, point) <= RadiusKilometers;

    /// <summary>Returns for example <c>50 km around 40.7, -74</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{RadiusKilometers:0.###} km around {Center}");

    internal const string RadiusMessage = "must be a number of kilometres above 0 and at most 5000.";

    internal static bool IsValidRadius(double km) => km is > 0 and <= MaximumKilometers;
}
