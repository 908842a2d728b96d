using System;
using System.Collections.Generic;

namespace Nhtrc.DataGen.Fixtures;

/// <summary>
/// The choices a fixture generator makes, drawn from a seeded <see cref="Random"/> so the same seed always
/// gives the same documents.
/// </summary>
internal sealed class FixtureRandom(int seed)
{
    private readonly Random _random = new(seed);

    public int Next(int maxExclusive) => _random.Next(maxExclusive);

    public int Between(int minInclusive, int maxInclusive) => _random.Next(minInclusive, maxInclusive + 1);

    public double NextDouble() => _random.NextDouble();

    /// <summary>True with probability <paramref name="percent"/>/100.</summary>
    public bool Chance(int percent) => _random.Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>The items in a random order.</summary>
    public List<T> Shuffle<T>(IEnumerable<T> items)
    {
        var list = new List<T>(items);
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    /// <summary><paramref name="count"/> distinct items in a random order (all of them when there are fewer).</summary>
    public List<T> Distinct<T>(IReadOnlyList<T> items, int count)
    {
        var shuffled = Shuffle(items);
        return shuffled.GetRange(0, Math.Min(count, shuffled.Count));
    }
}
