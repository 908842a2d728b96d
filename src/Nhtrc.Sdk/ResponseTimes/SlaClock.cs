using System;
using System.Collections.Generic;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Telemetry;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.ResponseTimes;

/// <summary>
/// Reads a request's response clock: from its events (received, paused, resumed, responded) and a policy,
/// where it stands at any instant. Pauses move the target and due time later by the paused time, measured in
/// each target's own terms. Stateless and thread-safe.
/// </summary>
/// <remarks>
/// The pause-adjusted due time is the first instant at which the running (unpaused) time since receipt reaches
/// the time allowed; a request answered at or before it is met, and an unanswered one is breached from just
/// after it. Targets work the same way.
/// </remarks>
public static class SlaClock
{
    /// <summary>Computes the deadline from the policy and the <see cref="SlaEventKind.Received"/> event, then reads the clock at <paramref name="at"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NhtrcValidationException">The events are out of order or inconsistent (every problem is listed).</exception>
    /// <exception cref="ArgumentOutOfRangeException">An enum argument is undefined; or (a <see cref="Scheduling.CalendarRangeException"/>) the receipt or
    /// <paramref name="at"/> is outside the business calendar's supported years, or a pause-adjusted time would fall after them.</exception>
    public static SlaState Evaluate(ResponsePolicy policy, ContactChannel channel, Urgency urgency, IReadOnlyList<SlaEvent> events, Instant at)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(events);
        Validate(events, null);
        return Evaluate(policy.ComputeDeadline(events[0].At, channel, urgency), events, at);
    }

    /// <summary>Reads the clock of a request with <paramref name="deadline"/> at <paramref name="at"/>. Events after <paramref name="at"/> are ignored.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NhtrcValidationException">The events are out of order or inconsistent, or the first is not received at the deadline's receipt (every problem is listed).</exception>
    /// <exception cref="Scheduling.CalendarRangeException">The receipt or <paramref name="at"/> is outside the deadline calendar's supported years
    /// (whatever the rule's kind), or a pause-adjusted time would fall after them.</exception>
    public static SlaState Evaluate(ResponseDeadline deadline, IReadOnlyList<SlaEvent> events, Instant at)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentNullException.ThrowIfNull(events);
        Validate(events, deadline.ReceivedAt);

        // Events are in order from the receipt, and those after `at` are ignored, so every instant used lies between these two.
        deadline.Calendar.CheckSupported(deadline.ReceivedAt, nameof(deadline));
        deadline.Calendar.CheckSupported(at, nameof(at));

        // Running segments up to `at`: [received, pause), [resume, pause), ..., [resume, responded or open).
        var segments = new List<(Instant Start, Instant? End)>();
        Instant? respondedAt = null;
        Instant? runningSince = null;
        foreach (var e in events)
        {
            if (e.At > at)
            {
                break;
            }

            switch (e.Kind)
            {
                case SlaEventKind.Received or SlaEventKind.Resumed:
                    runningSince = e.At;
                    break;
                case SlaEventKind.Paused:
                    segments.Add((runningSince!.Value, e.At));
                    runningSince = null;
                    break;
                case SlaEventKind.Responded:
                    if (runningSince is { } since)
                    {
                        segments.Add((since, e.At));
                    }

                    respondedAt = e.At;
                    runningSince = null;
                    break;
            }
        }

        var isPaused = respondedAt is null && runningSince is null;
        if (runningSince is { } open)
        {
            segments.Add((open, null));
        }

        var target = new Measure(deadline.Rule.Target, deadline);
        var due = new Measure(deadline.Rule.Due, deadline);
        var allowedToTarget = target.Between(deadline.ReceivedAt, deadline.TargetBy);
        var allowedToDue = due.Between(deadline.ReceivedAt, deadline.DueBy);

        // Each closed segment's running time, measured once: the time used and the four instants below all walk
        // them. The target and the due time share the lengths when they are measured alike (nearly every rule).
        var closed = runningSince is null ? segments.Count : segments.Count - 1;
        Span<Duration> targetLengths = closed <= 16 ? stackalloc Duration[closed] : new Duration[closed];
        target.MeasureClosed(segments, targetLengths);
        var sameMeasure = target.IsBusinessMeasured == due.IsBusinessMeasured;
        Span<Duration> dueLengths = sameMeasure ? targetLengths : closed <= 16 ? stackalloc Duration[closed] : new Duration[closed];
        if (!sameMeasure)
        {
            due.MeasureClosed(segments, dueLengths);
        }

        var until = respondedAt ?? at;
        var usedForTarget = target.Used(segments, targetLengths, until);
        var usedForDue = sameMeasure ? usedForTarget : due.Used(segments, dueLengths, until);

        // Effective instants are only known when the clock runs to them: reachable within the closed segments, or
        // in an open-ended last one. While paused with time left, they are not known yet.
        var effectiveTargetBy = target.Reach(segments, targetLengths, allowedToTarget, open: !isPaused && respondedAt is null);
        var effectiveDueBy = due.Reach(segments, dueLengths, allowedToDue, open: !isPaused && respondedAt is null);

        SlaStatus status;
        bool? targetMet = null;
        if (respondedAt is { } answered)
        {
            targetMet = effectiveTargetBy is null || answered <= effectiveTargetBy;
            status = effectiveDueBy is null || answered <= effectiveDueBy ? SlaStatus.Met : SlaStatus.Breached;
        }
        else if (effectiveDueBy is { } dueBy && at > dueBy)
        {
            status = SlaStatus.Breached;
        }
        else if (effectiveTargetBy is { } targetBy && at > targetBy)
        {
            status = SlaStatus.PastTarget;
        }
        else
        {
            status = SlaStatus.Pending;
        }

        var warning = SlaWarning.None;
        Instant? halfAt = null;
        Instant? threeQuartersAt = null;
        if (allowedToDue > Duration.Zero)
        {
            var canRun = respondedAt is null;
            halfAt = due.Reach(segments, dueLengths, allowedToDue / 2, open: canRun && !isPaused);
            threeQuartersAt = due.Reach(segments, dueLengths, allowedToDue * 3 / 4, open: canRun && !isPaused);
            if (canRun)
            {
                warning = usedForDue * 4 >= allowedToDue * 3 ? SlaWarning.ThreeQuartersUsed
                    : usedForDue * 2 >= allowedToDue ? SlaWarning.HalfUsed
                    : SlaWarning.None;
            }
        }

        Record(deadline, status, warning, respondedAt is not null);
        return new SlaState(deadline)
        {
            At = at,
            Status = status,
            IsPaused = isPaused,
            RespondedAt = respondedAt,
            TargetMet = targetMet,
            AllowedToTarget = allowedToTarget,
            AllowedToDue = allowedToDue,
            RemainingToTarget = allowedToTarget - usedForTarget,
            RemainingToDue = allowedToDue - usedForDue,
            EffectiveTargetBy = effectiveTargetBy,
            EffectiveDueBy = effectiveDueBy,
            Warning = warning,
            HalfUsedAt = halfAt,
            ThreeQuartersUsedAt = threeQuartersAt,
        };
    }

    /// <summary>
    /// Counts the reading (docs/telemetry.md): a breach when the status is breached; otherwise a warning when the request,
    /// unanswered, has used half or more of its time to due. A reading is counted at most once, and only with a listener.
    /// </summary>
    private static void Record(ResponseDeadline deadline, SlaStatus status, SlaWarning warning, bool responded)
    {
        if (status == SlaStatus.Breached)
        {
            if (NhtrcMetrics.SlaBreaches.Enabled)
            {
                NhtrcMetrics.SlaBreach(WireNames.Of(deadline.Channel), WireNames.Of(deadline.Urgency), responded);
            }
        }
        else if (warning != SlaWarning.None && NhtrcMetrics.SlaWarnings.Enabled)
        {
            NhtrcMetrics.SlaWarning(WireNames.Of(warning), WireNames.Of(deadline.Channel), WireNames.Of(deadline.Urgency));
        }
    }

    private static void Validate(IReadOnlyList<SlaEvent> events, Instant? receivedAt)
    {
        // Allocated only for a problem: reading a valid clock builds no messages.
        List<ValidationProblem>? problems = null;
        if (events.Count == 0)
        {
            (problems ??= []).Add(new ValidationProblem("events", "must start with a received event."));
        }

        var running = false;
        var responded = false;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (i > 0 && e.At < events[i - 1].At)
            {
                Problem(i, "is earlier than the event before it; events must be in time order.");
            }

            if (responded)
            {
                Problem(i, "comes after the responded event, which must be last.");
            }

            switch (e.Kind)
            {
                case SlaEventKind.Received:
                    if (i != 0)
                    {
                        Problem(i, "is a second received event; there is exactly one, first.");
                    }
                    else if (receivedAt is { } expected && e.At != expected)
                    {
                        Problem(i, $"is received at {e.At}, but the deadline is for a request received at {expected}.");
                    }

                    running = true;
                    break;
                case SlaEventKind.Paused:
                    if (!running)
                    {
                        Problem(i, "pauses a clock that is not running.");
                    }

                    running = false;
                    break;
                case SlaEventKind.Resumed:
                    if (running)
                    {
                        Problem(i, "resumes a clock that is not paused.");
                    }

                    running = true;
                    break;
                case SlaEventKind.Responded:
                    responded = true;
                    break;
                default:
                    Problem(i, "has an undefined kind.");
                    break;
            }

            if (i == 0 && e.Kind != SlaEventKind.Received)
            {
                Problem(i, "must be the received event.");
            }
        }

        if (problems is not null)
        {
            throw new NhtrcValidationException("SLA events", problems);
        }

        void Problem(int i, string message) => (problems ??= []).Add(new ValidationProblem($"events[{i}]", message));
    }

    /// <summary>Time in one target's terms: elapsed, or open time on the business calendar.</summary>
    private readonly struct Measure(ResponseTarget target, ResponseDeadline deadline)
    {
        public bool IsBusinessMeasured => target.IsBusinessMeasured;

        public Duration Between(Instant a, Instant b) =>
            target.IsBusinessMeasured ? deadline.Calendar.BusinessTimeBetween(a, b) : b - a;

        /// <summary>Writes the running time of each closed segment (all but an open-ended last one) into <paramref name="lengths"/>.</summary>
        public void MeasureClosed(List<(Instant Start, Instant? End)> segments, Span<Duration> lengths)
        {
            for (var i = 0; i < lengths.Length; i++)
            {
                var (start, end) = segments[i];
                lengths[i] = Between(start, end!.Value);
            }
        }

        /// <summary>
        /// The running time up to <paramref name="until"/>: the closed segments' <paramref name="lengths"/> (each ends by
        /// then: events after the reading are ignored, and an answer is the last event), and an open-ended last one up to it.
        /// </summary>
        public Duration Used(List<(Instant Start, Instant? End)> segments, ReadOnlySpan<Duration> lengths, Instant until)
        {
            var used = Duration.Zero;
            foreach (var length in lengths)
            {
                used += length;
            }

            if (lengths.Length < segments.Count && until > segments[^1].Start)
            {
                used += Between(segments[^1].Start, until);
            }

            return used;
        }

        /// <summary>The first instant at which the running time reaches <paramref name="allowed"/>; null when the segments never get there.</summary>
        public Instant? Reach(List<(Instant Start, Instant? End)> segments, ReadOnlySpan<Duration> lengths, Duration allowed, bool open)
        {
            var left = allowed;
            Instant? position = segments.Count > 0 ? segments[0].Start : null;
            for (var i = 0; i < segments.Count; i++)
            {
                if (left == Duration.Zero)
                {
                    return position;
                }

                var (start, end) = segments[i];
                if (end is not { } stop)
                {
                    return open ? Add(start, left) : null;
                }

                var length = lengths[i];
                if (length >= left)
                {
                    return Add(start, left);
                }

                left -= length;
                position = stop;
            }

            return left == Duration.Zero ? position : null;
        }

        private Instant Add(Instant start, Duration amount) =>
            target.IsBusinessMeasured ? deadline.Calendar.AddBusinessTime(start, amount) : start + amount;
    }
}
