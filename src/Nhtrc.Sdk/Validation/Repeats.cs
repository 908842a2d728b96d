using System;
using System.Collections.Generic;

namespace Nhtrc.Sdk.Validation;

/// <summary>
/// Says which items of a list repeat an earlier item, in time linear in the list's length: short lists are
/// compared in pairs (no allocation), longer ones through a set of the items before. A hostile document's list of
/// 100,000 items costs 100,000 set lookups, not five billion comparisons. Ask about indexes in increasing order.
/// It reads a span, so that checking an <c>ImmutableArray</c> boxes nothing (a directory of 100,000 services has
/// hundreds of thousands of lists).
/// </summary>
/// <typeparam name="T">The item type; nulls are items like any other.</typeparam>
internal ref struct Repeats<T>
{
    // Up to this many items, pairs are cheaper than a set.
    private const int PairwiseCount = 16;

    private readonly ReadOnlySpan<T> _items;
    private readonly IEqualityComparer<T> _comparer;
    private HashSet<T>? _earlier;
    private int _added;

    public Repeats(ReadOnlySpan<T> items, IEqualityComparer<T>? comparer = null)
    {
        _items = items;
        _comparer = comparer ?? EqualityComparer<T>.Default;
    }

    /// <summary>True when item <paramref name="k"/> equals an item before it; <paramref name="k"/> never decreases between calls.</summary>
    public bool IsRepeat(int k)
    {
        if (_items.Length <= PairwiseCount)
        {
            for (var m = 0; m < k; m++)
            {
                if (_comparer.Equals(_items[m], _items[k]))
                {
                    return true;
                }
            }

            return false;
        }

        _earlier ??= new HashSet<T>(_comparer!);
        while (_added < k)
        {
            _earlier.Add(_items[_added++]);
        }

        return _earlier.Contains(_items[k]);
    }
}
