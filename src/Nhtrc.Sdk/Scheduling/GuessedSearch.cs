using System;

namespace Nhtrc.Sdk.Scheduling;

/// <summary>
/// Searches of a sorted array that start from a guess and gallop outwards before bisecting: O(1) when the guess is
/// near (the open intervals and cumulative values of a calendar's year grow nearly linearly, so an interpolated guess
/// lands within an entry or two), and never more than about twice a plain binary search's steps when it is not. The
/// answer is the same as a binary search's whatever the guess.
/// </summary>
internal static class GuessedSearch
{
    /// <summary>The first index <c>i</c> with <c>sorted[i] &gt; key</c>, or <c>sorted.Length</c> when none; <paramref name="guess"/> is clamped.</summary>
    public static int FirstGreater(ReadOnlySpan<long> sorted, long key, int guess)
    {
        var n = sorted.Length;
        if (n == 0)
        {
            return 0;
        }

        var g = Math.Clamp(guess, 0, n - 1);
        int lo, hi;
        if (sorted[g] > key)
        {
            // The answer is at most g: step left until an entry is not greater.
            hi = g;
            var step = 1;
            lo = g - 1;
            while (lo >= 0 && sorted[lo] > key)
            {
                hi = lo;
                step <<= 1;
                lo = hi - step;
            }

            lo = Math.Max(lo + 1, 0);
        }
        else
        {
            // The answer is after g: step right until an entry is greater (or the end).
            lo = g;
            var step = 1;
            hi = g + 1;
            while (hi < n && sorted[hi] <= key)
            {
                lo = hi;
                step <<= 1;
                hi = (int)Math.Min((long)lo + step, n);
            }

            lo++;
            hi = Math.Min(hi, n);
        }

        // The answer is in [lo, hi]: sorted[hi] > key, or hi == n.
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] > key)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>The first index <c>i</c> with <c>sorted[i] &gt;= key</c>, or <c>sorted.Length</c> when none.</summary>
    public static int FirstAtLeast(ReadOnlySpan<long> sorted, long key, int guess) =>
        key == long.MinValue ? 0 : FirstGreater(sorted, key - 1, guess);

    /// <summary>The index <paramref name="count"/> * (<paramref name="value"/> - <paramref name="from"/>) / (<paramref name="to"/> - <paramref name="from"/>), for a guess; 0 when the range is empty.</summary>
    public static int Interpolate(long value, long from, long to, int count)
    {
        if (to <= from)
        {
            return 0;
        }

        var fraction = ((double)value - from) / ((double)to - from);
        return (int)Math.Clamp(fraction * count, 0, count);
    }
}
