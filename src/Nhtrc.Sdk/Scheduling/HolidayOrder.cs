using System.Collections.Generic;

namespace Nhtrc.Sdk.Scheduling;

/// <summary>
/// The order of <see cref="HolidayCalendar.GetObservedHolidays(int)"/>: observed date, then name
/// (ordinal, so it does not depend on culture), then actual date so that the order is total.
/// </summary>
internal sealed class HolidayOrder : IComparer<Holiday>
{
    /// <summary>The single instance; stateless and thread-safe.</summary>
    public static HolidayOrder Instance { get; } = new();

    private HolidayOrder()
    {
    }

    /// <inheritdoc />
    public int Compare(Holiday? x, Holiday? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var byObserved = x.ObservedDate.CompareTo(y.ObservedDate);
        if (byObserved != 0)
        {
            return byObserved;
        }

        var byName = string.CompareOrdinal(x.Name, y.Name);
        return byName != 0 ? byName : x.ActualDate.CompareTo(y.ActualDate);
    }
}
