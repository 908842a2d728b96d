using Nhtrc.Sdk.Geography;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// A place where a service is delivered. When <see cref="IsConfidential"/> (a shelter), the street address, ZIP code
/// and point never appear in results meant for the public, and what depends on the point (distance, ranking) is
/// computed there from the centre of its grid cell, about 11 km by 11 km; the city and state are shown, so list a city
/// you are willing to publish (see <see cref="ReferralAudience.Public"/>).
/// </summary>
public sealed class ServiceLocation
{
    /// <summary>A name for the site, for example <c>Downtown office</c>; may be null.</summary>
    public string? Name { get; init; }

    /// <summary>The street address; may be null. Confidential when <see cref="IsConfidential"/>.</summary>
    public string? StreetAddress { get; init; }

    /// <summary>The city or place name.</summary>
    public required string City { get; init; }

    /// <summary>The state.</summary>
    public required UsState State { get; init; }

    /// <summary>The ZIP code; may be null.</summary>
    public ZipCodeInfo? Zip { get; init; }

    /// <summary>The coordinates, used for distances. Confidential when <see cref="IsConfidential"/>.</summary>
    public required GeoPoint Point { get; init; }

    /// <summary>True when the address and point must not be shown to the public.</summary>
    public bool IsConfidential { get; init; }

    /// <summary>Returns the city and state only (never the address), for example <c>Austin, TX</c>.</summary>
    public override string ToString() => $"{City}, {State.Code}";
}
