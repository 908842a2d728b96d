using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using NodaTime.TimeZones;

namespace Nhtrc.Sdk.Tests.Scheduling;

/// <summary>A random calendar with an instant biased to the dangerous places, and random amounts.</summary>
public sealed record CalendarCase(CalendarDefinition Definition, Instant T, Duration D1, Duration D2, Duration Big, int N)
{
    private Sdk.Scheduling.ServiceCalendar? calendar;
    private NaiveCalendarModel? naive;
    private IReadOnlyList<string>? naiveGaveUp;

    public Sdk.Scheduling.ServiceCalendar Calendar => calendar ??= Definition.ToServiceCalendar();

    public RealCalendarModel Real => new(Calendar);

    public NaiveCalendarModel Naive => naive ??= new NaiveCalendarModel(Definition);

    public IEnumerable<ICalendarModel> Models => [Real, Naive];

    /// <summary>
    /// The operations on this case (at <see cref="T"/>, by <see cref="D1"/>, <see cref="N"/> days) that the naive
    /// model gave up on past its horizon while the real calendar answered: a law or comparison is then checked
    /// on the real calendar alone, so suites report how often (Classify) and bound it (NaiveHorizonTests).
    /// </summary>
    public IReadOnlyList<string> NaiveGaveUp => naiveGaveUp ??= FindNaiveGaveUp();

    public bool NaiveGaveUpOnAny => NaiveGaveUp.Count > 0;

    public override string ToString() =>
        $"{Definition}; t={T} ({T.InZone(Definition.Zone)}); d1={D1}; d2={D2}; big={Big}; n={N}";

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

public static class CalendarArbitraries
{
    // Zones where clocks change at midnight, by 30 minutes, by odd amounts, negatively, or skip a whole day.
    private static readonly string[] DangerousZones =
    [
        "America/New_York", "America/Sao_Paulo", "Australia/Lord_Howe", "America/Havana", "America/Santiago",
        "Europe/Dublin", "Europe/London", "America/St_Johns", "Asia/Kathmandu", "Pacific/Chatham", "Pacific/Apia",
        "Asia/Tehran", "Africa/Casablanca", "Asia/Gaza", "Etc/UTC", "Asia/Kolkata", "America/Godthab",
    ];

    private static readonly string[] AllZones = [.. DateTimeZoneProviders.Tzdb.Ids];

    private static readonly LocalTime[] DangerousTimes =
    [
        LocalTime.Midnight, new(0, 30), new(1, 0), new(1, 30), new(2, 0), new(2, 30), new(3, 0), new(9, 0),
        new(12, 0), new(19, 0), new(22, 0), new(23, 0), new(23, 30), new(23, 59),
    ];

    public static Arbitrary<CalendarCase> Cases() => Arb.From(CaseGen);

    public static Gen<DateTimeZone> ZoneGen =>
        Gen.Frequency(
            (3, Gen.Elements(DangerousZones)),
            (1, Gen.Elements(AllZones)))
        .Select(id => DateTimeZoneProviders.Tzdb[id]);

    public static Gen<LocalTime> TimeGen =>
        Gen.Frequency(
            (2, Gen.Elements(DangerousTimes)),
            (3, Gen.Choose(0, (24 * 60) - 1).Select(m => LocalTime.FromMinutesSinceMidnight(m))));

    public static Gen<(LocalTime Open, LocalTime Close)> IntervalGen =>
        from open in TimeGen
        from close in Gen.Frequency((1, Gen.Constant(open)), (6, TimeGen))
        select (open, close);

    public static Gen<IReadOnlyList<(LocalTime Open, LocalTime Close)>> DayGen =>
        Gen.Frequency(
            (1, Gen.Constant<IReadOnlyList<(LocalTime, LocalTime)>>([])),
            (4, from count in Gen.Choose(1, 3)
                from list in Gen.ListOf(IntervalGen, count)
                select (IReadOnlyList<(LocalTime, LocalTime)>)list.ToArray()));

    private static readonly IReadOnlyList<(LocalTime, LocalTime)> NineToSeven = [(new LocalTime(9, 0), new LocalTime(19, 0))];

