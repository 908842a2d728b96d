namespace Nhtrc.Sdk.Referrals;

/// <summary>A soft factor of the ranking; its weight is in <see cref="RankingWeights"/>.</summary>
public enum ReferralFactor
{
    /// <summary>How near the nearest location is.</summary>
    Distance = 1,

    /// <summary>How local the coverage is: a ZIP code before a county before a state before national.</summary>
    Locality = 2,

    /// <summary>Whether the service offers the client's language.</summary>
    Language = 3,

    /// <summary>For urgent queries, whether the service is 24/7 or open now.</summary>
    Availability = 4,

    /// <summary>Whether the service accepts warm transfers.</summary>
    WarmTransfer = 5,

    /// <summary>How recently the entry was verified, relative to the query's instant.</summary>
    Freshness = 6,

    /// <summary>For several needs, how many of them the service covers.</summary>
    NeedsCovered = 7,

    /// <summary>Whether the service is accepting, wait-listing or full.</summary>
    Capacity = 8,
}
