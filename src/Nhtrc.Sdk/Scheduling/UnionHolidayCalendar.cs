using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace Nhtrc.Sdk.Scheduling;

/// <summary>
/// The union of other calendars, built by <see cref="HolidayCalendar.Union(string, IEnumerable{HolidayCalendar})"/>.
/// A year is computed once from the members and cached (the members are immutable).
/// </summary>
internal sealed class UnionHolidayCalendar : HolidayCalendar
{
    private readonly HolidayCalendar[] _members;
    private readonly ConcurrentDictionary<int, ObservedHolidayYear> _years = new();
    private readonly Func<int, ObservedHolidayYear> _computeYear;

    public UnionHolidayCalendar(string id, HolidayCalendar[] members)
        : base(id)
    {
        _members = members;
        _computeYear = ComputeYear;
        foreach (var member in members)
        {
            FirstSupportedYear = Math.Max(FirstSupportedYear, member.FirstSupportedYear);
            LastSupportedYear = Math.Min(LastSupportedYear, member.LastSupportedYear);
        }
    }

    /// <summary>The calendars combined (for saving the calendar as a document).</summary>
    internal IReadOnlyList<HolidayCalendar> Members => _members;

    /// <inheritdoc />
    /// <remarks>The latest first year of the members.</remarks>
    public override int FirstSupportedYear { get; } = -9998;

    /// <inheritdoc />
    /// <remarks>The earliest last year of the members.</remarks>
    public override int LastSupportedYear { get; } = 9999;

    /// <inheritdoc />
    /// <remarks>Throws whatever a member throws for <paramref name="year"/>, for example an unsupported year.</remarks>
    public override IReadOnlyList<Holiday> GetObservedHolidays(int year) => GetYear(year).Holidays;

    /// <inheritdoc />
    public override bool TryGetObservedHoliday(LocalDate date, [NotNullWhen(true)] out Holiday? holiday) =>
        GetYear(date.Year).TryFind(date, out holiday);

    private ObservedHolidayYear GetYear(int year) => _years.GetOrAdd(year, _computeYear);

    private ObservedHolidayYear ComputeYear(int year)
    {
        // Equal holidays (same name, actual and observed date) from several members appear once.
        var distinct = new HashSet<Holiday>();
        foreach (var member in _members)
        {
            foreach (var holiday in member.GetObservedHolidays(year))
            {
                distinct.Add(holiday);
            }
        }

        return new ObservedHolidayYear(distinct);
    }
}
