using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// The raw facts a service calendar is made of: a zone, weekly hours, closed dates (holidays, as the dates they are
/// observed) and dated overrides. Random calendars are generated as definitions, so that a reference model
/// (<see cref="NaiveBusinessCalendar"/>) and the calendar under test are built from the same facts without sharing
/// code; <see cref="ToServiceCalendar"/> makes the SDK's calendar. Immutable; <see cref="ToString"/> lists every fact,
/// so a counterexample reads as the calendar it is.
/// </summary>
public sealed class CalendarDefinition
{
    /// <summary>Creates a definition.</summary>
    /// <param name="zone">The zone of the local times.</param>
    /// <param name="weeklyHours">The regular hours.</param>
    /// <param name="holidays">Dates closed for a holiday (the observed dates); repeats are ignored.</param>
    /// <param name="overrides">Dated overrides, at most one per date.</param>
    /// <exception cref="ArgumentNullException">An argument or an override is null.</exception>
    /// <exception cref="ArgumentException">Two overrides share a date.</exception>
    public CalendarDefinition(DateTimeZone zone, WeeklyHours weeklyHours, IEnumerable<LocalDate> holidays, IEnumerable<DateOverride> overrides)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(weeklyHours);
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(overrides);
        var byDate = ImmutableSortedDictionary.CreateBuilder<LocalDate, DateOverride>();
        foreach (var item in overrides)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(overrides));
            if (!byDate.TryAdd(item.Date, item))
            {
                throw new ArgumentException($"Two overrides for {item.Date:uuuu'-'MM'-'dd}.", nameof(overrides));
            }
        }

        Zone = zone;
        WeeklyHours = weeklyHours;
        Holidays = [.. holidays];
        Overrides = byDate.ToImmutable();
    }

    /// <summary>The zone of the local times.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The regular hours.</summary>
    public WeeklyHours WeeklyHours { get; }

    /// <summary>The dates closed for a holiday, in order.</summary>
    public ImmutableSortedSet<LocalDate> Holidays { get; }

    /// <summary>The overrides by date, in order.</summary>
    public ImmutableSortedDictionary<LocalDate, DateOverride> Overrides { get; }

    /// <summary>
    /// The definition of <paramref name="calendar"/>: its zone, weekly hours and overrides, and the dates its holiday
    /// calendars observe in the local years <paramref name="firstYear"/> to <paramref name="lastYear"/> (a reference model
    /// built from it agrees with the calendar only within those years).
    /// </summary>
    /// <param name="calendar">The calendar.</param>
    /// <param name="firstYear">The first year whose holidays to list.</param>
    /// <param name="lastYear">The last year whose holidays to list; at most 400 years after the first.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The years are out of order or span more than 400 years.</exception>
    public static CalendarDefinition From(ServiceCalendar calendar, int firstYear, int lastYear)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfLessThan(lastYear, firstYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lastYear - firstYear, 400);
        var holidays = new List<LocalDate>();
        foreach (var holidayCalendar in calendar.HolidayCalendars)
        {
            var from = Math.Max(firstYear, holidayCalendar.FirstSupportedYear);
            var to = Math.Min(lastYear, holidayCalendar.LastSupportedYear);
            for (var year = from; year <= to; year++)
            {
                holidays.AddRange(holidayCalendar.GetObservedHolidays(year).Select(h => h.ObservedDate));
            }
        }

        return new CalendarDefinition(calendar.Zone, calendar.WeeklyHours, holidays, calendar.Overrides);
    }

    /// <summary>
    /// The SDK's calendar of this definition, with the holidays as one dated holiday calendar (<c>&lt;id&gt;-holidays</c>,
    /// each named <c>Closed</c>), so that a calendar on a tz database zone has a JSON form (<c>ServiceCalendarJson</c>).
    /// </summary>
    /// <param name="id">The calendar's id.</param>
    /// <exception cref="NhtrcValidationException">The SDK refuses the calendar (a date outside the years 1800-2200).</exception>
    public ServiceCalendar ToServiceCalendar(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        HolidayCalendar[] holidays = Holidays.IsEmpty ? [] : [HolidayCalendar.FromDates(id + "-holidays", Holidays.Select(d => new Holiday("Closed", d, d)))];
        return new ServiceCalendar(id, Zone, WeeklyHours, holidays, Overrides.Values);
    }

    /// <summary>
    /// Returns every fact, for example
    /// <c>America/Sao_Paulo; Mon 09:00-13:00, 14:00-19:00; Sat 22:00-06:00; holidays 2026-03-31; overrides 2026-12-24 08:00-12:00</c>.
    /// </summary>
    public override string ToString()
    {
        var weekly = WeeklyHours.IsAlwaysClosed ? "closed every day" : WeeklyHours.ToString();
        var holidays = Holidays.IsEmpty ? "no holidays" : "holidays " + string.Join(", ", Holidays.Select(d => d.ToString("uuuu'-'MM'-'dd", null)));
        var overrides = Overrides.IsEmpty ? "no overrides" : "overrides " + string.Join(", ", Overrides.Values.Select(o => o.ToString()));
        return $"{Zone.Id}; {weekly}; {holidays}; {overrides}";
    }
}
