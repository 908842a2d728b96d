namespace Nhtrc.Sdk.Referrals;

/// <summary>How precisely a <see cref="ReferralPlace"/> is known.</summary>
public enum ReferralPlaceKind
{
    /// <summary>A ZIP code.</summary>
    Zip = 1,

    /// <summary>A point (latitude and longitude).</summary>
    Point = 2,

    /// <summary>A county, anywhere in it.</summary>
    County = 3,

    /// <summary>A state, anywhere in it.</summary>
    State = 4,
}
