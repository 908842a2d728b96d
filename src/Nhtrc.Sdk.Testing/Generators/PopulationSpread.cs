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
/// The gazetteer has no population per ZIP code, but ZIP codes crowd where people do: a ZIP code's weight is the square
/// root of the number of ZIP codes within <see cref="RadiusKilometers"/> of it (itself included). Of the variants
/// tried (the square root or the count itself within 10, 20 or 40 km, and the density of the 8 or 32 nearest), this
/// one puts the shares of fifteen large counties in their states closest to the 2020 census's (Los Angeles, Cook,
/// Harris, Maricopa, Clark, King, Miami-Dade, Kings, New York, Fulton, Hennepin, Denver, Yellowstone, Philadelphia,
/// Wayne: root mean square of the log ratio 0.45, against 0.80 for every ZIP code alike; Maricopa 64% of Arizona
/// against the census's 62%, Clark 70% of Nevada against 73%, Los Angeles 34% of California against 25%).
/// </remarks>
internal sealed class PopulationSpread
{
    /// <summary>The radius within which ZIP codes are counted around one.</summary>
    public const double RadiusKilometers = 20;

    // Cells of a fifth of a degree: the radius is at most two cells north or south, more east or west far north.
    private const double CellDegrees = 0.2;
    private const double KilometersPerDegree = 111.19;

    private static readonly ConditionalWeakTable<Gazetteer, PopulationSpread> Cache = [];

    private readonly UsState[] _states;
    private readonly long[] _stateCumulative;
    private readonly Dictionary<UsState, (ZipCodeInfo[] Zips, long[] Cumulative)> _zips;

    private PopulationSpread(Gazetteer gazetteer)
    {
        var byState = gazetteer.Zips.GroupBy(z => z.State).ToDictionary(g => g.Key, g => g.ToArray());
        _states = [.. UsState.All.Where(byState.ContainsKey)];
        _stateCumulative = Cumulative(_states.Select(s => (long)CensusPopulation2020.ByCode[s.Code]));
        var cells = Cells(gazetteer);
        _zips = [];
        foreach (var state in _states)
        {
            var zips = byState[state];
            _zips[state] = (zips, Cumulative(zips.Select(z => Weight(cells, z))));
        }
    }

    /// <summary>The spread for <paramref name="gazetteer"/>, built on first use.</summary>
    public static PopulationSpread For(Gazetteer gazetteer) => Cache.GetValue(gazetteer, g => new PopulationSpread(g));

    /// <summary>A state, DC or territory drawn by population.</summary>
    public UsState State(Random random) => _states[Draw(_stateCumulative, random)];

    /// <summary>A ZIP code of <paramref name="state"/> drawn by the density of ZIP codes around it.</summary>
    public ZipCodeInfo Zip(UsState state, Random random)
    {
        var (zips, cumulative) = _zips[state];
        return zips[Draw(cumulative, random)];
    }

    private static Dictionary<(int, int), List<ZipCodeInfo>> Cells(Gazetteer gazetteer)
    {
        var cells = new Dictionary<(int, int), List<ZipCodeInfo>>();
        foreach (var zip in gazetteer.Zips)
        {
            var key = Cell(zip.Location);
            if (!cells.TryGetValue(key, out var list))
            {
                cells[key] = list = [];
            }

            list.Add(zip);
        }

        return cells;
    }

    // A thousand times the square root of the ZIP codes within RadiusKilometers of zip.
    private static long Weight(Dictionary<(int, int), List<ZipCodeInfo>> cells, ZipCodeInfo zip)
    {
        var at = zip.Location;
        var (y, x) = Cell(at);
        var cosine = Math.Max(0.05, Math.Cos(at.Latitude * Math.PI / 180));
        var ringY = (int)Math.Ceiling(RadiusKilometers / (CellDegrees * KilometersPerDegree));
        var ringX = (int)Math.Ceiling(RadiusKilometers / (CellDegrees * KilometersPerDegree * cosine));
        var count = 0;
        for (var dy = -ringY; dy <= ringY; dy++)
        {
            for (var dx = -ringX; dx <= ringX; dx++)
            {
                if (!cells.TryGetValue((y + dy, x + dx), out var list))
                {
                    continue;
                }

                foreach (var other in list)
                {
                    if (GreatCircle.DistanceKilometers(at, other.Location) <= RadiusKilometers)
                    {
                        count++;
                    }
                }
            }
        }

        return (long)Math.Round(1000 * Math.Sqrt(count));
    }

    private static (int, int) Cell(GeoPoint point) => ((int)Math.Floor(point.Latitude / CellDegrees), (int)Math.Floor(point.Longitude / CellDegrees));

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
