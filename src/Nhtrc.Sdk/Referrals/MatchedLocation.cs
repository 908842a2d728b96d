using Nhtrc.Sdk.Geography;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// A location of a matched service as the query's audience may see it: for a confidential location in a
/// public result, <see cref="StreetAddress"/>, <see cref="Zip"/> and <see cref="Point"/> are null, and
/// <see cref="DistanceKilometers"/> is to the centre of its grid cell (see <see cref="ReferralAudience.Public"/>);
/// the city and state remain.
/// </summary>
public sealed record MatchedLocation
{
    internal MatchedLocation(ServiceLocation location, double? distanceKilometers, bool withhold)
    {
        Name = location.Name;
        City = location.City;
        State = location.State;
        IsConfidential = location.IsConfidential;
        DistanceKilometers = distanceKilometers;
        StreetAddress = withhold ? null : location.StreetAddress;
        Zip = withhold ? null : location.Zip?.Zip;
        Point = withhold ? null : location.Point;
    }

    /// <summary>The site's name; may be null.</summary>
    public string? Name { get; }

    /// <summary>The city or place.</summary>
    public string City { get; }

    /// <summary>The state.</summary>
    public UsState State { get; }

    /// <summary>True when the address is confidential (a shelter).</summary>
    public bool IsConfidential { get; }

    /// <summary>
    /// Great-circle kilometres from the query's place (for a confidential location in a public result, to the centre of
    /// its grid cell); null for a whole-state query.
    /// </summary>
    public double? DistanceKilometers { get; }

    /// <summary>The street address; null when withheld from the public or not known.</summary>
    public string? StreetAddress { get; }

    /// <summary>The ZIP code; null when withheld from the public or not known.</summary>
    public string? Zip { get; }

    /// <summary>The coordinates; null when withheld from the public.</summary>
    public GeoPoint? Point { get; }

    /// <summary>Returns the city and state, never the address, for example <c>Austin, TX</c>.</summary>
    public override string ToString() => $"{City}, {State.Code}";
}
