namespace Nhtrc.Sdk.ResponseTimes;

/// <summary>Where a request stands against its deadline at an instant.</summary>
public enum SlaStatus
{
    /// <summary>Not answered; the target has not passed.</summary>
    Pending = 1,

    /// <summary>Answered by the (pause-adjusted) due time. <see cref="SlaState.TargetMet"/> says whether the target was met too.</summary>
    Met = 2,

    /// <summary>Not answered; the target has passed, the due time has not.</summary>
    PastTarget = 3,

    /// <summary>The due time passed before an answer (whether or not one came later).</summary>
    Breached = 4,
}
