using System;
using System.Collections.Generic;
using Nhtrc.Sdk.Geography;

namespace Nhtrc.Sdk.Referrals;

/// <summary>
/// For each service type, the services that can cover a place, by how they cover it: national; whole
/// states; counties; ZIP codes; ZIP codes by county; anything touching a state; and radii in a grid of
/// one-degree cells (a radius is filed under every cell its bounding box meets, or in a list checked on
/// every query when that box is huge). A lookup returns a superset of the covering services;
/// <see cref="ServiceEntry.Cover"/> decides. Immutable after construction.
/// </summary>
internal sealed class ReferralIndex
{
    private const int TypeSlots = 32;
    private const int LonCells = 360;
    private const int MaxCellsPerRadius = 400;

    private static readonly int[] None = [];

    private readonly int[][] _national = new int[TypeSlots][];
    private readonly int[][][] _stateWide = new int[TypeSlots][][];
    private readonly int[][][] _touchingState = new int[TypeSlots][][];
    private readonly Dictionary<string, int[]>[] _byCounty = new Dictionary<string, int[]>[TypeSlots];
    private readonly Dictionary<string, int[]>[] _zipsByCounty = new Dictionary<string, int[]>[TypeSlots];
    private readonly Dictionary<string, int[]>[] _byZip = new Dictionary<string, int[]>[TypeSlots];
    private readonly Dictionary<int, int[]>[] _radiusCells = new Dictionary<int, int[]>[TypeSlots];
    private readonly int[][] _largeRadii = new int[TypeSlots][];

    public ReferralIndex(ServiceEntry[] entries)
    {
        Entries = entries;
        var states = UsState.All.Length;
        var national = Lists<int>();
        var stateWide = new List<int>?[TypeSlots, states];
        var touching = new List<int>?[TypeSlots, states];
        var byCounty = Maps<string>();
        var zipsByCounty = Maps<string>();
        var byZip = Maps<string>();
        var cells = Maps<int>();
        var large = Lists<int>();
        var cellBuffer = new List<int>();

        foreach (var e in entries)
        {
            for (var t = 0; t < TypeSlots; t++)
            {
                if ((e.TypeMask & (1u << t)) == 0)
                {
                    continue;
                }

                if (e.IsNational)
                {
                    national[t].Add(e.Index);
                }

                for (var s = 0; s < states; s++)
                {
                    if ((e.StateMask & (1ul << s)) != 0)
                    {
                        (stateWide[t, s] ??= []).Add(e.Index);
                    }

                    if ((e.TouchedStateMask & (1ul << s)) != 0)
                    {
                        (touching[t, s] ??= []).Add(e.Index);
                    }
                }

                foreach (var fips in e.CountyFips)
                {
                    Add(byCounty[t], fips, e.Index);
                }

                foreach (var zip in e.Zips)
                {
                    Add(byZip[t], zip.Zip, e.Index);
                    Add(zipsByCounty[t], zip.County.Fips, e.Index);
                }

                foreach (var radius in e.Radii)
                {
                    if (Cells(radius, cellBuffer))
                    {
                        foreach (var cell in cellBuffer)
                        {
                            Add(cells[t], cell, e.Index);
                        }
                    }
                    else
                    {
                        large[t].Add(e.Index);
                    }
                }
            }
        }

        for (var t = 0; t < TypeSlots; t++)
        {
            _national[t] = Distinct(national[t]);
            _largeRadii[t] = Distinct(large[t]);
            _stateWide[t] = new int[states][];
            _touchingState[t] = new int[states][];
            for (var s = 0; s < states; s++)
            {
                _stateWide[t][s] = Distinct(stateWide[t, s]);
                _touchingState[t][s] = Distinct(touching[t, s]);
            }

            _byCounty[t] = Freeze(byCounty[t]);
            _zipsByCounty[t] = Freeze(zipsByCounty[t]);
            _byZip[t] = Freeze(byZip[t]);
            _radiusCells[t] = Freeze(cells[t]);
        }
    }

    /// <summary>Every service, in service id order (ordinal); a service's index is its position.</summary>
    public ServiceEntry[] Entries { get; }

    /// <summary>Adds to <paramref name="candidates"/> every service of <paramref name="type"/> that may cover <paramref name="place"/>, possibly twice.</summary>
    public void Candidates(ServiceType type, ReferralPlace place, List<int> candidates)
    {
        var t = (int)type;
        candidates.AddRange(_national[t]);
        if (place.State is { } state)
        {
            candidates.AddRange(_stateWide[t][state.Index]);
        }

        switch (place.Kind)
        {
            case ReferralPlaceKind.State:
                candidates.AddRange(_touchingState[t][place.State!.Index]);
                return;
            case ReferralPlaceKind.County:
                candidates.AddRange(Get(_byCounty[t], place.County!.Fips));
                candidates.AddRange(Get(_zipsByCounty[t], place.County.Fips));
                break;
            default:
                if (place.County is { } county)
                {
                    candidates.AddRange(Get(_byCounty[t], county.Fips));
                }

                if (place.Zip is { } zip)
                {
                    candidates.AddRange(Get(_byZip[t], zip.Zip));
                }

                break;
        }

        candidates.AddRange(Get(_radiusCells[t], Cell(place.Point.Latitude, place.Point.Longitude)));
        candidates.AddRange(_largeRadii[t]);
    }

    // The cells a disc's bounding box meets: latitude within the angular radius, longitude within the
    // cap's exact half-width asin(sin r / cos lat); false when the box is too big (or holds a pole).
    private static bool Cells(RadiusArea radius, List<int> cells)
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

    private static int[] Get<TKey>(Dictionary<TKey, int[]> map, TKey key)
        where TKey : notnull => map.TryGetValue(key, out var list) ? list : None;

    private static void Add<TKey>(Dictionary<TKey, List<int>> map, TKey key, int index)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map.Add(key, list = []);
        }

        list.Add(index);
    }

    private static int[] Distinct(List<int>? list)
    {
        if (list is null || list.Count == 0)
        {
            return None;
        }

        // Entries are visited in index order, so each list is already sorted; only repeats are removed.
        var result = new List<int>(list.Count);
        foreach (var i in list)
        {
            if (result.Count == 0 || result[^1] != i)
            {
                result.Add(i);
            }
        }

        return [.. result];
    }

    private static Dictionary<TKey, int[]> Freeze<TKey>(Dictionary<TKey, List<int>> map)
        where TKey : notnull
    {
        var result = new Dictionary<TKey, int[]>(map.Count);
        foreach (var (key, list) in map)
        {
            result.Add(key, Distinct(list));
        }

        return result;
    }

    private static List<T>[] Lists<T>()
    {
        var lists = new List<T>[TypeSlots];
        for (var i = 0; i < lists.Length; i++)
        {
            lists[i] = [];
        }

        return lists;
    }

    private static Dictionary<TKey, List<int>>[] Maps<TKey>()
        where TKey : notnull
    {
        var maps = new Dictionary<TKey, List<int>>[TypeSlots];
        for (var i = 0; i < maps.Length; i++)
        {
            maps[i] = [];
        }

        return maps;
    }
}
