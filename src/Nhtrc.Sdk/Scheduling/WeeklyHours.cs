using System;
using System.Collections.Immutable;
using System.Text;
using NodaTime;

namespace Nhtrc.Sdk.Scheduling;

/// <summary>
/// The regular open periods of each day of the week, in local time. Immutable; the <c>With</c> methods
/// return a new value. A day's periods may overlap: open time is their union.
/// </summary>
public sealed class WeeklyHours : IEquatable<WeeklyHours>
{
    private readonly ImmutableArray<OpenInterval>[] days;

    private WeeklyHours(ImmutableArray<OpenInterval>[] days) => this.days = days;

    /// <summary>Closed every day.</summary>
    public static WeeklyHours Closed { get; } = new(CreateDays(ImmutableArray<OpenInterval>.Empty));

    /// <summary>Open around the clock, every day.</summary>
    public static WeeklyHours AlwaysOpen { get; } = new(CreateDays(ImmutableArray.Create(OpenInterval.AllDay)));

    /// <summary>True when no day has any open period.</summary>
    public bool IsAlwaysClosed
    {
        get
        {
            foreach (var day in days)
            {
                if (!day.IsEmpty)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The same periods Monday to Friday, closed at weekends.</summary>
    public static WeeklyHours MondayToFriday(params ReadOnlySpan<OpenInterval> intervals)
    {
        var hours = Closed;
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Friday; day++)
        {
            hours = hours.With(day, intervals);
        }

        return hours;
    }

    /// <summary>The open periods of <paramref name="day"/>, ordered by opening time.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is <see cref="IsoDayOfWeek.None"/> or undefined.</exception>
    public ImmutableArray<OpenInterval> this[IsoDayOfWeek day] => days[Index(day)];

    /// <summary>Returns a copy with the periods of <paramref name="day"/> replaced (empty closes the day).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is <see cref="IsoDayOfWeek.None"/> or undefined.</exception>
    public WeeklyHours With(IsoDayOfWeek day, params ReadOnlySpan<OpenInterval> intervals)
    {
        var index = Index(day);
        var copy = (ImmutableArray<OpenInterval>[])days.Clone();
        copy[index] = Normalize(intervals);
        return new WeeklyHours(copy);
    }

    /// <summary>Value equality: the same periods on every day.</summary>
    public bool Equals(WeeklyHours? other)
    {
        if (other is null)
        {
            return false;
        }

        for (var i = 0; i < 7; i++)
        {
            if (!days[i].AsSpan().SequenceEqual(other.days[i].AsSpan()))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as WeeklyHours);

    /// <summary>True when both are null or they are equal by <see cref="Equals(WeeklyHours?)"/>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator ==(WeeklyHours? left, WeeklyHours? right) => left is null ? right is null : left.Equals(right);

    /// <summary>The negation of <c>==</c>.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    public static bool operator !=(WeeklyHours? left, WeeklyHours? right) => !(left == right);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var day in days)
        {
            hash.Add(day.Length);
            foreach (var interval in day)
            {
                hash.Add(interval);
            }
        }

        return hash.ToHashCode();
    }

    /// <summary>Returns for example <c>Mon 09:00-19:00; Tue 09:00-19:00; ...</c>, listing open days only.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            var intervals = days[Index(day)];
            if (intervals.IsEmpty)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(day.ToString()[..3]).Append(' ').Append(string.Join(", ", intervals));
        }

        return text.Length == 0 ? "closed" : text.ToString();
    }

    internal static ImmutableArray<OpenInterval> Normalize(ReadOnlySpan<OpenInterval> intervals)
    {
        var builder = ImmutableArray.CreateBuilder<OpenInterval>(intervals.Length);
        builder.AddRange(intervals);
        builder.Sort(static (a, b) => a.Open != b.Open ? a.Open.CompareTo(b.Open) : a.Close.CompareTo(b.Close));
        return builder.MoveToImmutable();
    }

    private static int Index(IsoDayOfWeek day)
    {
        if (day < IsoDayOfWeek.Monday || day > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "Expected a day from Monday to Sunday.");
        }

        return (int)day - 1;
    }

    private static ImmutableArray<OpenInterval>[] CreateDays(ImmutableArray<OpenInterval> intervals)
    {
        var result = new ImmutableArray<OpenInterval>[7];
        Array.Fill(result, intervals);
        return result;
    }
}
