using NodaTime;

namespace Nhtrc.Sdk.Tests.Scheduling;

/// <summary>What the laws of business-time arithmetic are stated over: the real calendar or the naive reference.</summary>
public interface ICalendarModel
{
    string Name { get; }

    bool IsOpen(Instant t);

    Duration Between(Instant a, Instant b);

    /// <summary>Null when the naive model gives up (beyond its search horizon).</summary>
    Instant? Add(Instant t, Duration d);

    Instant? Subtract(Instant t, Duration d);

    Instant? NextOpening(Instant t);

    Instant? NextClosing(Instant t);

    bool IsBusinessDay(LocalDate date);

    LocalDate? NthBusinessDayAfter(LocalDate date, int n);

    Instant? CloseOfNthBusinessDayAfter(Instant received, int n);
}
