namespace Nhtrc.Sdk.Geography;

/// <summary>A ZIP code found by <see cref="Gazetteer.NearestZips"/> with its distance from the query point.</summary>
public sealed record NearbyZip
{
    internal NearbyZip(ZipCodeInfo zip, double distanceKilometers)
    {
        Zip = zip;
        DistanceKilometers = distanceKilometers;
    }

    /// <summary>The ZIP code.</summary>
    public ZipCodeInfo Zip { get; }

    /// <summary>The great-circle distance from the query point to <c>Zip.Location</c>, as <see cref="GreatCircle.DistanceKilometers"/> computes it.</summary>
    public double DistanceKilometers { get; }

    /// <summary>Returns the ZIP code and distance, for example <c>10001 New York, NY: 1.2 km</c>.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Zip}: {DistanceKilometers:0.###} km");
}
