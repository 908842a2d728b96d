using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// Builds a <see cref="ServiceCalendar"/> fluently: zone, weekly hours (several periods a day, periods past midnight),
/// holiday calendars, dated holidays and dated overrides. Immutable: every method returns a new builder, so a test
/// can share a base and vary it. Hours are written as in calendar JSON, <c>09:00-19:00</c>, <c>22:00-06:00</c>,
/// <c>00:00-24:00</c>. The calendar built has the document form <c>ServiceCalendarJson</c> writes: the dated holidays
/// become one calendar named <c>&lt;id&gt;-holidays</c>, after the holiday calendars added by id.
/// </summary>
public sealed class ServiceCalendarBuilder
{
    private readonly string id;
    private readonly DateTimeZone zone;
    private readonly WeeklyHours weekly;
    private readonly ImmutableArray<HolidayCalendar> holidayCalendars;
    private readonly ImmutableArray<Holiday> holidays;
    private readonly ImmutableSortedDictionary<LocalDate, DateOverride> overrides;

    /// <summary>Starts a calendar closed every day, in UTC (<c>Etc/UTC</c>), with no holidays and no overrides.</summary>
    /// <param name="id">The calendar's id, such as <c>partner-hours</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or blank.</exception>
    public ServiceCalendarBuilder(string id)
        : this(Check(id), DateTimeZoneProviders.Tzdb["Etc/UTC"], WeeklyHours.Closed, [], [], ImmutableSortedDictionary<LocalDate, DateOverride>.Empty)
    {
    }

    private ServiceCalendarBuilder(
        string id,
        DateTimeZone zone,
        WeeklyHours weekly,
        ImmutableArray<HolidayCalendar> holidayCalendars,
        ImmutableArray<Holiday> holidays,
        ImmutableSortedDictionary<LocalDate, DateOverride> overrides)
    {
        this.id = id;
        this.zone = zone;
        this.weekly = weekly;
        this.holidayCalendars = holidayCalendars;
        this.holidays = holidays;
        this.overrides = overrides;
    }

