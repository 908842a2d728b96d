using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Nhtrc.Sdk.Scheduling;
using NodaTime;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// The laws of business time (docs/deadlines.md, "Laws") as ready-made FsCheck properties to point at an
/// implementation of your own: round trip, smallest result, additivity, antisymmetry, monotonicity, bounds, subtract
/// inverting add, subtract's round trip and largest result, openings and closings being real transitions, and the
/// n-th business day. Each law is labelled, so a failure names it with the shrunk case in local time and FsCheck's
/// replay seed. The implementation is given as a factory from each random <see cref="ServiceCalendar"/> (write it as
/// JSON with <c>ServiceCalendarJson</c> if your code reads that) to its <see cref="BusinessTimeFunctions"/>.
/// </summary>
public static class BusinessTimeLaws
{
    /// <summary>The default number of cases <see cref="Check"/> tries.</summary>
    public const int DefaultMaxTest = 200;

    /// <summary>Every law, on random calendars (<see cref="NhtrcArbitraries.BusinessTimeCases"/>), for <c>Prop.ForAll</c>-style use or a <c>[Property]</c> method's result.</summary>
    /// <param name="implementation">Makes the implementation under test for a calendar.</param>
    /// <exception cref="ArgumentNullException"><paramref name="implementation"/> is null.</exception>
    public static Property All(Func<ServiceCalendar, BusinessTimeFunctions> implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return Prop.ForAll(NhtrcArbitraries.BusinessTimeCases(), c => Laws(c, implementation(c.Calendar)));
    }