    public static Gen<IReadOnlyList<(LocalTime Open, LocalTime Close)>[]> WeeklyGen =>
        Gen.Frequency(
            (1, Gen.Constant(Enumerable.Repeat<IReadOnlyList<(LocalTime, LocalTime)>>([(LocalTime.Midnight, LocalTime.Midnight)], 7).ToArray())),
            (2, Gen.Constant(Enumerable.Range(0, 7).Select(i => i < 5 ? NineToSeven : []).ToArray())),
            (6, Gen.ListOf(DayGen, 7).Select(days => days.ToArray())));

    public static Gen<LocalDate> AnchorDateGen =>
        from year in Gen.Choose(1995, 2035)
        from dayOfYear in Gen.Frequency(
            (4, Gen.Choose(1, 365)),
            (1, Gen.Elements(1, 2, 59, 60, 364, 365)))
        select new LocalDate(year, 1, 1).PlusDays(dayOfYear - 1);

    public static Gen<CalendarCase> CaseGen =>
        from zone in ZoneGen
        from weekly in WeeklyGen
        from anchor in AnchorDateGen
        from holidayOffsets in Gen.ListOf(Gen.Choose(-20, 40), 6).Resize(6)
        from overrideOffsets in Gen.ListOf(Gen.Choose(-20, 40), 4).Resize(4)
        from overrideHours in Gen.ListOf(DayGen, 4)
        from t in InstantGen(zone, weekly, anchor)
        from d1 in MinutesGen
        from d2 in MinutesGen
        from big in Gen.Choose(0, 30 * 365 * 8 * 60).Select(m => Duration.FromMinutes(m))
        from n in Gen.Choose(1, 6)
        let holidays = holidayOffsets.Select(o => anchor.PlusDays(o)).ToImmutableHashSet()
        let overrides = overrideOffsets.Zip(overrideHours)
            .GroupBy(p => anchor.PlusDays(p.First))
            .ToImmutableDictionary(g => g.Key, g => g.First().Second)
        select new CalendarCase(new CalendarDefinition(zone, weekly, holidays, overrides), t, d1, d2, big, n);

    public static Gen<Duration> MinutesGen =>
        Gen.Frequency(
            (1, Gen.Constant(0)),
            (6, Gen.Choose(1, 600)),
            (2, Gen.Choose(600, 4000)))
        .Select(m => Duration.FromMinutes(m));

    /// <summary>An instant near the anchor: a random minute, a DST transition, midnight, or an exact opening or closing.</summary>
    public static Gen<Instant> InstantGen(DateTimeZone zone, IReadOnlyList<(LocalTime Open, LocalTime Close)>[] weekly, LocalDate anchor)
    {
        Instant Resolve(LocalDateTime local) => zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant();

        var randomMinute =
            from offset in Gen.Choose(-3, 3)
            from time in TimeGen
            select Resolve(anchor.PlusDays(offset) + time);

        var start = Resolve(anchor.PlusDays(-200).AtMidnight());
        var end = Resolve(anchor.PlusDays(200).AtMidnight());
        var transitions = zone.GetZoneIntervals(start, end)
            .Where(i => i.HasStart && i.Start > start)
            .Select(i => i.Start)
            .ToArray();
        var nearTransition = transitions.Length == 0
            ? randomMinute
            : from transition in Gen.Elements(transitions)
              from minutes in Gen.Choose(-90, 90)
              select transition + Duration.FromMinutes(minutes);

        var hours = Enumerable.Range(-3, 7)
            .SelectMany(o => weekly[(int)anchor.PlusDays(o).DayOfWeek - 1]
                .SelectMany(h => new[] { anchor.PlusDays(o) + h.Open, (h.Close <= h.Open ? anchor.PlusDays(o + 1) : anchor.PlusDays(o)) + h.Close }))
            .Select(Resolve)
            .ToArray();
        var atBoundary = hours.Length == 0 ? randomMinute : Gen.Elements(hours);

        var newYear = Gen.Elements(-2, -1, 0, 1, 2)
            .Select(m => Resolve(new LocalDate(anchor.Year, 1, 1).AtMidnight()) + Duration.FromMinutes(m));

        return Gen.Frequency((4, randomMinute), (3, nearTransition), (3, atBoundary), (1, newYear));
    }
}
