using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Nhtrc.Sdk.Tests.Scheduling;

/// <summary>The real calendar answers exactly what the naive minute-by-minute reference answers.</summary>
[Properties(Arbitrary = [typeof(CalendarArbitraries)], MaxTest = 200)]
public sealed class ServiceCalendarDifferentialTests
{
    [Property]
    public Property IsOpen_And_Between_MatchTheNaiveReference(CalendarCase c)
    {
        var end = c.T + c.D1 + c.D2;
        return (c.Real.IsOpen(c.T) == c.Naive.IsOpen(c.T)
                && c.Real.Between(c.T, end) == c.Naive.Between(c.T, end))
            .Classify(c.NaiveGaveUpOnAny, "naive model gave up past its horizon")
            .Label($"isOpen {c.Real.IsOpen(c.T)}/{c.Naive.IsOpen(c.T)} between {c.Real.Between(c.T, end)}/{c.Naive.Between(c.T, end)}");
    }

    [Property]
    public Property Add_And_Subtract_MatchTheNaiveReference(CalendarCase c)
    {
        var naiveAdd = c.Naive.Add(c.T, c.D1);
        var naiveSubtract = c.Naive.Subtract(c.T, c.D1);
        var addOk = naiveAdd is null || c.Real.Add(c.T, c.D1) == naiveAdd;
        var subtractOk = naiveSubtract is null || c.Real.Subtract(c.T, c.D1) == naiveSubtract;
        return (addOk && subtractOk)
            .Classify(c.NaiveGaveUpOnAny, "naive model gave up past its horizon")
            .Label($"add {c.Real.Add(c.T, c.D1)}/{naiveAdd} subtract {c.Real.Subtract(c.T, c.D1)}/{naiveSubtract}");
    }

    [Property]
    public Property NextOpening_And_NextClosing_MatchTheNaiveReference(CalendarCase c)
    {
        var naiveOpen = c.Naive.NextOpening(c.T);
        var naiveClose = c.Naive.NextClosing(c.T);
        return ((naiveOpen is null || c.Real.NextOpening(c.T) == naiveOpen)
                && (naiveClose is null || c.Real.NextClosing(c.T) == naiveClose))
            .Classify(c.NaiveGaveUpOnAny, "naive model gave up past its horizon")
            .Label($"open {c.Real.NextOpening(c.T)}/{naiveOpen} close {c.Real.NextClosing(c.T)}/{naiveClose}");
    }

    [Property]
    public Property BusinessDays_MatchTheNaiveReference(CalendarCase c)
    {
        var date = c.T.InZone(c.Definition.Zone).Date;
        var naiveDay = c.Naive.NthBusinessDayAfter(date, c.N);
        var naiveClose = c.Naive.CloseOfNthBusinessDayAfter(c.T, c.N);
        var realDay = naiveDay is null ? null : c.Real.NthBusinessDayAfter(date, c.N);
        var realClose = naiveClose is null ? null : c.Real.CloseOfNthBusinessDayAfter(c.T, c.N);
        return (c.Real.IsBusinessDay(date) == c.Naive.IsBusinessDay(date) && realDay == naiveDay && realClose == naiveClose)
            .Classify(c.NaiveGaveUpOnAny, "naive model gave up past its horizon")
            .Label($"day {realDay}/{naiveDay} close {realClose}/{naiveClose}");
    }
}
