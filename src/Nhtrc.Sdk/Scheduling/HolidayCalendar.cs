using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Scheduling;

/// <summary>
/// A set of holidays by year. A service calendar is closed on every <em>observed</em> date of its
/// holiday calendars. Implementations are immutable and thread-safe.
/// </summary>
public abstract class HolidayCalendar
{
    /// <summary>Creates a holiday calendar with an identifier such as <c>us-federal</c>.</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or blank.</exception>
    protected HolidayCalendar(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>
    /// The US federal holidays (5 U.S.C. 6103), identifier <c>us-federal</c>, for observed years
    /// 1971 to 9998; see <see cref="UsFederalHolidayCalendar"/>.
    /// </summary>
    public static UsFederalHolidayCalendar UsFederal => UsFederalHolidayCalendar.Instance;

    /// <summary>
    /// A calendar of exactly the given holidays, for example a partner's own closures. Every year is
    /// supported: a year with none of them observed in it has no holidays. Several holidays may share
    /// an observed date if their names differ. The holidays are copied, so later changes to the source
    /// do not affect the calendar.
    /// </summary>
    /// <param name="id">The calendar's identifier, for example <c>acme-closures</c>.</param>
    /// <param name="holidays">The holidays, in any order.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="holidays"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">
    /// An element is null, or lists the same name on the same observed date as an earlier element;
    /// every such problem is reported, located as <c>holidays[index]</c>.
    /// </exception>
    public static HolidayCalendar FromDates(string id, IEnumerable<Holiday> holidays) =>
        DatedHolidayCalendar.Create(id, holidays);

    /// <summary>
    /// A calendar observing every holiday of every one of <paramref name="calendars"/>, ordered like
    /// any calendar (observed date, then name by ordinal comparison, then actual date). Holidays that
    /// are equal in name, actual date and observed date appear once. The union of no calendars is empty.
    /// A year a member does not support throws as that member does. Each year is computed once and cached.
    /// </summary>
    /// <param name="id">The calendar's identifier, for example <c>us-federal+acme</c>.</param>
    /// <param name="calendars">The calendars to combine; their order does not affect the result.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or blank, or an element of <paramref name="calendars"/> is null.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="calendars"/> is null.</exception>
    public static HolidayCalendar Union(string id, params IEnumerable<HolidayCalendar> calendars)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(calendars);
        HolidayCalendar[] members = [.. calendars];
        foreach (var member in members)
        {
            if (member is null)
            {
                throw new ArgumentException("A calendar to combine is null.", nameof(calendars));
            }
        }

        return new UnionHolidayCalendar(id, members);
    }

    /// <summary>The calendar's identifier, for example <c>us-federal</c>; used in JSON documents.</summary>
    public string Id { get; }

    /// <summary>
    /// The first year for which this calendar knows its holidays. A service calendar does not answer
    /// for instants in earlier years. The default is the first year NodaTime supports.
    /// </summary>
    public virtual int FirstSupportedYear => -9998;

    /// <summary>The last year for which this calendar knows its holidays; the default is 9999.</summary>
    public virtual int LastSupportedYear => 9999;

    /// <summary>
    /// The holidays whose <em>observed</em> date falls in <paramref name="year"/>, ordered by observed
    /// date then name. A holiday observed in a different year than it falls (1 January on a Saturday is
    /// observed on 31 December of the year before) is listed under the year of its observed date.
    /// </summary>
    public abstract IReadOnlyList<Holiday> GetObservedHolidays(int year);

    /// <summary>Finds the holiday observed on <paramref name="date"/>, if any (the first by name when several are).</summary>
    public virtual bool TryGetObservedHoliday(NodaTime.LocalDate date, [NotNullWhen(true)] out Holiday? holiday)
    {
        var holidays = GetObservedHolidays(date.Year);
        for (var i = 0; i < holidays.Count; i++)
        {
            var candidate = holidays[i];
            if (candidate.ObservedDate == date)
            {
                holiday = candidate;
                return true;
            }
        }

        holiday = null;
        return false;
    }

    /// <summary>True when a holiday is observed on <paramref name="date"/>.</summary>
    public bool IsObservedHoliday(NodaTime.LocalDate date) => TryGetObservedHoliday(date, out _);

    /// <summary>Returns the identifier.</summary>
    public override string ToString() => Id;
}
