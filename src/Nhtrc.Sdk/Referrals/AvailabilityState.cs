namespace Nhtrc.Sdk.Referrals;

/// <summary>Whether a service can be reached at a query's instant, as the availability factor saw it.</summary>
public enum AvailabilityState
{
    /// <summary>Open 24 hours a day, 7 days a week.</summary>
    AlwaysOpen = 1,

    /// <summary>Open by its calendar at the query's instant; <see cref="ScoreComponent.ClosesAt"/> says until when.</summary>
    OpenNow = 2,

    /// <summary>
    /// Closed by its calendar at the query's instant (an instant outside the calendar's supported years counts as
    /// closed); <see cref="ScoreComponent.OpensAt"/> says when it opens next, when known.
    /// </summary>
    ClosedNow = 3,
}
