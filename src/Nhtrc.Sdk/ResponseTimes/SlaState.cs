using System.Globalization;
using NodaTime;

namespace Nhtrc.Sdk.ResponseTimes;

/// <summary>
/// A request's response clock read at <see cref="At"/>. Amounts are in each target's own terms: elapsed time
/// for immediate and elapsed targets, open time on the business calendar for business targets; paused time
/// never counts. Immutable.
/// </summary>
public sealed record SlaState
{
    /// <summary>The instant the clock was read at.</summary>
    public required Instant At { get; init; }

    /// <summary>The deadline the clock runs against.</summary>
    public required ResponseDeadline Deadline { get; init; }

    /// <summary>Where the request stands.</summary>
    public required SlaStatus Status { get; init; }

    /// <summary>True while the clock is paused at <see cref="At"/>.</summary>
    public required bool IsPaused { get; init; }

    /// <summary>When the request was answered, if it was by <see cref="At"/>.</summary>
    public required Instant? RespondedAt { get; init; }

    /// <summary>Whether the answer came by the pause-adjusted target; null while unanswered.</summary>
    public required bool? TargetMet { get; init; }

    /// <summary>The time allowed from receipt to the target, in the target's terms.</summary>
    public required Duration AllowedToTarget { get; init; }

    /// <summary>The time allowed from receipt to the due time, in the due time's terms.</summary>
    public required Duration AllowedToDue { get; init; }

    /// <summary>What is left until the target, in its terms (negative: overdue by that much), counting up to the answer if there was one.</summary>
    public required Duration RemainingToTarget { get; init; }

    /// <summary>What is left until the due time, in its terms (negative: overdue by that much), counting up to the answer if there was one.</summary>
    public required Duration RemainingToDue { get; init; }

    /// <summary>The target moved later by the pauses; null while paused with time still left (it is not known yet).</summary>
    public required Instant? EffectiveTargetBy { get; init; }

    /// <summary>The due time moved later by the pauses; null while paused with time still left.</summary>
    public required Instant? EffectiveDueBy { get; init; }

    /// <summary>The warning level at <see cref="At"/>.</summary>
    public required SlaWarning Warning { get; init; }

    /// <summary>When half of the time allowed to the due time is used (given no further pauses); null when unknown or nothing is allowed.</summary>
    public required Instant? HalfUsedAt { get; init; }

    /// <summary>When three quarters of the time allowed to the due time is used (given no further pauses); null when unknown or nothing is allowed.</summary>
    public required Instant? ThreeQuartersUsedAt { get; init; }

    /// <summary>Returns for example <c>PastTarget at 2026-07-07T15:00:00Z, 12h to due</c>; no personal data.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Status} at {At}{(IsPaused ? " (paused)" : string.Empty)}, {ResponseTarget.FormatDuration(RemainingToDue < Duration.Zero ? -RemainingToDue : RemainingToDue)} {(RemainingToDue < Duration.Zero ? "overdue" : "to due")}");
}
