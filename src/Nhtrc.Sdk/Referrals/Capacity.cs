namespace Nhtrc.Sdk.Referrals;

/// <summary>Whether a service is taking new clients. JSON ids: <c>accepting</c>, <c>waitlist</c>, <c>full</c>.</summary>
public enum Capacity
{
    /// <summary>Taking new clients now.</summary>
    Accepting = 1,

    /// <summary>Taking new clients onto a waiting list.</summary>
    Waitlist = 2,

    /// <summary>Not taking new clients.</summary>
    Full = 3,
}
