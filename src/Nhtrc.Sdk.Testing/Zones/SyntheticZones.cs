using System;
using NodaTime;
using NodaTime.Testing.TimeZones;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// Time zones made for a test, with clock changes exactly where the test puts them and nowhere else, so a test does
/// not depend on the tz database's history: NodaTime.Testing's <see cref="SingleTransitionDateTimeZone"/> and
/// <see cref="MultiTransitionDateTimeZone"/>, placed by the local time at which the clocks change. Such a zone works in
/// a <c>ServiceCalendar</c> like any other; it has no tz database id, so a calendar on it cannot be written as JSON.
/// </summary>
public static class SyntheticZones
{
    /// <summary>
    /// A zone at <paramref name="before"/> until the wall clock reads <paramref name="changeAt"/>, and at
    /// <paramref name="after"/> from that instant on. With a later offset the local times from
    /// <paramref name="changeAt"/> up to the gap's end never occur; with an earlier one they occur twice.
    /// </summary>
    /// <param name="changeAt">The local time, read in the offset before, at which the clocks change.</param>
    /// <param name="before">The offset from UTC before the change.</param>
    /// <param name="after">The offset from UTC from the change on.</param>
    /// <param name="id">The zone's id; <c>Synthetic</c> when null.</param>
    /// <exception cref="ArgumentException"><paramref name="before"/> equals <paramref name="after"/>.</exception>
    public static SingleTransitionDateTimeZone Transition(LocalDateTime changeAt, Offset before, Offset after, string? id = null)
    {
        if (before == after)
        {
            throw new ArgumentException("A transition changes the offset; the offsets before and after are equal.", nameof(after));
        }

        var instant = changeAt.WithOffset(before).ToInstant();
        return new SingleTransitionDateTimeZone(instant, before, after, id ?? "Synthetic");
    }

    /// <summary>
    /// A zone whose clocks jump forward by <paramref name="gap"/> when the wall clock reads <paramref name="changeAt"/>
    /// (02:00 becoming 03:00 for a one-hour gap).
    /// </summary>
    /// <param name="changeAt">The local time at which the clocks jump; the times from it until it plus the gap never occur.</param>
    /// <param name="before">The offset from UTC before the change.</param>
    /// <param name="gap">How far the clocks jump; positive, at most 18 hours in all.</param>
    /// <param name="id">The zone's id; <c>Synthetic</c> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="gap"/> is not positive or makes an offset NodaTime does not allow.</exception>
    public static SingleTransitionDateTimeZone SpringForward(LocalDateTime changeAt, Offset before, Duration gap, string? id = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(gap, Duration.Zero);
        return Transition(changeAt, before, Shift(before, gap), id);
    }

    /// <summary>
    /// A zone whose clocks go back by <paramref name="overlap"/> when the wall clock reads <paramref name="changeAt"/>
    /// (02:00 becoming 01:00 for one hour), so the local times from <paramref name="changeAt"/> minus the overlap up to
    /// <paramref name="changeAt"/> occur twice.
    /// </summary>
    /// <param name="changeAt">The local time at which the clocks go back.</param>
    /// <param name="before">The offset from UTC before the change.</param>
    /// <param name="overlap">How far the clocks go back; positive.</param>
    /// <param name="id">The zone's id; <c>Synthetic</c> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="overlap"/> is not positive or makes an offset NodaTime does not allow.</exception>
    public static SingleTransitionDateTimeZone FallBack(LocalDateTime changeAt, Offset before, Duration overlap, string? id = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(overlap, Duration.Zero);
        return Transition(changeAt, before, Shift(before, -overlap), id);
    }

    /// <summary>
    /// A zone on standard time <paramref name="standardHours"/> from UTC with one hour of daylight saving from
    /// <paramref name="springForwardAt"/> (standard wall time) to <paramref name="fallBackAt"/> (daylight wall time),
    /// the intervals named by <paramref name="standardName"/> and <paramref name="daylightName"/> (what deadline
    /// explanations show as the zone's abbreviation).
    /// </summary>
    /// <param name="standardHours">The standard offset from UTC in whole hours, -12 to 14 (MultiTransitionDateTimeZone takes whole hours).</param>
    /// <param name="springForwardAt">The local standard time at which the clocks go forward an hour.</param>
    /// <param name="fallBackAt">The local daylight time, after <paramref name="springForwardAt"/>, at which they go back.</param>
    /// <param name="standardName">The abbreviation of standard time, such as <c>SST</c>.</param>
    /// <param name="daylightName">The abbreviation of daylight time, such as <c>SDT</c>.</param>
    /// <param name="id">The zone's id; <c>Synthetic</c> when null.</param>
    /// <exception cref="ArgumentNullException">A name is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The offset is out of range, or the fall-back is not after the spring-forward.</exception>
    public static MultiTransitionDateTimeZone DaylightSaving(
        int standardHours, LocalDateTime springForwardAt, LocalDateTime fallBackAt, string standardName, string daylightName, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(standardName);
        ArgumentNullException.ThrowIfNull(daylightName);
        ArgumentOutOfRangeException.ThrowIfLessThan(standardHours, -12);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(standardHours, 14);
        var standard = Offset.FromHours(standardHours);
        var forward = springForwardAt.WithOffset(standard).ToInstant();
        var back = fallBackAt.WithOffset(standard + Offset.FromHours(1)).ToInstant();
        if (back <= forward)
        {
            throw new ArgumentOutOfRangeException(nameof(fallBackAt), fallBackAt, "The clocks must go back after they go forward.");
        }

        var builder = new MultiTransitionDateTimeZone.Builder(standardHours, 0, standardName) { Id = id ?? "Synthetic" };
        builder.Add(forward, standardHours, 1, daylightName);
        builder.Add(back, standardHours, 0, standardName);
        return builder.Build();
    }

    private static Offset Shift(Offset offset, Duration by)
    {
        var seconds = offset.Seconds + (long)by.TotalSeconds;
        if (by.SubsecondNanoseconds != 0 || Math.Abs(seconds) > 18 * 3600)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "The offset after the change must be whole seconds within 18 hours of UTC.");
        }

        return Offset.FromSeconds((int)seconds);
    }
}
