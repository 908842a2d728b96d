using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Testing;
using NodaTime;

namespace Nhtrc.Sdk.Tests.ResponseTimes;

/// <summary>
/// The SLA clock against a naive reference: the documented semantics (running time is the time between receipt or a
/// resume and the next pause or the answer, in each target's own terms; a pause-adjusted instant is the first at which
/// the running time reaches what is allowed) computed segment by segment on the minute-by-minute model of the default
/// policy's calendar. Up to 24 pauses, so that clocks with more closed segments than the clock keeps on the stack are
/// covered too.
/// </summary>
public sealed class SlaClockPropertyTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly NaiveBusinessCalendar Naive = DefaultPolicyPropertyTests.BuildNaive();

    // The package's SLA event sequences under the default policy: receipts in 2026-2027 biased to the calendar's
    // dangerous places, up to 49 pause and resume events, perhaps a response, a reading up to three days later.
    public static Arbitrary<SlaScenario> Cases() => NhtrcGenerators.SlaScenarios(ResponsePolicy.NhtrcDefault);

    [Property(Arbitrary = [typeof(SlaClockPropertyTests)], MaxTest = 150)]
    public bool Evaluate_MatchesTheNaiveReference(SlaScenario c)
    {
        var deadline = ResponsePolicy.NhtrcDefault.ComputeDeadline(c.Events[0].At, c.Channel, c.Urgency);
        var state = SlaClock.Evaluate(deadline, c.Events, c.At);
        var expected = Reference(deadline, c.Events, c.At);
        return state.Status == expected.Status
            && state.IsPaused == expected.IsPaused
            && state.RespondedAt == expected.RespondedAt
            && state.TargetMet == expected.TargetMet
            && state.AllowedToTarget == expected.AllowedToTarget
            && state.AllowedToDue == expected.AllowedToDue
            && state.RemainingToTarget == expected.RemainingToTarget
            && state.RemainingToDue == expected.RemainingToDue
            && state.EffectiveTargetBy == expected.EffectiveTargetBy
            && state.EffectiveDueBy == expected.EffectiveDueBy
            && state.Warning == expected.Warning
            && state.HalfUsedAt == expected.HalfUsedAt
            && state.ThreeQuartersUsedAt == expected.ThreeQuartersUsedAt;
    }

    private sealed record Expected(
        SlaStatus Status,
        bool IsPaused,
        Instant? RespondedAt,
        bool? TargetMet,
        Duration AllowedToTarget,
        Duration AllowedToDue,
        Duration RemainingToTarget,
        Duration RemainingToDue,
        Instant? EffectiveTargetBy,
        Instant? EffectiveDueBy,
        SlaWarning Warning,
        Instant? HalfUsedAt,
        Instant? ThreeQuartersUsedAt);

    private static Expected Reference(ResponseDeadline deadline, IReadOnlyList<SlaEvent> events, Instant at)
    {
        // The running segments up to `at`, the last one open when the clock still runs.
        var segments = new List<(Instant Start, Instant? End)>();
        Instant? since = null;
        Instant? respondedAt = null;
        foreach (var e in events.Where(e => e.At <= at))
        {
            if (e.Kind is SlaEventKind.Received or SlaEventKind.Resumed)
            {
                since = e.At;
                continue;
            }

            if (since is { } start)
            {
                segments.Add((start, e.At));
            }

            since = null;
            if (e.Kind == SlaEventKind.Responded)
            {
                respondedAt = e.At;
            }
        }

        var isPaused = respondedAt is null && since is null;
        if (since is { } open)
        {
            segments.Add((open, null));
        }

        var until = respondedAt ?? at;
        var canRun = respondedAt is null && !isPaused;
        var target = deadline.Rule.Target.IsBusinessMeasured;
        var due = deadline.Rule.Due.IsBusinessMeasured;
        var allowedToTarget = Between(target, deadline.ReceivedAt, deadline.TargetBy);
        var allowedToDue = Between(due, deadline.ReceivedAt, deadline.DueBy);
        var usedForTarget = segments.Aggregate(Duration.Zero, (sum, s) => sum + Between(target, s.Start, s.End ?? until));
        var usedForDue = segments.Aggregate(Duration.Zero, (sum, s) => sum + Between(due, s.Start, s.End ?? until));
        var targetBy = Reach(target, segments, allowedToTarget, canRun);
        var dueBy = Reach(due, segments, allowedToDue, canRun);

        var status = respondedAt is { } answered
            ? (dueBy is null || answered <= dueBy ? SlaStatus.Met : SlaStatus.Breached)
            : dueBy is { } d && at > d ? SlaStatus.Breached
            : targetBy is { } tb && at > tb ? SlaStatus.PastTarget
            : SlaStatus.Pending;
        var nothingAllowed = allowedToDue == Duration.Zero;
        var warning = nothingAllowed || respondedAt is not null ? SlaWarning.None
            : usedForDue * 4 >= allowedToDue * 3 ? SlaWarning.ThreeQuartersUsed
            : usedForDue * 2 >= allowedToDue ? SlaWarning.HalfUsed
            : SlaWarning.None;
        return new Expected(
            status,
            isPaused,
            respondedAt,
            respondedAt is { } r ? targetBy is null || r <= targetBy : null,
            allowedToTarget,
            allowedToDue,
            allowedToTarget - usedForTarget,
            allowedToDue - usedForDue,
            targetBy,
            dueBy,
            warning,
            nothingAllowed ? null : Reach(due, segments, allowedToDue / 2, canRun),
            nothingAllowed ? null : Reach(due, segments, allowedToDue * 3 / 4, canRun));
    }

    /// <summary>The first instant at which the running time reaches <paramref name="allowed"/>, measuring every segment afresh.</summary>
    private static Instant? Reach(bool business, List<(Instant Start, Instant? End)> segments, Duration allowed, bool open)
    {
        if (segments.Count == 0)
        {
            return null;
        }

        var left = allowed;
        var position = segments[0].Start;
        foreach (var (start, end) in segments)
        {
            if (left == Duration.Zero)
            {
                return position;
            }

            if (end is not { } stop)
            {
                return open ? Add(business, start, left) : null;
            }

            var length = Between(business, start, stop);
            if (length >= left)
            {
                return Add(business, start, left);
            }

            left -= length;
            position = stop;
        }

        return left == Duration.Zero ? position : null;
    }

    private static Duration Between(bool business, Instant a, Instant b) => business ? Naive.BusinessTimeBetween(a, b) : b - a;

    /// <summary>
    /// On the calendar, <paramref name="start"/> is on a minute and so is every opening and closing: an amount of whole
    /// minutes ends where the model's minute walk does, and a fraction <c>r</c> past <c>k</c> minutes is <c>r</c> into
    /// the next open minute.
    /// </summary>
    private static Instant Add(bool business, Instant start, Duration amount)
    {
        if (!business)
        {
            return start + amount;
        }

        var minute = Duration.FromMinutes(1);
        var rest = Duration.FromNanoseconds(amount.ToInt64Nanoseconds() % minute.ToInt64Nanoseconds());
        if (rest == Duration.Zero)
        {
            return Naive.AddBusinessTime(start, amount) ?? throw new System.InvalidOperationException("past the naive model's horizon");
        }

        var endOfNextMinute = Naive.AddBusinessTime(start, amount - rest + minute) ?? throw new System.InvalidOperationException("past the naive model's horizon");
        return endOfNextMinute - minute + rest;
    }
}
