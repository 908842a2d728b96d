using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Scheduling;

namespace Nhtrc.Sdk.Tests.Scheduling;

/// <summary>The searches from a guess give a linear scan's answer whatever the guess, duplicates and ends included.</summary>
public class GuessedSearchTests
{
    private static readonly Gen<long[]> SortedArrays =
        from values in Gen.Choose(-50, 50).Select(v => (long)v).ArrayOf()
        select values.Order().ToArray();

    [Property(MaxTest = 1000)]
    public Property FirstGreater_IsTheFirstEntryAboveTheKey_WhateverTheGuess() =>
        Prop.ForAll(Arb.From(SortedArrays), Arb.From(Gen.Choose(-60, 60)), Arb.From(Gen.Choose(-10, 200)), (sorted, key, guess) =>
        {
            var naive = Array.FindIndex(sorted, v => v > key);
            var expected = naive < 0 ? sorted.Length : naive;

            Assert.Equal(expected, GuessedSearch.FirstGreater(sorted, key, guess));
        });

    [Property(MaxTest = 1000)]
    public Property FirstAtLeast_IsTheFirstEntryNotBelowTheKey_WhateverTheGuess() =>
        Prop.ForAll(Arb.From(SortedArrays), Arb.From(Gen.Choose(-60, 60)), Arb.From(Gen.Choose(-10, 200)), (sorted, key, guess) =>
        {
            var naive = Array.FindIndex(sorted, v => v >= key);
            var expected = naive < 0 ? sorted.Length : naive;

            Assert.Equal(expected, GuessedSearch.FirstAtLeast(sorted, key, guess));
        });

    [Fact]
    public void TheExtremeKeys_AndAnEmptyArray_AreAnswered()
    {
        long[] sorted = [long.MinValue, 0, long.MaxValue];

        Assert.Equal(0, GuessedSearch.FirstAtLeast(sorted, long.MinValue, 2));
        Assert.Equal(3, GuessedSearch.FirstGreater(sorted, long.MaxValue, 0));
        Assert.Equal(2, GuessedSearch.FirstGreater(sorted, 0, 1));
        Assert.Equal(0, GuessedSearch.FirstGreater([], 5, 3));
        Assert.Equal(0, GuessedSearch.Interpolate(5, 10, 10, 7));
        Assert.Equal(7, GuessedSearch.Interpolate(long.MaxValue, 0, 10, 7));
    }
}
