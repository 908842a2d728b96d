namespace Nhtrc.Sdk.ResponseTimes;

/// <summary>How much of the time allowed until the due time an unanswered request has used.</summary>
public enum SlaWarning
{
    /// <summary>Less than half, or answered, or nothing is allowed (an immediate due time).</summary>
    None = 0,

    /// <summary>At least half.</summary>
    HalfUsed = 1,

    /// <summary>At least three quarters.</summary>
    ThreeQuartersUsed = 2,
}
