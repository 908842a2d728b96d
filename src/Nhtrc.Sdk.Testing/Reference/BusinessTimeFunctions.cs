using System;
using Nhtrc.Sdk.Scheduling;
using NodaTime;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// A business-time implementation under test, as functions of one calendar: <see cref="BusinessTimeLaws"/> checks the
/// laws of docs/deadlines.md on it. Only <see cref="BusinessTimeBetween"/> and <see cref="AddBusinessTime"/> are
/// required; a law that needs a function left null is not checked. <see cref="Of"/> gives the SDK's own.
/// </summary>
public sealed class BusinessTimeFunctions
{
    /// <summary>The open time in <c>[a, b)</c>, negative when <c>b &lt; a</c>.</summary>
    public required Func<Instant, Instant, Duration> BusinessTimeBetween { get; init; }

    /// <summary>The smallest instant at or after the start by which the amount of open time has passed.</summary>
    public required Func<Instant, Duration, Instant> AddBusinessTime { get; init; }

    /// <summary>The largest instant at or before the end from which the amount of open time passes until it; null not to check it.</summary>
    public Func<Instant, Duration, Instant>? SubtractBusinessTime { get; init; }

    /// <summary>Whether the calendar is open at an instant; null not to check the laws that need it.</summary>
    public Func<Instant, bool>? IsOpen { get; init; }

    /// <summary>The first instant at or after the given one at which the calendar opens, or null if it never does; null not to check it.</summary>
    public Func<Instant, Instant?>? NextOpening { get; init; }

    /// <summary>The first instant after the given one at which the calendar closes, or null if it never does; null not to check it.</summary>
    public Func<Instant, Instant?>? NextClosing { get; init; }

    /// <summary>Whether a local date has open time of its own; null not to check it.</summary>
    public Func<LocalDate, bool>? IsBusinessDay { get; init; }

    /// <summary>The n-th business day strictly after a local date; null not to check it.</summary>
    public Func<LocalDate, int, LocalDate>? NthBusinessDayAfter { get; init; }

    /// <summary>The SDK's own implementation on <paramref name="calendar"/>: every function set.</summary>
    /// <param name="calendar">The calendar.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public static BusinessTimeFunctions Of(ServiceCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return new BusinessTimeFunctions
        {
            BusinessTimeBetween = calendar.BusinessTimeBetween,
            AddBusinessTime = calendar.AddBusinessTime,
            SubtractBusinessTime = calendar.SubtractBusinessTime,
            IsOpen = calendar.IsOpen,
            NextOpening = calendar.NextOpening,
            NextClosing = calendar.NextClosing,
            IsBusinessDay = calendar.IsBusinessDay,
            NthBusinessDayAfter = calendar.NthBusinessDayAfter,
        };
    }
}
