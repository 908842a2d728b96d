using System;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// Items in ascending ordinal order of their ids, which is how a directory keeps its services and, when
/// given that way, its organizations: finding one by binary search, and putting items in that order.
/// </summary>
internal static class SortedIds
{
    /// <summary>
    /// The position from 0 to <paramref name="count"/> - 1 whose id is <paramref name="id"/>, or -1 when
    /// none is; the ids at those positions (<paramref name="idAt"/>) must ascend.
    /// </summary>
    public static int Find<TState>(TState state, int count, Func<TState, int, string> idAt, string id)
    {
        var lo = 0;
        var hi = count - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) / 2);
            var c = string.CompareOrdinal(idAt(state, mid), id);
            if (c == 0)
            {
                return mid;
            }

            (lo, hi) = c < 0 ? (mid + 1, hi) : (lo, mid - 1);
        }

        return -1;
    }

    /// <summary>The positions of the items in ordinal order of their (unique) ids; null when they are in that order already.</summary>
    public static int[]? Order<T>(T[] items, Func<T, string> id)
    {
        var sorted = true;
        for (var i = 1; i < items.Length && sorted; i++)
        {
            sorted = string.CompareOrdinal(id(items[i - 1]), id(items[i])) < 0;
        }

        if (sorted)
        {
            return null;
        }

        var ids = new string[items.Length];
        var order = new int[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            ids[i] = id(items[i]);
            order[i] = i;
        }

        Array.Sort(ids, order, StringComparer.Ordinal);
        return order;
    }
}
