using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Threading;
using NodaTime;

namespace Nhtrc.Sdk.Scheduling;

/// <summary>
/// The legal public holidays of the United States federal government (5 U.S.C. 6103, Executive
/// Order 11582), observed as OPM observes them, for every observed year from
/// <see cref="MinYear"/> (the first year of the Uniform Monday Holiday Act) to <see cref="MaxYear"/>.
/// Obtain it from <see cref="HolidayCalendar.UsFederal"/>; its identifier is <c>us-federal</c>.
/// </summary>
/// <remarks>
/// <para>
/// The holidays are New Year's Day (1 January); Birthday of Martin Luther King, Jr. (third Monday
/// of January, from 1986); Washington's Birthday (third Monday of February); Memorial Day (last
/// Monday of May); Juneteenth National Independence Day (19 June, from 2021); Independence Day
/// (4 July); Labor Day (first Monday of September); Columbus Day (second Monday of October);
/// Veterans Day (11 November, but the fourth Monday of October from 1971 to 1977); Thanksgiving
/// Day (fourth Thursday of November); Christmas Day (25 December).
/// </para>
/// <para>
/// A fixed-date holiday that falls on a Saturday is observed on the Friday before, one that falls
/// on a Sunday on the Monday after. New Year's Day on a Saturday is therefore observed on
/// 31 December of the year before, and is listed under that year. Inauguration Day, which is a
/// holiday only for some employees in the Washington area, and one-off closures by executive
/// order are not included; add them with <see cref="HolidayCalendar.FromDates"/> and
/// <see cref="HolidayCalendar.Union(string, IEnumerable{HolidayCalendar})"/>.
/// </para>
/// <para>
/// Each year is computed once, on first use, and cached; lookups after that do not allocate.
/// The calendar is immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class UsFederalHolidayCalendar : HolidayCalendar
{
    /// <summary>The first supported observed year, 1971: the rules before the Monday Holiday Act differ.</summary>
    /// <remarks>
    /// 1970 is not supported even though no holiday of 1971 is observed in it (1 January 1971 was a
    /// Friday): its own holidays followed the earlier fixed-date rules.
    /// </remarks>
    public static int MinYear => 1971;

    /// <summary>
    /// The last supported observed year, 9998: 31 December 9999 could be the observed day of
    /// 1 January 10000, which <see cref="LocalDate"/> cannot represent.
    /// </summary>
    public static int MaxYear => 9998;

    /// <inheritdoc />
    public override int FirstSupportedYear => MinYear;

    /// <inheritdoc />
    public override int LastSupportedYear => MaxYear;

    private const string NewYearsDay = "New Year's Day";
    private const string MartinLutherKingJrDay = "Birthday of Martin Luther King, Jr.";
    private const string WashingtonsBirthday = "Washington's Birthday";
    private const string MemorialDay = "Memorial Day";
    private const string Juneteenth = "Juneteenth National Independence Day";
    private const string IndependenceDay = "Independence Day";
    private const string LaborDay = "Labor Day";
    private const string ColumbusDay = "Columbus Day";
    private const string VeteransDay = "Veterans Day";
    private const string ThanksgivingDay = "Thanksgiving Day";
    private const string ChristmasDay = "Christmas Day";

    // One slot per supported observed year, filled on first use; entries are immutable once published.
    private readonly ObservedHolidayYear?[] _years = new ObservedHolidayYear?[MaxYear - MinYear + 1];

    private UsFederalHolidayCalendar()
        : base("us-federal")
    {
    }

    internal static UsFederalHolidayCalendar Instance { get; } = new();

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="year"/> is before <see cref="MinYear"/> or after <see cref="MaxYear"/>.
    /// </exception>
    public override IReadOnlyList<Holiday> GetObservedHolidays(int year) => GetYear(year).Holidays;

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException">
    /// The year of <paramref name="date"/> is before <see cref="MinYear"/> or after <see cref="MaxYear"/>.
    /// </exception>
    public override bool TryGetObservedHoliday(LocalDate date, [NotNullWhen(true)] out Holiday? holiday) =>
        GetYear(date.Year).TryFind(date, out holiday);

    private ObservedHolidayYear GetYear(int year)
    {
        if (year < MinYear || year > MaxYear)
        {
            throw new ArgumentOutOfRangeException(
                nameof(year),
                year,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "US federal holidays are supported for observed years {0} to {1} inclusive.",
                    MinYear,
                    MaxYear));
        }

        ref var slot = ref _years[year - MinYear];
        var cached = Volatile.Read(ref slot);
        if (cached is not null)
        {
            return cached;
        }

        // Two threads may compute the same year; both results are equal and the first one wins.
        var computed = ComputeObservedYear(year);
        return Interlocked.CompareExchange(ref slot, computed, null) ?? computed;
    }

    private static ObservedHolidayYear ComputeObservedYear(int year)
    {
        var holidays = new List<Holiday>(12);
        foreach (var holiday in HolidaysFallingIn(year))
        {
            // Only New Year's Day moves across a year boundary (to 31 December of the year before).
            if (holiday.ObservedDate.Year == year)
            {
                holidays.Add(holiday);
            }
        }

        var nextNewYear = Fixed(NewYearsDay, new LocalDate(year + 1, 1, 1));
        if (nextNewYear.ObservedDate.Year == year)
        {
            holidays.Add(nextNewYear);
        }

        return new ObservedHolidayYear(holidays);
    }

    /// <summary>The holidays whose actual date falls in <paramref name="year"/>, in calendar order.</summary>
    private static IEnumerable<Holiday> HolidaysFallingIn(int year)
    {
        yield return Fixed(NewYearsDay, new LocalDate(year, 1, 1));
        if (year >= 1986)
        {
            yield return Floating(MartinLutherKingJrDay, NthWeekdayOfMonth(year, 1, IsoDayOfWeek.Monday, 3));
        }

        yield return Floating(WashingtonsBirthday, NthWeekdayOfMonth(year, 2, IsoDayOfWeek.Monday, 3));
        yield return Floating(MemorialDay, LastWeekdayOfMonth(year, 5, IsoDayOfWeek.Monday));
        if (year >= 2021)
        {
            yield return Fixed(Juneteenth, new LocalDate(year, 6, 19));
        }

        yield return Fixed(IndependenceDay, new LocalDate(year, 7, 4));
        yield return Floating(LaborDay, NthWeekdayOfMonth(year, 9, IsoDayOfWeek.Monday, 1));
        yield return Floating(ColumbusDay, NthWeekdayOfMonth(year, 10, IsoDayOfWeek.Monday, 2));

        // Pub. L. 90-363 moved Veterans Day to a Monday; Pub. L. 94-97 restored 11 November from 1978.
        yield return year <= 1977
            ? Floating(VeteransDay, NthWeekdayOfMonth(year, 10, IsoDayOfWeek.Monday, 4))
            : Fixed(VeteransDay, new LocalDate(year, 11, 11));
        yield return Floating(ThanksgivingDay, NthWeekdayOfMonth(year, 11, IsoDayOfWeek.Thursday, 4));
        yield return Fixed(ChristmasDay, new LocalDate(year, 12, 25));
    }

    private static Holiday Floating(string name, LocalDate date) => new(name, date, date);

    private static Holiday Fixed(string name, LocalDate date) => new(name, date, ObservedDateOf(date));

    private static LocalDate ObservedDateOf(LocalDate date) => date.DayOfWeek switch
    {
        IsoDayOfWeek.Saturday => date.PlusDays(-1),
        IsoDayOfWeek.Sunday => date.PlusDays(1),
        _ => date,
    };

    private static LocalDate NthWeekdayOfMonth(int year, int month, IsoDayOfWeek dayOfWeek, int n)
    {
        var first = new LocalDate(year, month, 1);
        var daysToFirstMatch = ((int)dayOfWeek - (int)first.DayOfWeek + 7) % 7;
        return first.PlusDays(daysToFirstMatch + (7 * (n - 1)));
    }

    private static LocalDate LastWeekdayOfMonth(int year, int month, IsoDayOfWeek dayOfWeek)
    {
        var last = new LocalDate(year, month, 1).PlusMonths(1).PlusDays(-1);
        var daysBackToMatch = ((int)last.DayOfWeek - (int)dayOfWeek + 7) % 7;
        return last.PlusDays(-daysBackToMatch);
    }
}
