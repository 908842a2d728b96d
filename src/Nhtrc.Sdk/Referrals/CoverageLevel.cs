namespace Nhtrc.Sdk.Referrals;

/// <summary>The most local way a service's area covers the query's place; smaller is more local.</summary>
public enum CoverageLevel
{
    /// <summary>A ZIP code of the area is the place's (or, for a county or state place, lies in it).</summary>
    Zip = 1,

    /// <summary>A radius of the area reaches the place (for a state place: its centre is in the state).</summary>
    Radius = 2,

    /// <summary>A county of the area is the place's (or, for a state place, lies in it).</summary>
    County = 3,

    /// <summary>The area includes the place's whole state.</summary>
    State = 4,

    /// <summary>The service is national.</summary>
    National = 5,
}
