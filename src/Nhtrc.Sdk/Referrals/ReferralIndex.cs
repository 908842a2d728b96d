using System;
using System.Collections.Generic;
using System.Numerics;
using System.Runtime.InteropServices;
using Nhtrc.Sdk.Geography;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// For each service type, the services that can cover a place, by how they cover it: national; whole
/// states; counties; ZIP codes; ZIP codes by county; anything touching a state; and radii in a grid of
/// one-degree cells (a radius is filed under every cell its bounding box meets, or in a list checked on
/// every query when that box is huge). A lookup returns a superset of the covering services;
/// <see cref="ServiceEntry.Cover"/> decides. Immutable after construction.
/// </summary>
/// <remarks>
/// Every way of covering a place is a key (a state, a county, a ZIP code, a cell...), and each key has one
/// list of entry indexes per service type that has services under it. All lists live in one array, so a
/// directory of 100,000 services is a handful of arrays rather than hundreds of thousands of small lists.
/// </remarks>
internal sealed class ReferralIndex
{
    private const int LonCells = 360;
    private const int Cells = 180 * LonCells;
    private const int MaxCellsPerRadius = 400;
    private const int FiveDigitNumbers = 100_000;

    private const int NationalKey = 0;
    private const int LargeRadiiKey = 1;
    private const int StateKeys = 2;

    private static readonly int States = UsState.All.Length;
    private static readonly int TouchingStateKeys = StateKeys + States;
    private static readonly int FixedKeys = TouchingStateKeys + States;

    // Per key: the service types with a list under it, and where its first list is; a key's lists follow
    // one another in type order, so a type's list is found by counting the key's types below it.
    private readonly uint[] _keyTypes;
    private readonly int[] _keyFirstList;

    // List l is _postings[_listStarts[l].._listStarts[l + 1]], entry indexes in ascending order, each once.
    private readonly int[] _listStarts;
    private readonly int[] _postings;

    // The keys of counties (a few thousand), by FIPS number, and of ZIP codes and cells (tens of thousands),
    // by ZIP number and cell: key + 1, 0 for none.
    private readonly Dictionary<int, int> _countyKeys = [];
    private readonly Dictionary<int, int> _zipsInCountyKeys = [];
    private readonly int[] _zipKeys;
    private readonly int[] _cellKeys;

    public ReferralIndex(ServiceEntry[] entries)
    {
        Entries = entries;
        _zipKeys = new int[FiveDigitNumbers];
        _cellKeys = new int[Cells];

        // First each entry's keys, each once, in a run of entryKeys; keys are numbered as first seen.
        var keys = new KeyCollector(entries.Length * 4, FixedKeys);
        var entryKeyEnds = new int[entries.Length];
        var cellBuffer = new List<int>();
        for (var e = 0; e < entries.Length; e++)
        {
            Collect(entries[e], ref keys, cellBuffer);
            entryKeyEnds[e] = keys.Count;
        }

        // Then the layout: each key's lists in type order, then how long each list is, then the lists.
        _keyTypes = keys.Types;
        _keyFirstList = new int[keys.KeyCount];
        var lists = 0;
        for (var k = 0; k < _keyFirstList.Length; k++)
        {
            _keyFirstList[k] = lists;
            lists += BitOperations.PopCount(_keyTypes[k]);
        }

        _listStarts = new int[lists + 1];
        ForEachPosting(entries, keys.Keys, entryKeyEnds, (list, _) => _listStarts[list + 1]++);
        for (var l = 0; l < lists; l++)
        {
            _listStarts[l + 1] += _listStarts[l];
        }

        // Entries are visited in index order, so every list comes out sorted.
        _postings = new int[_listStarts[lists]];
        var next = _listStarts[..^1];
        ForEachPosting(entries, keys.Keys, entryKeyEnds, (list, entry) => _postings[next[list]++] = entry);
    }

    public ServiceEntry[] Entries { get; }

    /// <summary>Adds to <paramref name="candidates"/> every service of <paramref name="type"/> that may cover <paramref name="place"/>, possibly twice.</summary>
    public void Candidates(ServiceType type, ReferralPlace place, List<int> candidates)
    {
        var t = (int)type;
        candidates.AddRange(List(NationalKey, t));
        if (place.State is { } state)
        {
            candidates.AddRange(List(StateKeys + state.Index, t));
        }

        switch (place.Kind)
        {
            case ReferralPlaceKind.State:
                candidates.AddRange(List(TouchingStateKeys + place.State!.Index, t));
                return;
            case ReferralPlaceKind.County:
                var fips = place.County!.FipsNumber;
                candidates.AddRange(List(Key(_countyKeys, fips), t));
                candidates.AddRange(List(Key(_zipsInCountyKeys, fips), t));
                break;
            default:
                if (place.County is { } county)
                {
                    candidates.AddRange(List(Key(_countyKeys, county.FipsNumber), t));
                }

                if (place.Zip is { } zip)
                {
                    candidates.AddRange(List(_zipKeys[zip.Number] - 1, t));
                }

                break;
        }

        candidates.AddRange(List(_cellKeys[Cell(place.Point.Latitude, place.Point.Longitude)] - 1, t));
        candidates.AddRange(List(LargeRadiiKey, t));
    }

