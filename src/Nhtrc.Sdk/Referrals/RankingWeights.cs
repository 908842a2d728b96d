namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// The most points each soft factor gives; they add up to 100. How each factor scales between 0 and its
/// weight is described in docs/referrals.md ("Ranking"). Every factor's points are rounded to 0.01.
/// </summary>
public static class RankingWeights
{
    /// <summary>Distance: 25 points at 0 km, falling linearly to 0 at <see cref="DistanceHorizonKilometers"/>.</summary>
    public const double Distance = 25;

    /// <summary>The distance at which the distance factor reaches 0: 160 km (about 100 miles).</summary>
    public const double DistanceHorizonKilometers = 160;

    /// <summary>Locality: 15 for a ZIP code, 12 for a radius or county, 6 for a whole state, 0 for national.</summary>
    public const double Locality = 15;

    /// <summary>Language: 15 when the service lists the client's language (same primary language subtag).</summary>
    public const double Language = 15;

    /// <summary>Availability, urgent queries only: 15 for 24/7, 10 for open at the query instant, 0 for closed.</summary>
    public const double Availability = 15;

    /// <summary>Warm transfer: 5 when accepted.</summary>
    public const double WarmTransfer = 5;

    /// <summary>Freshness: 10 when verified on the query's date, falling linearly to 0 at <see cref="FreshnessHorizonDays"/>.</summary>
    public const double Freshness = 10;

    /// <summary>The age of a verification at which freshness reaches 0: 730 days.</summary>
    public const int FreshnessHorizonDays = 730;

    /// <summary>Needs covered, several needs only: 10 x (needs covered - 1) / (needs - 1).</summary>
    public const double NeedsCovered = 10;

    /// <summary>Capacity: 5 when accepting, 2 on a waitlist, 0 when full.</summary>
    public const double Capacity = 5;
}
