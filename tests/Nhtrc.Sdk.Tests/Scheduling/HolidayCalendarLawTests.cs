using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Scheduling;

/// <summary>
/// Laws of custom (<see cref="HolidayCalendar.FromDates"/>) and union calendars, on generated
/// partner calendars and on the US federal calendar, real and naive.
/// </summary>
public class HolidayCalendarLawTests
{
    // Generated holidays fall in 2026-11-30 .. 2027-01-30, so both years and their boundary are exercised.
    private static readonly int[] Years = [2026, 2027];
    private static readonly LocalDate FirstGenerated = new(2026, 11, 30);

    private static Gen<Holiday> Holidays() =>
        from name in Gen.Elements("Christmas Day", "Staff day", "Inventory", "New Year's Day")
        from offset in Gen.Choose(0, 61)
        from shift in Gen.Choose(-1, 1)
        let actual = FirstGenerated.PlusDays(offset)
        select new Holiday(name, actual, actual.PlusDays(shift));

    /// <summary>Valid input for FromDates: no name repeated on one observed date.</summary>
    private static Gen<Holiday[]> HolidayLists() =>
        Gen.ArrayOf(Holidays()).Select(list => list.DistinctBy(h => (h.ObservedDate, h.Name)).ToArray());

    private static Gen<HolidayCalendar> Calendars() =>
        Gen.Frequency(
            (4, HolidayLists().Select(list => HolidayCalendar.FromDates("generated", list))),
            (1, Gen.Constant<HolidayCalendar>(HolidayCalendar.UsFederal)),
            (1, Gen.Constant<HolidayCalendar>(new NaiveUsFederalHolidayCalendar())));

    private static Arbitrary<(HolidayCalendar A, HolidayCalendar B, HolidayCalendar C)> ThreeCalendars() =>
        Gen.Zip(Calendars(), Gen.Zip(Calendars(), Calendars()))
            .Select(t => (t.Item1, t.Item2.Item1, t.Item2.Item2))
            .ToArbitrary();

    private static bool Same(HolidayCalendar x, HolidayCalendar y) =>
        Years.All(year => x.GetObservedHolidays(year).SequenceEqual(y.GetObservedHolidays(year)));

    private static HolidayCalendar U(params HolidayCalendar[] calendars) => HolidayCalendar.Union("u", calendars);

    [Property]
    public Property Union_IsCommutative() =>
        Prop.ForAll(ThreeCalendars(), c => Same(U(c.A, c.B), U(c.B, c.A)));

    [Property]
    public Property Union_IsAssociative() =>
        Prop.ForAll(ThreeCalendars(), c => Same(U(c.A, U(c.B, c.C)), U(U(c.A, c.B), c.C)) && Same(U(c.A, c.B, c.C), U(U(c.A, c.B), c.C)));

    [Property]
    public Property Union_IsIdempotent_AndTheEmptyCalendarIsItsIdentity() =>
        Prop.ForAll(ThreeCalendars(), c =>
            Same(U(c.A, c.A), c.A) && Same(U(c.A, HolidayCalendar.FromDates("empty", [])), c.A) && Same(U(c.A), c.A));

    [Property]
    public Property Union_HoldsExactlyTheDistinctHolidaysOfItsMembers_InOrder() =>
        Prop.ForAll(ThreeCalendars(), c => Years.All(year =>
        {
            var expected = c.A.GetObservedHolidays(year).Concat(c.B.GetObservedHolidays(year))
                .Distinct()
                .OrderBy(h => h.ObservedDate)
                .ThenBy(h => h.Name, System.StringComparer.Ordinal)
                .ThenBy(h => h.ActualDate);
            return U(c.A, c.B).GetObservedHolidays(year).SequenceEqual(expected);
        }));

    [Property]
    public Property UnionWithTheFederalCalendar_IsTheSameWhetherRealOrNaive() =>
        Prop.ForAll(ThreeCalendars(), c =>
            Same(U(c.A, HolidayCalendar.UsFederal), U(c.A, new NaiveUsFederalHolidayCalendar()))
            && Same(U(HolidayCalendar.UsFederal, new NaiveUsFederalHolidayCalendar()), HolidayCalendar.UsFederal));

    [Property]
    public Property TryGetObservedHoliday_OfUnionAndCustom_IsTheFirstListedOnThatDate() =>
        Prop.ForAll(ThreeCalendars(), c =>
        {
            var calendars = new[] { c.A, U(c.A, c.B, c.C) };
            var dates = Enumerable.Range(-2, 66).Select(FirstGenerated.PlusDays);
            return calendars.All(calendar => dates.All(date =>
            {
                var expected = calendar.GetObservedHolidays(date.Year).FirstOrDefault(h => h.ObservedDate == date);
                return calendar.TryGetObservedHoliday(date, out var found) ? found == expected : expected is null;
            }));
        });

    [Property]
    public Property FromDates_DoesNotDependOnInputOrder() =>
        Prop.ForAll(
            HolidayLists().SelectMany(list => Gen.Shuffle(list), (list, shuffled) => (list, shuffled)).ToArbitrary(),
            p => Same(HolidayCalendar.FromDates("a", p.list), HolidayCalendar.FromDates("b", p.shuffled)));

    [Property]
    public Property FromDates_OfAnyCalendarsYear_ReproducesThatYear_RealAndNaive() =>
        Prop.ForAll(Gen.Choose(UsFederalHolidayCalendar.MinYear, UsFederalHolidayCalendar.MaxYear).ToArbitrary(), year =>
            new HolidayCalendar[] { HolidayCalendar.UsFederal, new NaiveUsFederalHolidayCalendar() }.All(calendar =>
            {
                var original = calendar.GetObservedHolidays(year);
                return HolidayCalendar.FromDates("copy", original.Reverse()).GetObservedHolidays(year).SequenceEqual(original);
            }));

    [Property]
    public Property FromDates_RepeatingAnEntry_IsRejectedAtTheRepeatsIndex() =>
        Prop.ForAll(
            HolidayLists().Where(list => list.Length > 0).SelectMany(list => Gen.Choose(0, list.Length - 1), (list, i) => (list, i)).ToArbitrary(),
            p =>
            {
                var withRepeat = new List<Holiday>(p.list) { p.list[p.i] };
                try
                {
                    HolidayCalendar.FromDates("acme", withRepeat);
                    return false;
                }
                catch (NhtrcValidationException ex)
                {
                    return ex.Problems.Length == 1 && ex.Problems[0].Location == $"holidays[{p.list.Length}]";
                }
            });
}
