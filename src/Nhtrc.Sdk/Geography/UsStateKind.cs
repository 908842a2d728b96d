namespace Nhtrc.Sdk.Geography;

/// <summary>What kind of place a <see cref="UsState"/> is.</summary>
public enum UsStateKind
{
    /// <summary>One of the 50 states.</summary>
    State = 1,

    /// <summary>The District of Columbia.</summary>
    FederalDistrict = 2,

    /// <summary>
    /// One of the five inhabited territories: American Samoa, Guam, the Northern Mariana Islands, Puerto Rico and the
    /// U.S. Virgin Islands.
    /// </summary>
    Territory = 3,
}