    /// <summary>
    /// Every law on one calendar of your own, at instants biased to its dangerous places between
    /// <paramref name="firstDate"/> and <paramref name="lastDate"/> (<see cref="NhtrcGenerators.InstantsNear"/>), with random amounts.
    /// </summary>
    /// <param name="calendar">The calendar the implementation is configured with.</param>
    /// <param name="implementation">The implementation under test on that calendar.</param>
    /// <param name="firstDate">The first local date to take instants from.</param>
    /// <param name="lastDate">The last local date.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static Property All(ServiceCalendar calendar, BusinessTimeFunctions implementation, LocalDate firstDate, LocalDate lastDate)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(implementation);
        var definition = CalendarDefinition.From(calendar, firstDate.Year - 1, lastDate.Year + 1);
        var cases =
            from t in NhtrcGenerators.InstantsOn(calendar, firstDate, lastDate)
            from d1 in NhtrcGenerators.Durations
            from d2 in NhtrcGenerators.Durations
            from n in Gen.Choose(1, 6)
            select new BusinessTimeCase(definition, t, d1, d2, n);
        return Prop.ForAll(Arb.From(cases, NhtrcArbitraries.ShrinkCase), c => Laws(c, implementation));
    }

    /// <summary>
    /// The implementation answers what <see cref="NaiveBusinessCalendar"/> answers from the same facts, on random
    /// calendars: open or not, business time, add, subtract, next opening and closing, business days (a question the
    /// reference gives up on, past its horizon, is not compared).
    /// </summary>
    /// <param name="implementation">Makes the implementation under test for a calendar.</param>
    /// <exception cref="ArgumentNullException"><paramref name="implementation"/> is null.</exception>
    public static Property MatchesReference(Func<ServiceCalendar, BusinessTimeFunctions> implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        return Prop.ForAll(NhtrcArbitraries.BusinessTimeCases(), c => Differential(c, implementation(c.Calendar)));
    }

    /// <summary>
    /// Runs <see cref="All(Func{ServiceCalendar, BusinessTimeFunctions})"/> and <see cref="MatchesReference"/> on
    /// <paramref name="maxTest"/> cases each, and throws on the first failure, from any test framework.
    /// </summary>
    /// <param name="implementation">Makes the implementation under test for a calendar.</param>
    /// <param name="maxTest">How many cases to try for each.</param>
    /// <exception cref="ArgumentNullException"><paramref name="implementation"/> is null.</exception>
    /// <exception cref="SlaAssertionException">A law fails or the implementation differs from the reference; the message is FsCheck's: the law's label, the shrunk case in local time and the seed that replays it.</exception>
    public static void Check(Func<ServiceCalendar, BusinessTimeFunctions> implementation, int maxTest = DefaultMaxTest)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        Run("the laws of business time", All(implementation), maxTest);
        Run("the naive reference", MatchesReference(implementation), maxTest);
    }

    private static void Run(string what, Property property, int maxTest)
    {
        try
        {
            FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest).WithQuietOnSuccess(true), property);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new SlaAssertionException($"The implementation breaks {what}: {e.Message}", e);
        }
    }

    private static bool NeverOpens(CalendarDefinition d) => d.WeeklyHours.IsAlwaysClosed && d.Overrides.Values.All(o => o.IsClosed);

    private static Property Laws(BusinessTimeCase c, BusinessTimeFunctions f)
    {
        if (NeverOpens(c.Definition))
        {
            return true.Classify(true, "calendar never opens (no law applies)");
        }

        var t = c.T.Instant;
        var (d1, d2, eps) = (c.D1, c.D2, Duration.Epsilon);
        var laws = new List<Property>
        {
            Law("round trip: Between(t, Add(t, d1)) == d1", () => f.BusinessTimeBetween(t, f.AddBusinessTime(t, d1)) == d1),
            Law("smallest: Add(t, d1) is the first instant with d1 of business time after t", () =>
            {
                var r = f.AddBusinessTime(t, d1);
                return r >= t && (d1 == Duration.Zero ? r == t : r == t || f.BusinessTimeBetween(t, r - eps) < d1);
            }),
            Law("additivity: Add(Add(t, d1), d2) == Add(t, d1 + d2)", () => f.AddBusinessTime(f.AddBusinessTime(t, d1), d2) == f.AddBusinessTime(t, d1 + d2)),
            Law("additivity: Between(a, b) + Between(b, c) == Between(a, c)", () =>
                f.BusinessTimeBetween(t, t + d1) + f.BusinessTimeBetween(t + d1, t + d1 + d2) == f.BusinessTimeBetween(t, t + d1 + d2)),
            Law("antisymmetry: Between(b, a) == -Between(a, b)", () => f.BusinessTimeBetween(t + d1, t) == -f.BusinessTimeBetween(t, t + d1)),
            Law("monotonicity in the end instant and the amount", () =>
            {
                var (small, large) = d1 <= d2 ? (d1, d2) : (d2, d1);
                return f.BusinessTimeBetween(t, t + small) <= f.BusinessTimeBetween(t, t + large)
                    && f.AddBusinessTime(t, small) <= f.AddBusinessTime(t, large);
            }),
            Law("bounds: 0 <= Between(a, b) <= b - a", () => f.BusinessTimeBetween(t, t + d1) is var b && b >= Duration.Zero && b <= d1),
        };

        if (f.SubtractBusinessTime is { } subtract)
        {
            laws.Add(Law("subtract round trip: Between(Subtract(t, d1), t) == d1, and it is the largest such instant", () =>
            {
                var s = subtract(t, d1);
                return s <= t && f.BusinessTimeBetween(s, t) == d1 && (d1 == Duration.Zero || s == t || f.BusinessTimeBetween(s + eps, t) < d1);
            }));
            if (f.IsOpen is { } isOpenForSubtract && f.NextOpening is { } nextOpeningForSubtract)
            {
                laws.Add(Law("subtract inverts add: Subtract(Add(t, d1), d1) == t when open, else the next opening", () =>
                    d1 == Duration.Zero || subtract(f.AddBusinessTime(t, d1), d1) == (isOpenForSubtract(t) ? t : nextOpeningForSubtract(t))));
            }
        }

        if (f.IsOpen is { } isOpen)
        {
            if (f.NextOpening is { } nextOpening)
            {
                laws.Add(Law("NextOpening is a real opening, with no open time before it", () =>
                    nextOpening(t) is not { } open
                    || (open >= t && isOpen(open) && !isOpen(open - eps) && (isOpen(t) || f.BusinessTimeBetween(t, open) == Duration.Zero))));
            }

            if (f.NextClosing is { } nextClosing)
            {
                laws.Add(Law("NextClosing is a real closing, open all the way to it when open now", () =>
                    nextClosing(t) is not { } close
                    || (close > t && !isOpen(close) && isOpen(close - eps) && (!isOpen(t) || f.BusinessTimeBetween(t, close) == close - t))));
            }
        }

        if (f.IsBusinessDay is { } isBusinessDay && f.NthBusinessDayAfter is { } nth)
        {
            laws.Add(Law("n-th business day: a business day with exactly n business days in (date, day], and Nth(Nth(date, n), 1) == Nth(date, n + 1)", () =>
            {
                var date = t.InZone(c.Definition.Zone).Date;
                var day = nth(date, c.N);
                var count = 0;
                for (var d = date.PlusDays(1); d <= day; d = d.PlusDays(1))
                {
                    count += isBusinessDay(d) ? 1 : 0;
                }

                return day > date && isBusinessDay(day) && count == c.N && nth(day, 1) == nth(date, c.N + 1);
            }));
        }

        return laws.Aggregate((a, b) => a.And(b));
    }

    private static Property Differential(BusinessTimeCase c, BusinessTimeFunctions f)
    {
        if (NeverOpens(c.Definition))
        {
            return true.Classify(true, "calendar never opens");
        }

        var naive = new NaiveBusinessCalendar(c.Definition);
        var t = c.T.Instant;
        var end = t + c.D1 + c.D2;
        var checks = new List<Property>
        {
            Compare("BusinessTimeBetween(t, t + d1 + d2)", naive.BusinessTimeBetween(t, end), () => f.BusinessTimeBetween(t, end)),
        };
        if (naive.AddBusinessTime(t, c.D1) is { } added)
        {
            checks.Add(Compare("AddBusinessTime(t, d1)", added, () => f.AddBusinessTime(t, c.D1)));
        }

        if (f.SubtractBusinessTime is { } subtract && naive.SubtractBusinessTime(t, c.D1) is { } subtracted)
        {
            checks.Add(Compare("SubtractBusinessTime(t, d1)", subtracted, () => subtract(t, c.D1)));
        }

        if (f.IsOpen is { } isOpen)
        {
            checks.Add(Compare("IsOpen(t)", naive.IsOpen(t), () => isOpen(t)));
        }

        if (f.NextOpening is { } nextOpening && naive.NextOpening(t) is { } opening)
        {
            checks.Add(Compare("NextOpening(t)", (Instant?)opening, () => nextOpening(t)));
        }

        if (f.NextClosing is { } nextClosing && naive.NextClosing(t) is { } closing)
        {
            checks.Add(Compare("NextClosing(t)", (Instant?)closing, () => nextClosing(t)));
        }

        var date = t.InZone(c.Definition.Zone).Date;
        if (f.IsBusinessDay is { } isBusinessDay)
        {
            checks.Add(Compare("IsBusinessDay(local date of t)", naive.IsBusinessDay(date), () => isBusinessDay(date)));
        }

        if (f.NthBusinessDayAfter is { } nth && naive.NthBusinessDayAfter(date, c.N) is { } day)
        {
            checks.Add(Compare("NthBusinessDayAfter(local date of t, n)", day, () => nth(date, c.N)));
        }

        return checks.Aggregate((a, b) => a.And(b));
    }

    private static Property Law(string name, Func<bool> law) => Prop.Label(law, name);

    private static Property Compare<T>(string what, T expected, Func<T> actual) =>
        Prop.Label(() => EqualityComparer<T>.Default.Equals(expected, actual()), $"{what}: the naive reference says {expected}");
}
