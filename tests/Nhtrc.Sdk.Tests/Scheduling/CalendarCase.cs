using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Nhtrc.Sdk.Testing;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Scheduling;

/// <summary>
/// A case of the package's <see cref="NhtrcGenerators.BusinessTimeCases"/> (a random calendar as its raw definition, an
/// instant biased to its dangerous places, two amounts, a count of business days) and a span of up to 30 years for the
/// long-span law, with the real calendar and the package's naive reference side by side.
/// </summary>
public sealed record CalendarCase(BusinessTimeCase Case, Duration Big)
{
    private ReferenceCalendarModel? naive;
    private IReadOnlyList<string>? naiveGaveUp;

    public CalendarDefinition Definition => Case.Definition;

    public Instant T => Case.T.Instant;

    public Duration D1 => Case.D1;

    public Duration D2 => Case.D2;

    public int N => Case.N;

    public Sdk.Scheduling.ServiceCalendar Calendar => Case.Calendar;

    public RealCalendarModel Real => new(Calendar);

    public ReferenceCalendarModel Naive => naive ??= new ReferenceCalendarModel(new NaiveBusinessCalendar(Definition));

    public IEnumerable<ICalendarModel> Models => [Real, Naive];

    /// <summary>
    /// The operations on this case (at <see cref="T"/>, by <see cref="D1"/>, <see cref="N"/> days) that the naive
    /// model gave up on past its horizon while the real calendar answered: a law or comparison is then checked
    /// on the real calendar alone, so suites report how often (Classify) and bound it (NaiveHorizonTests).
    /// </summary>
    public IReadOnlyList<string> NaiveGaveUp => naiveGaveUp ??= FindNaiveGaveUp();

    public bool NaiveGaveUpOnAny => NaiveGaveUp.Count > 0;

    public override string ToString() => $"{Case}; big = {Big}";

    private List<string> FindNaiveGaveUp()
    {
        var (real, naive) = (Real, Naive);
        var date = T.InZone(Definition.Zone).Date;
        var gaveUp = new List<string>();
        void Check(string operation, bool naiveNull, Func<bool> realAnswers)
        {
            if (naiveNull && realAnswers())
            {
                gaveUp.Add(operation);
            }
        }

        Check("add", naive.Add(T, D1) is null, () => real.Add(T, D1) is not null);
        Check("subtract", naive.Subtract(T, D1) is null, () => real.Subtract(T, D1) is not null);
        Check("nextOpening", naive.NextOpening(T) is null, () => real.NextOpening(T) is not null);
        Check("nextClosing", naive.NextClosing(T) is null, () => real.NextClosing(T) is not null);
        Check("nthBusinessDay", naive.NthBusinessDayAfter(date, N) is null, () => real.NthBusinessDayAfter(date, N) is not null);
        Check("closeOfNthBusinessDay", naive.CloseOfNthBusinessDayAfter(T, N) is null, () => real.CloseOfNthBusinessDayAfter(T, N) is not null);
        return gaveUp;
    }
}

/// <summary>The package's business-time cases with a long span, shrinking as the package shrinks them.</summary>
public static class CalendarArbitraries
{
    public static Gen<CalendarCase> CaseGen =>
        from c in NhtrcGenerators.BusinessTimeCases
        from big in Gen.Choose(0, 30 * 365 * 8 * 60).Select(m => Duration.FromMinutes(m))
        select new CalendarCase(c, big);

    public static Arbitrary<CalendarCase> Cases() => Arb.From(CaseGen, c => NhtrcArbitraries.BusinessTimeCases().Shrinker(c.Case).Select(s => c with { Case = s }));
}
