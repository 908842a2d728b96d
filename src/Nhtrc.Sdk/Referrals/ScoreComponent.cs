using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using NodaTime;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// The points one factor gave a match, out of its weight, and why: in English words an advocate can read
/// (<see cref="Reason"/>), and as data an application can word in its own language (the facts, each set only for
/// the factor it belongs to and null for the others; docs/referrals.md, "Ranking factors as data").
/// </summary>
public sealed record ScoreComponent
{
    internal ScoreComponent(ReferralFactor factor, double points, double maxPoints, string reason)
    {
        Factor = factor;
        Points = points;
        MaxPoints = maxPoints;
        Reason = reason;
    }

    /// <summary>The factor.</summary>
    public ReferralFactor Factor { get; }

    /// <summary>The points given, from 0 to <see cref="MaxPoints"/>, rounded to 0.01.</summary>
    public double Points { get; }

    /// <summary>The factor's weight (see <see cref="RankingWeights"/>).</summary>
    public double MaxPoints { get; }

    /// <summary>Why, in English, for example <c>12.3 km away</c> or <c>open 24/7</c>; the facts below say the same as data.</summary>
    public string Reason { get; }

    /// <summary>
    /// False when the factor did not apply to the query, so gave no points whatever the service: distance for a
    /// whole-state place or a service without locations, language when none was asked for, availability for a
    /// query that is not urgent, needs covered for a single need. True otherwise.
    /// </summary>
    public bool IsScored { get; internal init; } = true;

    /// <summary>
    /// <see cref="ReferralFactor.Distance"/>: the great-circle kilometres to the nearest location, rounded to 0.1
    /// (as in <see cref="Reason"/>; for a confidential location in a public result, to its grid cell's centre);
    /// null when not measured.
    /// </summary>
    public double? DistanceKilometers { get; internal init; }

    /// <summary><see cref="ReferralFactor.Distance"/>: the nearest location's city; null when no distance was measured.</summary>
    public string? NearestCity { get; internal init; }

    /// <summary><see cref="ReferralFactor.Distance"/>: the nearest location's state; null when no distance was measured.</summary>
    public UsState? NearestState { get; internal init; }

    /// <summary>
    /// <see cref="ReferralFactor.Locality"/>: how the service's area covers the query's place (the place itself is
    /// the query's); null for the other factors.
    /// </summary>
    public CoverageLevel? Coverage { get; internal init; }

    /// <summary><see cref="ReferralFactor.Language"/>: the language asked for; null when none was (or for the other factors).</summary>
    public LanguageTag? Language { get; internal init; }

    /// <summary><see cref="ReferralFactor.Language"/>: whether the service offers <see cref="Language"/>; null when none was asked for.</summary>
    public bool? LanguageOffered { get; internal init; }

    /// <summary><see cref="ReferralFactor.Availability"/>: 24/7, open or closed at the query's instant, scored or not.</summary>
    public AvailabilityState? Availability { get; internal init; }

    /// <summary>
    /// <see cref="ReferralFactor.Availability"/> when <see cref="AvailabilityState.OpenNow"/>: when the current open
    /// period ends, in the service calendar's zone (its local time and offset); null when unknown.
    /// </summary>
    public ZonedDateTime? ClosesAt { get; internal init; }

    /// <summary>
    /// <see cref="ReferralFactor.Availability"/> when <see cref="AvailabilityState.ClosedNow"/>: when the service opens
    /// next, in the service calendar's zone; null when it never opens again within the calendar's supported years.
    /// </summary>
    public ZonedDateTime? OpensAt { get; internal init; }

    /// <summary><see cref="ReferralFactor.WarmTransfer"/>: whether the service accepts warm transfers.</summary>
    public bool? AcceptsWarmTransfers { get; internal init; }

    /// <summary><see cref="ReferralFactor.Freshness"/>: the date the entry was last verified.</summary>
    public LocalDate? LastVerified { get; internal init; }

    /// <summary>
    /// <see cref="ReferralFactor.Freshness"/>: whole days from <see cref="LastVerified"/> to the query's UTC date,
    /// 0 for a verification on or after it.
    /// </summary>
    public int? DaysSinceVerified { get; internal init; }

    /// <summary><see cref="ReferralFactor.NeedsCovered"/>: how many of the query's needs the service covers.</summary>
    public int? NeedsCovered { get; internal init; }

    /// <summary><see cref="ReferralFactor.NeedsCovered"/>: how many needs the query asked for.</summary>
    public int? NeedsAsked { get; internal init; }

    /// <summary><see cref="ReferralFactor.Capacity"/>: whether the service is accepting, wait-listing or full.</summary>
    public Capacity? Capacity { get; internal init; }

    /// <summary>Returns for example <c>Distance 17.5/25: 12.3 km away</c>.</summary>
    public override string ToString() => string.Concat(Factor.ToString(), " ", NumberText.Points(Points), "/", NumberText.Points(MaxPoints), ": ", Reason);
}