    private static int Key(Dictionary<int, int> keys, int number) => keys.GetValueOrDefault(number) - 1;

    // The entries of one type under one key; empty for key -1 (nothing listed there).
    private ReadOnlySpan<int> List(int key, int type)
    {
        if (key < 0)
        {
            return default;
        }

        var types = _keyTypes[key];
        var bit = 1u << type;
        if ((types & bit) == 0)
        {
            return default;
        }

        var list = _keyFirstList[key] + BitOperations.PopCount(types & (bit - 1));
        return _postings.AsSpan(_listStarts[list], _listStarts[list + 1] - _listStarts[list]);
    }

    private void Collect(in ServiceEntry e, ref KeyCollector keys, List<int> cellBuffer)
    {
        keys.StartEntry(e.TypeMask);
        if (e.IsNational)
        {
            keys.Add(NationalKey);
        }

        for (var states = e.StateMask; states != 0; states &= states - 1)
        {
            keys.Add(StateKeys + BitOperations.TrailingZeroCount(states));
        }

        for (var states = e.TouchedStateMask; states != 0; states &= states - 1)
        {
            keys.Add(TouchingStateKeys + BitOperations.TrailingZeroCount(states));
        }

        foreach (var county in e.Counties)
        {
            keys.Add(ref CollectionsMarshal.GetValueRefOrAddDefault(_countyKeys, county.FipsNumber, out _));
        }

        foreach (var zip in e.Zips)
        {
            keys.Add(ref _zipKeys[zip.Number]);
            keys.Add(ref CollectionsMarshal.GetValueRefOrAddDefault(_zipsInCountyKeys, zip.County.FipsNumber, out _));
        }

        foreach (var radius in e.Radii)
        {
            if (CellsOf(radius, cellBuffer))
            {
                foreach (var cell in cellBuffer)
                {
                    keys.Add(ref _cellKeys[cell]);
                }
            }
            else
            {
                keys.Add(LargeRadiiKey);
            }
        }
    }

    // Calls post(list, entry) for every list each entry belongs to, entries in index order.
    private void ForEachPosting(ServiceEntry[] entries, int[] entryKeys, int[] entryKeyEnds, Action<int, int> post)
    {
        var start = 0;
        for (var e = 0; e < entries.Length; e++)
        {
            var typeMask = entries[e].TypeMask;
            for (var i = start; i < entryKeyEnds[e]; i++)
            {
                var key = entryKeys[i];
                var keyTypes = _keyTypes[key];
                var first = _keyFirstList[key];
                for (var types = typeMask; types != 0; types &= types - 1)
                {
                    var bit = 1u << BitOperations.TrailingZeroCount(types);
                    post(first + BitOperations.PopCount(keyTypes & (bit - 1)), e);
                }
            }

            start = entryKeyEnds[e];
        }
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

    private static int Cell(double latitude, double longitude) => Cell((int)Math.Floor(latitude), (int)Math.Floor(longitude));

    private static int Cell(int latCell, int lonCell) => ((latCell + 90) * LonCells) + ((((lonCell + 180) % LonCells) + LonCells) % LonCells);

    /// <summary>
    /// Numbers keys as they are first seen and records each entry's keys once each, with the union of the
    /// service types filed under every key. A mutable builder, used by one thread.
    /// </summary>
    private struct KeyCollector(int capacity, int fixedKeys)
    {
        private int[] _keys = new int[Math.Max(capacity, 16)];
        private uint[] _types = new uint[Math.Max(fixedKeys * 2, 1024)];
        private int[] _lastEntry = new int[Math.Max(fixedKeys * 2, 1024)];
        private int _entry;
        private uint _typeMask;

        public int Count { get; private set; }

        public int KeyCount { get; private set; } = fixedKeys;

        public readonly int[] Keys => _keys;

        public readonly uint[] Types => _types.AsSpan(0, KeyCount).ToArray();

        public void StartEntry(uint typeMask)
        {
            _entry++;
            _typeMask = typeMask;
        }

        /// <summary>Adds the key numbered in <paramref name="slot"/> (key + 1), numbering it first when 0.</summary>
        public void Add(ref int slot)
        {
            if (slot == 0)
            {
                slot = ++KeyCount;
            }

            Add(slot - 1);
        }

        public void Add(int key)
        {
            if (key >= _types.Length)
            {
                Array.Resize(ref _types, _types.Length * 2);
                Array.Resize(ref _lastEntry, _lastEntry.Length * 2);
            }

            // An entry listing two ZIP codes of one county, or two radii meeting one cell, is filed there once.
            if (_lastEntry[key] == _entry)
            {
                return;
            }

            _lastEntry[key] = _entry;
            _types[key] |= _typeMask;
            if (Count == _keys.Length)
            {
                Array.Resize(ref _keys, _keys.Length * 2);
            }

            _keys[Count++] = key;
        }
    }
}
