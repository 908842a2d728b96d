using Nhtrc.Sdk.ResponseTimes;
using NodaTime;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// What a test expects of an SLA clock at an instant, for <see cref="SlaAssert.ClockAt"/>: only the members set are
/// checked, so a test states as much or as little as it means. Durations are in each target's own terms (business
/// time for business targets), as <see cref="SlaState"/> reports them.
/// </summary>
public sealed class ExpectedSlaState
{
    /// <summary>The status expected, or null not to check it.</summary>
    public SlaStatus? Status { get; init; }

    /// <summary>Whether the clock is expected to be paused, or null not to check it.</summary>
    public bool? IsPaused { get; init; }

    /// <summary>Whether the answer is expected to have come by the effective target, or null not to check it.</summary>
    public bool? TargetMet { get; init; }

    /// <summary>The time expected to be left to the target (negative: overdue), or null not to check it.</summary>
    public Duration? RemainingToTarget { get; init; }

    /// <summary>The time expected to be left to the due time (negative: overdue), or null not to check it.</summary>
    public Duration? RemainingToDue { get; init; }

    /// <summary>The pause-adjusted target expected, or null not to check it.</summary>
    public Instant? EffectiveTargetBy { get; init; }

    /// <summary>The pause-adjusted due time expected, or null not to check it.</summary>
    public Instant? EffectiveDueBy { get; init; }

    /// <summary>The warning expected, or null not to check it.</summary>
    public SlaWarning? Warning { get; init; }
}
