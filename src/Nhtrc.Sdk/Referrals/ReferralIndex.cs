using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// For each service type, the services that can cover a place, by how they cover it: national; whole
/// states; counties; ZIP codes; ZIP codes by county; anything touching a state; and radii in a grid of
/// one-degree cells (a radius is filed under every cell its bounding box meets, or in a list checked on
/// every query when that box is huge). A lookup returns a superset of the covering services;
/// <see cref="ServiceEntry.Cover(ReferralPlace)"/> decides. Immutable after construction.
/// </summary>
/// <remarks>
/// Every way of covering a place is a key (a state, a county, a ZIP code, a cell...), and each key has one
/// list of entry indexes per service type that has services under it. All lists live in one array, so a
/// directory of 100,000 services is a handful of arrays rather than hundreds of thousands of small lists.
/// </remarks>
internal sealed class ReferralIndex
{
    private const int EntriesPerRun = 2048;
    private const int LonCells = 360;
    private const int Cells = 180 * LonCells;
    private const int MaxCellsPerRadius = 400;
    private const int FiveDigitNumbers = 100_000;

    // Codes name keys by what they are: national, huge radii, a state, touching a state, then a county,
    // the ZIP codes in a county (by FIPS number), a ZIP code (by number) and a cell.
    private const int NationalCode = 0;
    private const int LargeRadiiCode = 1;
    private const int StateCodes = 2;
    private static readonly int TouchingStateCodes = StateCodes + UsState.All.Length;
    private static readonly int CountyCodes = TouchingStateCodes + UsState.All.Length;
    private static readonly int ZipsInCountyCodes = CountyCodes + FiveDigitNumbers;
    private static readonly int ZipCodes = ZipsInCountyCodes + FiveDigitNumbers;
    private static readonly int CellCodes = ZipCodes + FiveDigitNumbers;
    private static readonly int AllCodes = CellCodes + Cells;

    // Keys are the codes something is filed under, numbered in order of first sight: key + 1 by code, 0 for none.
    private readonly int[] _keyByCode = new int[AllCodes];

    // Per key: the service types with a list under it, and where its first list is; a key's lists follow
    // one another in type order, so a type's list is found by counting the key's types below it.
    private readonly uint[] _keyTypes;
    private readonly int[] _keyFirstList;

    // List l is _postings[_listStarts[l].._listStarts[l + 1]], entry indexes in ascending order, each once.
    private readonly int[] _listStarts;
    private readonly int[] _postings;

    public ReferralIndex(ServiceEntry[] entries)
    {
        Entries = entries;

        // Reading the areas' counties, ZIP codes and radii is most of the work, so each entry's codes are
        // collected in parallel runs of entries; everything after reads only these arrays.
        var runs = Math.Max(1, Math.Min(entries.Length / EntriesPerRun, Environment.ProcessorCount * 2));
        var runKeys = new int[runs][];
        var entryKeyEnds = new int[entries.Length];
        Parallel.For(0, runs, run => runKeys[run] = CollectCodes(entries, Run(entries.Length, run, runs), entryKeyEnds));

        // Numbering the codes run after run gives the same keys whatever the number of runs.
        var keyTypes = new uint[1024];
        var keyCount = 0;
        ForEachRunOfKeys(entries.Length, runKeys, entryKeyEnds, (keys, e) =>
        {
            for (var i = 0; i < keys.Length; i++)
            {
                ref var key = ref _keyByCode[keys[i]];
                if (key == 0)
                {
                    if (keyCount == keyTypes.Length)
                    {
                        Array.Resize(ref keyTypes, keyCount * 2);
                    }

                    key = ++keyCount;
                }

                keys[i] = key - 1;
                keyTypes[key - 1] |= entries[e].TypeMask;
            }
        });

        // Then the layout: each key's lists in type order, then how long each list is, then the lists.
        _keyTypes = keyTypes[..keyCount];
        _keyFirstList = new int[keyCount];
        var lists = 0;
        for (var k = 0; k < keyCount; k++)
        {
            _keyFirstList[k] = lists;
            lists += BitOperations.PopCount(_keyTypes[k]);
        }

        _listStarts = new int[lists + 1];
        ForEachRunOfKeys(entries.Length, runKeys, entryKeyEnds, (keys, e) =>
        {
            foreach (var key in keys)
            {
                for (var types = entries[e].TypeMask; types != 0; types &= types - 1)
                {
                    _listStarts[List(key, BitOperations.TrailingZeroCount(types)) + 1]++;
                }
            }
        });

        for (var l = 0; l < lists; l++)
        {
            _listStarts[l + 1] += _listStarts[l];
        }

        // Entries are visited in index order, so every list comes out sorted.
        _postings = new int[_listStarts[lists]];
        var next = _listStarts[..^1];
        ForEachRunOfKeys(entries.Length, runKeys, entryKeyEnds, (keys, e) =>
        {
            foreach (var key in keys)
            {
                for (var types = entries[e].TypeMask; types != 0; types &= types - 1)
                {
                    _postings[next[List(key, BitOperations.TrailingZeroCount(types))]++] = e;
                }
            }
        });
    }

