using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Scheduling;

/// <summary>
/// A calendar of explicitly listed holidays (a partner's own closures), built by
/// <see cref="HolidayCalendar.FromDates"/>. Every year is supported; a year with no listed holiday is empty.
/// </summary>
internal sealed class DatedHolidayCalendar : HolidayCalendar
{
    private readonly Dictionary<int, ObservedHolidayYear> _years;

    private DatedHolidayCalendar(string id, Dictionary<int, ObservedHolidayYear> years)
        : base(id)
    {
        _years = years;
    }

    /// <summary>Every listed holiday, by observed date (for saving the calendar as a document).</summary>
    internal IEnumerable<Holiday> AllHolidays
    {
        get
        {
            var years = new List<int>(_years.Keys);
            years.Sort();
            foreach (var year in years)
            {
                foreach (var holiday in _years[year].Holidays)
                {
                    yield return holiday;
                }
            }
        }
    }

    /// <summary>Validates <paramref name="holidays"/> and builds the calendar; see <see cref="HolidayCalendar.FromDates"/>.</summary>
    public static DatedHolidayCalendar Create(string id, IEnumerable<Holiday> holidays)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(holidays);

        var problems = new List<ValidationProblem>();
        var firstIndexOf = new Dictionary<(LocalDate Observed, string Name), int>();
        var byYear = new Dictionary<int, List<Holiday>>();
        var index = 0;
        foreach (var holiday in holidays)
        {
            var location = string.Create(CultureInfo.InvariantCulture, $"holidays[{index}]");
            if (holiday is null)
            {
                problems.Add(new ValidationProblem(location, "The holiday is null."));
            }
            else if (firstIndexOf.TryGetValue((holiday.ObservedDate, holiday.Name), out var first))
            {
                problems.Add(new ValidationProblem(
                    location,
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"The holiday '{holiday.Name}' observed on {holiday.ObservedDate:uuuu'-'MM'-'dd} is already listed at holidays[{first}].")));
            }
            else
            {
                firstIndexOf.Add((holiday.ObservedDate, holiday.Name), index);
                var year = holiday.ObservedDate.Year;
                if (!byYear.TryGetValue(year, out var list))
                {
                    list = [];
                    byYear.Add(year, list);
                }

                list.Add(holiday);
            }

            index++;
        }

        if (problems.Count > 0)
        {
            throw new NhtrcValidationException($"holiday calendar '{id}'", problems);
        }

        var years = new Dictionary<int, ObservedHolidayYear>(byYear.Count);
        foreach (var (year, list) in byYear)
        {
            years.Add(year, new ObservedHolidayYear(list));
        }

        return new DatedHolidayCalendar(id, years);
    }

    /// <inheritdoc />
    public override IReadOnlyList<Holiday> GetObservedHolidays(int year) => GetYear(year).Holidays;

    /// <inheritdoc />
    public override bool TryGetObservedHoliday(LocalDate date, [NotNullWhen(true)] out Holiday? holiday) =>
        GetYear(date.Year).TryFind(date, out holiday);

    private ObservedHolidayYear GetYear(int year) =>
        _years.TryGetValue(year, out var observed) ? observed : ObservedHolidayYear.Empty;
}
