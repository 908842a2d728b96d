using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// Assertions about response deadlines and SLA clocks that explain a failure in the calendar's local time: what was
/// expected, what the SDK gives, and the deadline's explanation (which rule, the holidays and closures skipped). Each
/// throws <see cref="SlaAssertionException"/>, which every test framework reports as a failure; none depends on a
/// test framework. Messages hold no caller data.
/// </summary>
public static class SlaAssert
{
    /// <summary>Asserts that a response at <paramref name="respondedAt"/> is in time: at or before <see cref="ResponseDeadline.DueBy"/> (inclusive).</summary>
    /// <param name="deadline">The request's deadline.</param>
    /// <param name="respondedAt">When it was answered.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deadline"/> is null.</exception>
    /// <exception cref="SlaAssertionException">The response is late, for example
    /// <c>responded Wed 8 Jul 2026 19:05 EDT, 5m after due Wed 8 Jul 2026 19:00 EDT (rule 'non-urgent' of policy 'nhtrc-default': non-urgent email received Thu 2 Jul 18:59 EDT; Fri 3 Jul is Independence Day (observed); target: close of Mon 6 Jul; due: close of Wed 8 Jul)</c>.</exception>
    public static void MetDue(ResponseDeadline deadline, Instant respondedAt)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        if (respondedAt > deadline.DueBy)
        {
            throw Late(deadline, respondedAt, deadline.DueBy, "due");
        }
    }

    /// <summary>Asserts that a response at <paramref name="respondedAt"/> met the target: at or before <see cref="ResponseDeadline.TargetBy"/> (inclusive).</summary>
    /// <param name="deadline">The request's deadline.</param>
    /// <param name="respondedAt">When it was answered.</param>
    /// <exception cref="ArgumentNullException"><paramref name="deadline"/> is null.</exception>
    /// <exception cref="SlaAssertionException">The response came after the target; the message says by how much, in local time, and why the target is where it is.</exception>
    public static void MetTarget(ResponseDeadline deadline, Instant respondedAt)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        if (respondedAt > deadline.TargetBy)
        {
            throw Late(deadline, respondedAt, deadline.TargetBy, "target");
        }
    }

    /// <summary>Asserts the deadline <paramref name="policy"/> gives one request.</summary>
    /// <param name="policy">The policy under test.</param>
    /// <param name="receivedAt">When the request is received.</param>
    /// <param name="channel">Its channel.</param>
    /// <param name="urgency">Its urgency.</param>
    /// <param name="expectedTargetBy">The target expected.</param>
    /// <param name="expectedDueBy">The due time expected.</param>
    /// <returns>The deadline, for further checks.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="policy"/> is null.</exception>
    /// <exception cref="SlaAssertionException">The target or due time differs, or the policy gives no deadline; the message names each difference in local time.</exception>
    public static ResponseDeadline Deadline(
        ResponsePolicy policy, Instant receivedAt, ContactChannel channel, Urgency urgency, Instant expectedTargetBy, Instant expectedDueBy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var row = new ExpectedDeadline("the request", receivedAt, channel, urgency, expectedTargetBy, expectedDueBy, null);
        var (deadline, failure) = Check(policy, row);
        return failure is null
            ? deadline!
            : throw new SlaAssertionException($"Policy '{policy.Id}' gives another deadline: {failure}");
    }

    /// <summary>
    /// Asserts every row of a partner's table of expected deadlines against <paramref name="policy"/>, and reports every
    /// row that differs, not only the first.
    /// </summary>
    /// <param name="policy">The policy under test.</param>
    /// <param name="table">The expected deadlines (<see cref="DeadlineTable.LoadFile"/>).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="SlaAssertionException">
    /// A row differs. The message counts them and gives each with its place, note, the request in local time, each
    /// instant expected against the policy's, and the policy's explanation, for example:
    /// <code>
    /// 1 of 4 expected deadlines disagrees with policy 'partner' (deadlines.csv):
    ///   line 3 (Cesar Chavez Day): non-urgent email received Mon 30 Mar 2026 16:00 PDT
    ///     dueBy: expected Tue 31 Mar 2026 17:00 PDT, policy gives Wed 1 Apr 2026 17:00 PDT (24h later)
    ///     why: rule 'routine' of policy 'partner': ...
    /// </code>
    /// </exception>
    public static void Deadlines(ResponsePolicy policy, DeadlineTable table)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(table);
        var failures = new List<string>();
        foreach (var row in table.Rows)
        {
            if (Check(policy, row).Failure is { } failure)
            {
                failures.Add(failure);
            }
        }

        if (failures.Count == 0)
        {
            return;
        }

        var verb = failures.Count == 1 ? "disagrees" : "disagree";
        var noun = table.Rows.Length == 1 ? "deadline" : "deadlines";
        var message = new StringBuilder($"{failures.Count} of {table.Rows.Length} expected {noun} {verb} with policy '{policy.Id}' ({table.Source}):");
        foreach (var failure in failures)
        {
            message.Append('\n').Append("  ").Append(failure.Replace("\n", "\n  ", StringComparison.Ordinal));
        }

        throw new SlaAssertionException(message.ToString());
    }

    /// <summary>
    /// Asserts the state of a request's SLA clock at <paramref name="at"/> (<see cref="SlaClock.Evaluate(ResponseDeadline, IReadOnlyList{SlaEvent}, Instant)"/>):
    /// every member <paramref name="expected"/> sets.
    /// </summary>
    /// <param name="deadline">The request's deadline.</param>
    /// <param name="events">Its events: received first, pauses and resumes, at most one response.</param>
    /// <param name="at">When to read the clock.</param>
    /// <param name="expected">What is expected; members left null are not checked.</param>
    /// <returns>The state, for further checks.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NhtrcValidationException">The events are inconsistent (the SDK's own check).</exception>
    /// <exception cref="SlaAssertionException">A member differs; the message lists each difference, the clock's events and the deadline's explanation in local time.</exception>
    public static SlaState ClockAt(ResponseDeadline deadline, IReadOnlyList<SlaEvent> events, Instant at, ExpectedSlaState expected)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(expected);
        var zone = deadline.Calendar.Zone;
        var state = SlaClock.Evaluate(deadline, events, at);
        var differences = new List<string>();
        void Compare<T>(string name, T? wanted, T actual, Func<T, string> show)
            where T : struct
        {
            if (wanted is { } w && !EqualityComparer<T>.Default.Equals(w, actual))
            {
                differences.Add($"{name}: expected {show(w)}, the clock says {show(actual)}");
            }
        }

        void CompareNullable<T>(string name, T? wanted, T? actual, Func<T, string> show)
            where T : struct
        {
            if (wanted is { } w && !EqualityComparer<T?>.Default.Equals(w, actual))
            {
                differences.Add($"{name}: expected {show(w)}, the clock says {(actual is { } a ? show(a) : "none yet")}");
            }
        }

        Compare("status", expected.Status, state.Status, s => s.ToString());
        Compare("paused", expected.IsPaused, state.IsPaused, b => b ? "yes" : "no");
        CompareNullable("targetMet", expected.TargetMet, state.TargetMet, b => b ? "yes" : "no");
        Compare("remainingToTarget", expected.RemainingToTarget, state.RemainingToTarget, LocalText.Span);
        Compare("remainingToDue", expected.RemainingToDue, state.RemainingToDue, LocalText.Span);
        CompareNullable("effectiveTargetBy", expected.EffectiveTargetBy, state.EffectiveTargetBy, i => LocalText.At(i, zone));
        CompareNullable("effectiveDueBy", expected.EffectiveDueBy, state.EffectiveDueBy, i => LocalText.At(i, zone));
        Compare("warning", expected.Warning, state.Warning, w => w.ToString());
        if (differences.Count == 0)
        {
            return state;
        }

        var message = new StringBuilder($"SLA clock at {LocalText.At(at, zone)}, {LocalText.Request(deadline.Channel, deadline.Urgency)}:");
        foreach (var difference in differences)
        {
            message.Append("\n  ").Append(difference);
        }

        message.Append("\n  events: ").Append(LocalText.Events(events, zone))
            .Append("\n  why: ").Append(LocalText.Why(deadline));
        throw new SlaAssertionException(message.ToString());
    }

    /// <summary>
    /// Asserts that <paramref name="policy"/> is configured as <paramref name="expectedDescription"/> says, in the text
    /// of <see cref="PolicyDescription.Describe"/> (line endings <c>\r\n</c> or <c>\n</c>, trailing whitespace ignored).
    /// </summary>
    /// <param name="policy">The policy under test.</param>
    /// <param name="expectedDescription">The description expected.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="SlaAssertionException">A line differs; the message gives each differing line, expected and actual.</exception>
    public static void PolicyIs(ResponsePolicy policy, string expectedDescription)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(expectedDescription);
        var actual = Lines(PolicyDescription.Describe(policy));
        var expected = Lines(expectedDescription);
        var message = new StringBuilder();
        for (var i = 0; i < Math.Max(actual.Length, expected.Length); i++)
        {
            var e = i < expected.Length ? expected[i] : null;
            var a = i < actual.Length ? actual[i] : null;
            if (e != a)
            {
                message.Append($"\n  line {i + 1}: expected {(e is null ? "no line" : "'" + e + "'")}\n  {new string(' ', (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).Length + 5)}  actual {(a is null ? "no line" : "'" + a + "'")}");
            }
        }

        if (message.Length > 0)
        {
            throw new SlaAssertionException($"Policy '{policy.Id}' is configured otherwise:" + message);
        }
    }

    private static string[] Lines(string text) =>
        [.. text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n').Select(l => l.TrimEnd())];

    private static SlaAssertionException Late(ResponseDeadline deadline, Instant respondedAt, Instant limit, string what)
    {
        var zone = deadline.Calendar.Zone;
        return new SlaAssertionException(
            $"responded {LocalText.At(respondedAt, zone)}, {LocalText.Span(respondedAt - limit)} after {what} {LocalText.At(limit, zone)} ({LocalText.Why(deadline)})");
    }

    private static (ResponseDeadline? Deadline, string? Failure) Check(ResponsePolicy policy, ExpectedDeadline row)
    {
        var zone = policy.BusinessCalendar.Zone;
        var head = row.Location + (row.Note is null ? string.Empty : $" ({row.Note})") + ": "
            + LocalText.Request(row.Channel, row.Urgency) + " received " + LocalText.At(row.ReceivedAt, zone);
        ResponseDeadline deadline;
        try
        {
            deadline = policy.ComputeDeadline(row.ReceivedAt, row.Channel, row.Urgency);
        }
        catch (CalendarRangeException e)
        {
            return (null, head + "\n  the policy gives no deadline: " + e.Message);
        }

        var lines = new List<string>();
        void Compare(string name, Instant expected, Instant actual)
        {
            if (expected != actual)
            {
                var delta = actual - expected;
                lines.Add($"{name}: expected {LocalText.At(expected, zone)}, policy gives {LocalText.At(actual, zone)} ({LocalText.Span(delta < Duration.Zero ? -delta : delta)} {(delta < Duration.Zero ? "earlier" : "later")})");
            }
        }

        Compare("targetBy", row.TargetBy, deadline.TargetBy);
        Compare("dueBy", row.DueBy, deadline.DueBy);
        if (lines.Count == 0)
        {
            return (deadline, null);
        }

        return (deadline, head + "\n  " + string.Join("\n  ", lines) + "\n  why: " + LocalText.Why(deadline));
    }
}