    private delegate void EntryKeys(Span<int> keys, int entry);

    public ServiceEntry[] Entries { get; }

    /// <summary>Adds to <paramref name="candidates"/> every service of <paramref name="type"/> that may cover <paramref name="place"/>, possibly twice.</summary>
    public void Candidates(ServiceType type, ReferralPlace place, List<int> candidates)
    {
        var t = (int)type;
        candidates.AddRange(Postings(NationalCode, t));
        if (place.State is { } state)
        {
            candidates.AddRange(Postings(StateCodes + state.Index, t));
        }

        switch (place.Kind)
        {
            case ReferralPlaceKind.State:
                candidates.AddRange(Postings(TouchingStateCodes + place.State!.Index, t));
                return;
            case ReferralPlaceKind.County:
                candidates.AddRange(Postings(CountyCodes + place.County!.FipsNumber, t));
                candidates.AddRange(Postings(ZipsInCountyCodes + place.County.FipsNumber, t));
                break;
            default:
                if (place.County is { } county)
                {
                    candidates.AddRange(Postings(CountyCodes + county.FipsNumber, t));
                }

                if (place.Zip is { } zip)
                {
                    candidates.AddRange(Postings(ZipCodes + zip.Number, t));
                }

                break;
        }

        candidates.AddRange(Postings(CellCodes + Cell(place.Point.Latitude, place.Point.Longitude), t));
        candidates.AddRange(Postings(LargeRadiiCode, t));
    }

    // The entries of one type filed under one code; empty when there are none.
    private ReadOnlySpan<int> Postings(int code, int type)
    {
        var key = _keyByCode[code] - 1;
        if (key < 0 || (_keyTypes[key] & (1u << type)) == 0)
        {
            return default;
        }

        var list = List(key, type);
        return _postings.AsSpan(_listStarts[list], _listStarts[list + 1] - _listStarts[list]);
    }

    // The list of a type the key has.
    private int List(int key, int type) => _keyFirstList[key] + BitOperations.PopCount(_keyTypes[key] & ((1u << type) - 1));

    // The entries [first, last) of one of runs equal runs.
    private static (int First, int Last) Run(int count, int run, int runs) =>
        ((int)((long)count * run / runs), (int)((long)count * (run + 1) / runs));

    // Calls visit with each entry's keys (or codes), entries in index order.
    private static void ForEachRunOfKeys(int entries, int[][] runKeys, int[] entryKeyEnds, EntryKeys visit)
    {
        for (var run = 0; run < runKeys.Length; run++)
        {
            var (first, last) = Run(entries, run, runKeys.Length);
            var start = 0;
            for (var e = first; e < last; e++)
            {
                visit(runKeys[run].AsSpan(start, entryKeyEnds[e] - start), e);
                start = entryKeyEnds[e];
            }
        }
    }

