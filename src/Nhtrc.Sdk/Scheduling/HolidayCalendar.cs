using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

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
        foreach (var candidate in GetObservedHolidays(date.Year))
        {
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
