using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using NodaTime;

namespace Nhtrc.Sdk.Scheduling;

/// <summary>
/// The holidays observed in one year, sorted by <see cref="HolidayOrder"/>, with an allocation-free
/// lookup by observed date. Immutable once built, so one instance can be shared between threads.
/// </summary>
internal sealed class ObservedHolidayYear
{
    private readonly Holiday[] _sorted;

    /// <summary>Sorts <paramref name="holidays"/> (which must all be observed in one year) into a table.</summary>
    public ObservedHolidayYear(IEnumerable<Holiday> holidays)
    {
        _sorted = [.. holidays];
        Array.Sort(_sorted, HolidayOrder.Instance);
        Holidays = Array.AsReadOnly(_sorted);
    }

    /// <summary>An empty year.</summary>
    public static ObservedHolidayYear Empty { get; } = new([]);

    /// <summary>The holidays in <see cref="HolidayOrder"/>, as a read-only view that callers cannot cast back to an array.</summary>
    public IReadOnlyList<Holiday> Holidays { get; }

    /// <summary>Finds the first holiday (in <see cref="HolidayOrder"/>) observed on <paramref name="date"/>.</summary>
    public bool TryFind(LocalDate date, [NotNullWhen(true)] out Holiday? holiday)
    {
        // Lower-bound binary search: the first entry whose observed date is not before the date.
        var low = 0;
        var high = _sorted.Length;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (_sorted[mid].ObservedDate < date)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        if (low < _sorted.Length && _sorted[low].ObservedDate == date)
        {
            holiday = _sorted[low];
            return true;
        }

        holiday = null;
        return false;
    }
}
