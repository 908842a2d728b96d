namespace Nhtrc.Sdk.Referrals;

/// <summary>The points one factor gave a match, out of its weight, and why, in words an advocate can read.</summary>
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

    /// <summary>Why, for example <c>12.3 km away</c> or <c>open 24/7</c>.</summary>
    public string Reason { get; }

    /// <summary>Returns for example <c>Distance 17.5/25: 12.3 km away</c>.</summary>
    public override string ToString() => string.Concat(Factor.ToString(), " ", NumberText.Points(Points), "/", NumberText.Points(MaxPoints), ": ", Reason);
}