    /// <summary>Starts from a calendar's id, zone, weekly hours, holiday calendars and overrides.</summary>
    /// <param name="calendar">The calendar to copy.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public static ServiceCalendarBuilder From(ServiceCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return new ServiceCalendarBuilder(
            calendar.Id, calendar.Zone, calendar.WeeklyHours, calendar.HolidayCalendars, [],
            calendar.Overrides.ToImmutableSortedDictionary(o => o.Date, o => o));
    }

    /// <summary>The same calendar with another id.</summary>
    /// <param name="newId">The id.</param>
    /// <exception cref="ArgumentException"><paramref name="newId"/> is null or blank.</exception>
    public ServiceCalendarBuilder WithId(string newId) => new(Check(newId), zone, weekly, holidayCalendars, holidays, overrides);

    /// <summary>In the tz database zone <paramref name="timeZoneId"/>, such as <c>America/Los_Angeles</c>.</summary>
    /// <param name="timeZoneId">An IANA zone id.</param>
    /// <exception cref="ArgumentException">The id is not a zone of the tz database.</exception>
    public ServiceCalendarBuilder InZone(string timeZoneId)
    {
        ArgumentNullException.ThrowIfNull(timeZoneId);
        var found = DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZoneId)
            ?? throw new ArgumentException($"'{timeZoneId}' is not a time zone of the tz database.", nameof(timeZoneId));
        return InZone(found);
    }

    /// <summary>In <paramref name="timeZone"/>, a tz database zone or a synthetic one (<see cref="SyntheticZones"/>; such a calendar has no JSON form).</summary>
    /// <param name="timeZone">The zone.</param>
    /// <exception cref="ArgumentNullException"><paramref name="timeZone"/> is null.</exception>
    public ServiceCalendarBuilder InZone(DateTimeZone timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        return new(id, timeZone, weekly, holidayCalendars, holidays, overrides);
    }

    /// <summary>
    /// Open on <paramref name="day"/> during <paramref name="hours"/>, replacing that day's hours: <c>"08:00-12:00",
    /// "13:00-17:00"</c> for a lunch closing, <c>"22:00-06:00"</c> for a night that runs into the next day.
    /// </summary>
    /// <param name="day">The day of the week.</param>
    /// <param name="hours">The periods, <c>HH:mm-HH:mm</c>; none closes the day.</param>
    /// <exception cref="NhtrcValidationException">A period does not parse.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not a day of the week.</exception>
    public ServiceCalendarBuilder WithHours(IsoDayOfWeek day, params ReadOnlySpan<string> hours) =>
        new(id, zone, weekly.With(day, Parse(hours)), holidayCalendars, holidays, overrides);

    /// <summary>Open Monday to Friday during <paramref name="hours"/>, replacing those days' hours.</summary>
    /// <param name="hours">The periods, <c>HH:mm-HH:mm</c>.</param>
    /// <exception cref="NhtrcValidationException">A period does not parse.</exception>
    public ServiceCalendarBuilder WithWeekdayHours(params ReadOnlySpan<string> hours) => WithDays(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday, Parse(hours));

    /// <summary>Every day of the week open during <paramref name="hours"/> (<c>"00:00-24:00"</c> for around the clock).</summary>
    /// <param name="hours">The periods, <c>HH:mm-HH:mm</c>.</param>
    /// <exception cref="NhtrcValidationException">A period does not parse.</exception>
    public ServiceCalendarBuilder WithEveryDayHours(params ReadOnlySpan<string> hours) => WithDays(IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday, Parse(hours));

    /// <summary>The given weekly hours, replacing every day's.</summary>
    /// <param name="weeklyHours">The hours.</param>
    /// <exception cref="ArgumentNullException"><paramref name="weeklyHours"/> is null.</exception>
    public ServiceCalendarBuilder WithWeeklyHours(WeeklyHours weeklyHours)
    {
        ArgumentNullException.ThrowIfNull(weeklyHours);
        return new(id, zone, weeklyHours, holidayCalendars, holidays, overrides);
    }

    /// <summary>Closed on every holiday <paramref name="calendar"/> observes, such as <see cref="HolidayCalendar.UsFederal"/>; a calendar already added is not added again.</summary>
    /// <param name="calendar">The holiday calendar.</param>
    /// <exception cref="ArgumentNullException"><paramref name="calendar"/> is null.</exception>
    public ServiceCalendarBuilder WithHolidayCalendar(HolidayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return holidayCalendars.Any(c => c.Id == calendar.Id)
            ? this
            : new(id, zone, weekly, holidayCalendars.Add(calendar), holidays, overrides);
    }

    /// <summary>
    /// Closed for a holiday of the calendar's own, such as a state holiday (<c>"Cesar Chavez Day"</c>, 31 March), observed
    /// on <paramref name="observed"/> when given (a Sunday holiday kept on Monday), else on <paramref name="date"/>.
    /// </summary>
    /// <param name="name">The holiday's name, shown in deadline explanations.</param>
    /// <param name="date">The holiday's date.</param>
    /// <param name="observed">The date the service is closed for it, when not <paramref name="date"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is null or blank.</exception>
    public ServiceCalendarBuilder WithHoliday(string name, LocalDate date, LocalDate? observed = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new(id, zone, weekly, holidayCalendars, holidays.Add(new Holiday(name, date, observed ?? date)), overrides);
    }

    /// <summary>Closed all day on <paramref name="date"/>, whatever its weekly hours or holidays; replaces an override of that date.</summary>
    /// <param name="date">The date.</param>
    public ServiceCalendarBuilder ClosedOn(LocalDate date) =>
        new(id, zone, weekly, holidayCalendars, holidays, overrides.SetItem(date, DateOverride.Closed(date)));

    /// <summary>
    /// Open on <paramref name="date"/> during <paramref name="hours"/> instead of its weekly hours, holiday or not
    /// (an override wins over a holiday); replaces an override of that date.
    /// </summary>
    /// <param name="date">The date.</param>
    /// <param name="hours">The periods, <c>HH:mm-HH:mm</c>; none closes the date.</param>
    /// <exception cref="NhtrcValidationException">A period does not parse.</exception>
    public ServiceCalendarBuilder WithSpecialHours(LocalDate date, params ReadOnlySpan<string> hours)
    {
        var intervals = Parse(hours);
        var item = intervals.Length == 0 ? DateOverride.Closed(date) : DateOverride.SpecialHours(date, intervals);
        return new(id, zone, weekly, holidayCalendars, holidays, overrides.SetItem(date, item));
    }

    /// <summary>Builds the calendar.</summary>
    /// <exception cref="NhtrcValidationException">The calendar is invalid (an override or holiday outside the years 1800-2200, holiday calendars with no year in common); every problem is listed.</exception>
    public ServiceCalendar Build()
    {
        IEnumerable<HolidayCalendar> all = holidays.IsEmpty
            ? holidayCalendars
            : holidayCalendars.Add(HolidayCalendar.FromDates(id + "-holidays", holidays));
        return new ServiceCalendar(id, zone, weekly, all, overrides.Values);
    }

    /// <summary>Returns the id, zone and weekly hours, for example <c>partner-hours (America/Los_Angeles): Mon 08:00-12:00, 13:00-17:00; ...</c>.</summary>
    public override string ToString() => $"{id} ({zone.Id}): {weekly}";

    private ServiceCalendarBuilder WithDays(IsoDayOfWeek first, IsoDayOfWeek last, OpenInterval[] intervals)
    {
        var hoursByDay = weekly;
        for (var day = first; day <= last; day++)
        {
            hoursByDay = hoursByDay.With(day, intervals);
        }

        return new(id, zone, hoursByDay, holidayCalendars, holidays, overrides);
    }

    private static string Check(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return id;
    }

    private static OpenInterval[] Parse(ReadOnlySpan<string> hours)
    {
        var intervals = new OpenInterval[hours.Length];
        var problems = new List<ValidationProblem>();
        for (var i = 0; i < hours.Length; i++)
        {
            if (OpenInterval.TryParse(hours[i], out var interval))
            {
                intervals[i] = interval;
            }
            else
            {
                problems.Add(new ValidationProblem($"hours[{i}]", $"'{hours[i]}' is not an open period such as 09:00-17:00 or 22:00-06:00."));
            }
        }

        return problems.Count == 0 ? intervals : throw new NhtrcValidationException("calendar hours", problems);
    }
}
