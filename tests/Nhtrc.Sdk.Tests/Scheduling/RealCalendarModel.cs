using Nhtrc.Sdk.Scheduling;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Scheduling;

public sealed class RealCalendarModel(ServiceCalendar calendar) : ICalendarModel
{
    public string Name => "real";

    public ServiceCalendar Calendar => calendar;

    public bool IsOpen(Instant t) => calendar.IsOpen(t);

    public Duration Between(Instant a, Instant b) => calendar.BusinessTimeBetween(a, b);

    public Instant? Add(Instant t, Duration d) => calendar.AddBusinessTime(t, d);

    public Instant? Subtract(Instant t, Duration d) => calendar.SubtractBusinessTime(t, d);

    public Instant? NextOpening(Instant t) => calendar.NextOpening(t);

    public Instant? NextClosing(Instant t) => calendar.NextClosing(t);

    public bool IsBusinessDay(LocalDate date) => calendar.IsBusinessDay(date);

    public LocalDate? NthBusinessDayAfter(LocalDate date, int n) => calendar.NthBusinessDayAfter(date, n);

    public Instant? CloseOfNthBusinessDayAfter(Instant received, int n) => calendar.CloseOfNthBusinessDayAfter(received, n);
}