    // The codes each entry of a run is filed under, each once, one entry after another; where each
    // entry's codes end goes in entryKeyEnds.
    private static int[] CollectCodes(ServiceEntry[] entries, (int First, int Last) run, int[] entryKeyEnds)
    {
        var codes = new List<int>((run.Last - run.First) * 4);
        var cells = new List<int>();
        for (var e = run.First; e < run.Last; e++)
        {
            var start = codes.Count;
            ref readonly var entry = ref entries[e];
            if (entry.IsNational)
            {
                codes.Add(NationalCode);
            }

            for (var states = entry.StateMask; states != 0; states &= states - 1)
            {
                codes.Add(StateCodes + BitOperations.TrailingZeroCount(states));
            }

            for (var states = entry.TouchedStateMask; states != 0; states &= states - 1)
            {
                codes.Add(TouchingStateCodes + BitOperations.TrailingZeroCount(states));
            }

            foreach (var county in entry.Counties)
            {
                codes.Add(CountyCodes + county.FipsNumber);
            }

            foreach (var zip in entry.Zips)
            {
                codes.Add(ZipCodes + zip.Number);
                codes.Add(ZipsInCountyCodes + zip.County.FipsNumber);
            }

            foreach (var radius in entry.Radii)
            {
                if (CellsOf(radius, cells))
                {
                    foreach (var cell in cells)
                    {
                        codes.Add(CellCodes + cell);
                    }
                }
                else
                {
                    codes.Add(LargeRadiiCode);
                }
            }

            // An entry listing two ZIP codes of one county, or two radii meeting one cell, is filed there once.
            var own = CollectionsMarshal.AsSpan(codes)[start..];
            own.Sort();
            var distinct = own.IsEmpty ? 0 : 1;
            for (var i = 1; i < own.Length; i++)
            {
                if (own[i] != own[distinct - 1])
                {
                    own[distinct++] = own[i];
                }
            }

            codes.RemoveRange(start + distinct, own.Length - distinct);
            entryKeyEnds[e] = codes.Count;
        }

        return [.. codes];
    }

    // The cells a disc's bounding box meets: latitude within the angular radius, longitude within the
    // cap's exact half-width asin(sin r / cos lat); false when the box is too big (or holds a pole).
    private static bool CellsOf(RadiusArea radius, List<int> cells)
    {
        cells.Clear();
        const double margin = 0.01;
        var angular = radius.RadiusKilometers / GreatCircle.MeanEarthRadiusKilometers;
        var dLat = (angular * 180 / Math.PI) + margin;
        var lat = radius.Center.Latitude;
        var cosLat = Math.Cos(GreatCircle.ToRadians(lat));
        if (lat + dLat >= 90 || lat - dLat <= -90 || Math.Sin(angular) >= cosLat)
        {
            return false;
        }

        var dLon = (Math.Asin(Math.Sin(angular) / cosLat) * 180 / Math.PI) + margin;
        var lat0 = (int)Math.Floor(lat - dLat);
        var lat1 = (int)Math.Floor(lat + dLat);
        var lon0 = (int)Math.Floor(radius.Center.Longitude - dLon);
        var lon1 = (int)Math.Floor(radius.Center.Longitude + dLon);
        if ((long)(lat1 - lat0 + 1) * (lon1 - lon0 + 1) > MaxCellsPerRadius || lon1 - lon0 + 1 >= LonCells)
        {
            return false;
        }

        for (var a = lat0; a <= lat1; a++)
        {
            for (var o = lon0; o <= lon1; o++)
            {
                cells.Add(Cell(a, o));
            }
        }

        return true;
    }

    // Latitude 90 (the north pole, at every longitude) falls into the top band, 89 to 90.
    private static int Cell(double latitude, double longitude) => Cell(Math.Min((int)Math.Floor(latitude), 89), (int)Math.Floor(longitude));

    private static int Cell(int latCell, int lonCell) => ((latCell + 90) * LonCells) + ((((lonCell + 180) % LonCells) + LonCells) % LonCells);
}
