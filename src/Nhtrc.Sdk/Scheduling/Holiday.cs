using System;
using System.Globalization;
using NodaTime;

namespace Nhtrc.Sdk.Scheduling;

/// <summary>
/// A holiday in a given year: its name, the date it falls on, and the date it is observed
/// (the day a service calendar closes). Equality is by value.
/// </summary>
public sealed record Holiday
{
    /// <summary>Creates a holiday.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or blank.</exception>
    public Holiday(string name, LocalDate actualDate, LocalDate observedDate)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        ActualDate = actualDate;
        ObservedDate = observedDate;
    }

    /// <summary>The holiday's name, for example "Independence Day".</summary>
    public string Name { get; }

    /// <summary>The date the holiday falls on, for example 4 July.</summary>
    public LocalDate ActualDate { get; }

    /// <summary>The date it is observed; equal to <see cref="ActualDate"/> unless moved off a weekend.</summary>
    public LocalDate ObservedDate { get; }

    /// <summary>True when the observed date differs from the actual date.</summary>
    public bool IsMoved => ObservedDate != ActualDate;

    /// <summary>Returns for example <c>2026-07-03 Independence Day (observed; actual 2026-07-04)</c>.</summary>
    public override string ToString() => IsMoved
        ? string.Create(CultureInfo.InvariantCulture, $"{ObservedDate:uuuu'-'MM'-'dd} {Name} (observed; actual {ActualDate:uuuu'-'MM'-'dd})")
        : string.Create(CultureInfo.InvariantCulture, $"{ObservedDate:uuuu'-'MM'-'dd} {Name}");
}
