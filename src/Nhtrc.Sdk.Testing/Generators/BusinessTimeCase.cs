using System;
using Nhtrc.Sdk.Scheduling;
using NodaTime;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// What the laws of business time are stated over: a random calendar (as its <see cref="CalendarDefinition"/>), an
/// instant biased to that calendar's dangerous places, two amounts and a count of business days. Immutable; the
/// calendar is built once, on first use. <see cref="ToString"/> shows everything in the calendar's local time.
/// </summary>
public sealed class BusinessTimeCase
{
    private readonly Lazy<ServiceCalendar> calendar;

    /// <summary>Creates a case.</summary>
    /// <param name="definition">The calendar's facts.</param>
    /// <param name="t">The instant.</param>
    /// <param name="d1">A first amount, not negative.</param>
    /// <param name="d2">A second amount, not negative.</param>
    /// <param name="n">A count of business days, at least 1.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An amount is negative or <paramref name="n"/> is below 1.</exception>
    public BusinessTimeCase(CalendarDefinition definition, CalendarInstant t, Duration d1, Duration d2, int n)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(t);
        ArgumentOutOfRangeException.ThrowIfLessThan(d1, Duration.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(d2, Duration.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        Definition = definition;
        T = t;
        D1 = d1;
        D2 = d2;
        N = n;
        calendar = new Lazy<ServiceCalendar>(() => definition.ToServiceCalendar("generated"));
    }

    /// <summary>The calendar's facts.</summary>
    public CalendarDefinition Definition { get; }

    /// <summary>The SDK's calendar of <see cref="Definition"/>, id <c>generated</c>.</summary>
    public ServiceCalendar Calendar => calendar.Value;

    /// <summary>The instant, with the place it was chosen near.</summary>
    public CalendarInstant T { get; }

    /// <summary>A first amount.</summary>
    public Duration D1 { get; }

    /// <summary>A second amount.</summary>
    public Duration D2 { get; }

    /// <summary>A count of business days, 1 to 6.</summary>
    public int N { get; }

    /// <summary>Returns the calendar, the instant in local time and the amounts.</summary>
    public override string ToString() =>
        $"calendar {Definition}; t = {T}; d1 = {LocalText.Span(D1)}; d2 = {LocalText.Span(D2)}; n = {N}";
}
