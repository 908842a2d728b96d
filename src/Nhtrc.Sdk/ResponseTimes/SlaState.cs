using System.Globalization;
using System.Text.Json.Serialization;
using NodaTime;

namespace Nhtrc.Sdk.ResponseTimes;

/// <summary>
/// A request's response clock read at <see cref="At"/>. Amounts are in each target's own terms: elapsed time
/// for immediate and elapsed targets, open time on the business calendar for business targets; paused time
/// never counts. Immutable. As JSON: <see cref="SlaStateJson"/>, which <c>JsonSerializer.Serialize(state)</c> also
/// uses (through <see cref="SlaStateJsonConverter"/>).
/// </summary>
[JsonConverter(typeof(SlaStateJsonConverter))]
public sealed record SlaState
{
    // Built only by the SLA clock; internal setters keep `with` from making a state the clock could not.
    internal SlaState(ResponseDeadline deadline)
    {
        Deadline = deadline;
    }

    /// <summary>The instant the clock was read at.</summary>
    public Instant At { get; internal init; }

    /// <summary>The deadline the clock runs against.</summary>
    public ResponseDeadline Deadline { get; }

    /// <summary>Where the request stands.</summary>
    public SlaStatus Status { get; internal init; }

    /// <summary>True while the clock is paused at <see cref="At"/>.</summary>
    public bool IsPaused { get; internal init; }

    /// <summary>When the request was answered, if it was by <see cref="At"/>.</summary>
    public Instant? RespondedAt { get; internal init; }

    /// <summary>Whether the answer came by the pause-adjusted target; null while unanswered.</summary>
    public bool? TargetMet { get; internal init; }

    /// <summary>The time allowed from receipt to the target, in the target's terms.</summary>
    public Duration AllowedToTarget { get; internal init; }

    /// <summary>The time allowed from receipt to the due time, in the due time's terms.</summary>
    public Duration AllowedToDue { get; internal init; }

    /// <summary>What is left until the target, in its terms (negative: overdue by that much), counting up to the answer if there was one.</summary>
    public Duration RemainingToTarget { get; internal init; }

    /// <summary>What is left until the due time, in its terms (negative: overdue by that much), counting up to the answer if there was one.</summary>
    public Duration RemainingToDue { get; internal init; }

    /// <summary>The target moved later by the pauses; null while paused with time still left (it is not known yet).</summary>
    public Instant? EffectiveTargetBy { get; internal init; }

    /// <summary>The due time moved later by the pauses; null while paused with time still left.</summary>
    public Instant? EffectiveDueBy { get; internal init; }

    /// <summary>The warning level at <see cref="At"/>.</summary>
    public SlaWarning Warning { get; internal init; }

    /// <summary>When half of the time allowed to the due time is used (given no further pauses); null when unknown or nothing is allowed.</summary>
    public Instant? HalfUsedAt { get; internal init; }

    /// <summary>When three quarters of the time allowed to the due time is used (given no further pauses); null when unknown or nothing is allowed.</summary>
    public Instant? ThreeQuartersUsedAt { get; internal init; }

    /// <summary>Returns for example <c>PastTarget at 2026-07-07T15:00:00Z, 12h to due</c>; no personal data.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Status} at {At}{(IsPaused ? " (paused)" : string.Empty)}, {ResponseTarget.FormatDuration(RemainingToDue < Duration.Zero ? -RemainingToDue : RemainingToDue)} {(RemainingToDue < Duration.Zero ? "overdue" : "to due")}");
}
