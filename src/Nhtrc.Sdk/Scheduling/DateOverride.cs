using System;
using System.Collections.Immutable;
using System.Globalization;
using NodaTime;

namespace Nhtrc.Sdk.Scheduling;

/// <summary>
/// A dated exception to a service calendar's weekly hours: closed all day, or special hours that replace
/// the weekly ones for that date. An override wins over the weekly hours and over holidays.
/// </summary>
public sealed class DateOverride : IEquatable<DateOverride>
{
    private DateOverride(LocalDate date, ImmutableArray<OpenInterval> hours)
    {
        Date = date;
        Hours = hours;
    }

    /// <summary>The local date the override applies to.</summary>
    public LocalDate Date { get; }

    /// <summary>The open periods of that date, ordered by opening time; empty when closed all day.</summary>
    public ImmutableArray<OpenInterval> Hours { get; }

    /// <summary>True when the date is closed all day.</summary>
    public bool IsClosed => Hours.IsEmpty;

    /// <summary>Closes <paramref name="date"/> all day.</summary>
    public static DateOverride Closed(LocalDate date) => new(date, ImmutableArray<OpenInterval>.Empty);

    /// <summary>Replaces the weekly hours of <paramref name="date"/> with <paramref name="hours"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="hours"/> is empty; use <see cref="Closed"/> to close a date.</exception>
    public static DateOverride SpecialHours(LocalDate date, params ReadOnlySpan<OpenInterval> hours)
    {
        if (hours.IsEmpty)
        {
            throw new ArgumentException("Special hours need at least one open interval; use DateOverride.Closed to close a date.", nameof(hours));
        }

        return new DateOverride(date, WeeklyHours.Normalize(hours));
    }

    /// <summary>Value equality of date and hours.</summary>
    public bool Equals(DateOverride? other) =>
        other is not null && Date == other.Date && Hours.AsSpan().SequenceEqual(other.Hours.AsSpan());

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DateOverride);

    /// <summary>True when both are null or they are equal by <see cref="Equals(DateOverride?)"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(DateOverride? left, DateOverride? right) => left is null ? right is null : left.Equals(right);

    /// <summary>The negation of <c>==</c>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(DateOverride? left, DateOverride? right) => !(left == right);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Date, Hours.Length);

    /// <summary>Returns for example <c>2026-12-24 09:00-13:00</c> or <c>2026-12-26 closed</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Date:uuuu'-'MM'-'dd} {(IsClosed ? "closed" : string.Join(", ", Hours))}");
}
