namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// A gender a service serves, or the client's. JSON ids: <c>female</c>, <c>male</c>, <c>nonBinary</c>.
/// Transgender clients are matched by their gender.
/// </summary>
public enum Gender
{
    /// <summary>Female.</summary>
    Female = 1,

    /// <summary>Male.</summary>
    Male = 2,

    /// <summary>Non-binary.</summary>
    NonBinary = 3,
}
