using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Nhtrc.Sdk.Geography;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// The draws of <see cref="SyntheticDirectorySpread.ByPopulation"/> for one gazetteer: a state (DC or territory) in
/// proportion to its 2020 census population (<see cref="CensusPopulation2020"/>), then a ZIP code of it in proportion
/// to the density of ZIP codes around it. Built once per gazetteer and shared; immutable, so thread-safe.
/// </summary>
/// <remarks>
/// The gazetteer has no population per ZIP code, but ZIP codes are drawn where mail is delivered, so they crowd where
/// people do: Manhattan has a ZIP code every square kilometre, rural Montana one every few hundred. A ZIP code's weight
/// is the number of its <see cref="Neighbours"/> nearest ZIP codes per square kilometre of the disc that holds them
/// (at least <see cref="MinimumRadiusKilometers"/> wide, so that stacked ZIP codes of one building do not dominate).
/// Drawing a ZIP code by that weight puts a place's share of services near the square of its ZIP density: the
/// metro areas dense, the countryside sparse.
/// </remarks>
internal sealed class PopulationSpread
{
    /// <summary>How many nearest ZIP codes (besides itself) measure the density around one.</summary>
    public const int Neighbours = 8;

    /// <summary>The smallest radius of the disc that measures density.</summary>
    public const double MinimumRadiusKilometers = 1.0;

    private static readonly ConditionalWeakTable<Gazetteer, PopulationSpread> Cache = [];

    private readonly UsState[] _states;
    private readonly long[] _stateCumulative;
    private readonly Dictionary<UsState, (ZipCodeInfo[] Zips, long[] Cumulative)> _zips;

    private PopulationSpread(Gazetteer gazetteer)
    {
        var byState = gazetteer.Zips.GroupBy(z => z.State).ToDictionary(g => g.Key, g => g.ToArray());
        _states = [.. UsState.All.Where(byState.ContainsKey)];
        _stateCumulative = Cumulative(_states.Select(s => (long)CensusPopulation2020.ByCode[s.Code]));
        _zips = [];
        foreach (var state in _states)
        {
            var zips = byState[state];
            _zips[state] = (zips, Cumulative(zips.Select(z => Weight(gazetteer, z))));
        }
    }

    /// <summary>The spread for <paramref name="gazetteer"/>, built on first use.</summary>
    public static PopulationSpread For(Gazetteer gazetteer) => Cache.GetValue(gazetteer, g => new PopulationSpread(g));

    /// <summary>The states, DC and territories the gazetteer has ZIP codes in, with their census population.</summary>
    public IEnumerable<(UsState State, int Population)> States => _states.Select(s => (s, CensusPopulation2020.ByCode[s.Code]));

    /// <summary>A ZIP code's weight: ZIP codes per square kilometre around it, in millionths (at least 1).</summary>
    public static long Weight(Gazetteer gazetteer, ZipCodeInfo zip)
    {
        var nearest = gazetteer.NearestZips(zip.Location, Neighbours + 1);
        var radius = Math.Max(MinimumRadiusKilometers, nearest.Length > 0 ? nearest[^1].DistanceKilometers : 0);
        var perSquareKilometre = (nearest.Length - 1) / (Math.PI * radius * radius);
        return Math.Max(1, (long)Math.Round(perSquareKilometre * 1e6));
    }

    /// <summary>A state, DC or territory drawn by population.</summary>
    public UsState State(Random random) => _states[Draw(_stateCumulative, random)];

    /// <summary>A ZIP code of <paramref name="state"/> drawn by the density of ZIP codes around it.</summary>
    public ZipCodeInfo Zip(UsState state, Random random)
    {
        var (zips, cumulative) = _zips[state];
        return zips[Draw(cumulative, random)];
    }

    private static int Draw(long[] cumulative, Random random)
    {
        var roll = random.NextInt64(cumulative[^1]);
        var index = Array.BinarySearch(cumulative, roll);
        // The first entry whose running total exceeds the roll.
        return index >= 0 ? index + 1 : ~index;
    }

    private static long[] Cumulative(IEnumerable<long> weights)
    {
        var total = 0L;
        return [.. weights.Select(w => total += w)];
    }
}
