using Nhtrc.Sdk.Testing;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Scheduling;

/// <summary>The package's deliberately naive minute-by-minute reference, <see cref="NaiveBusinessCalendar"/>, as a model the laws are stated over.</summary>
public sealed class ReferenceCalendarModel(NaiveBusinessCalendar reference) : ICalendarModel
{
    public string Name => "naive";

    public NaiveBusinessCalendar Reference => reference;

    public bool IsOpen(Instant t) => reference.IsOpen(t);

    public Duration Between(Instant a, Instant b) => reference.BusinessTimeBetween(a, b);

    public Instant? Add(Instant t, Duration d) => reference.AddBusinessTime(t, d);

    public Instant? Subtract(Instant t, Duration d) => reference.SubtractBusinessTime(t, d);

    public Instant? NextOpening(Instant t) => reference.NextOpening(t);

    public Instant? NextClosing(Instant t) => reference.NextClosing(t);

    public bool IsBusinessDay(LocalDate date) => reference.IsBusinessDay(date);

    public LocalDate? NthBusinessDayAfter(LocalDate date, int n) => reference.NthBusinessDayAfter(date, n);

    public Instant? CloseOfNthBusinessDayAfter(Instant received, int n) => reference.CloseOfNthBusinessDayAfter(received, n);
}
