using System;
using System.Collections.Generic;
using System.Threading.Tasks;
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

        // Each service type's lists are built from the entries alone and written only to that type's
        // slots, so the types are built in parallel; every list is in entry order whichever thread built it.
        Parallel.For(0, TypeSlots, t => Build(entries, t));
    }

    private void Build(ServiceEntry[] entries, int t)
    {
        var states = UsState.All.Length;
        var national = new List<int>();
        var stateWide = new List<int>?[states];
        var touching = new List<int>?[states];
        var byCounty = new Dictionary<string, List<int>>();
        var zipsByCounty = new Dictionary<string, List<int>>();
        var byZip = new Dictionary<string, List<int>>();
        var cells = new Dictionary<int, List<int>>();
        var large = new List<int>();
        var cellBuffer = new List<int>();

        foreach (var e in entries)
        {
            if ((e.TypeMask & (1u << t)) == 0)
            {
                continue;
            }

            if (e.IsNational)
            {
                national.Add(e.Index);
            }

            for (var s = 0; s < states; s++)
            {
                if ((e.StateMask & (1ul << s)) != 0)
                {
                    (stateWide[s] ??= []).Add(e.Index);
                }

                if ((e.TouchedStateMask & (1ul << s)) != 0)
                {
                    (touching[s] ??= []).Add(e.Index);
                }
            }

            foreach (var fips in e.CountyFips)
            {
                Add(byCounty, fips, e.Index);
            }

            foreach (var zip in e.Zips)
            {
                Add(byZip, zip.Zip, e.Index);
                Add(zipsByCounty, zip.County.Fips, e.Index);
            }

            foreach (var radius in e.Radii)
            {
                if (Cells(radius, cellBuffer))
                {
                    foreach (var cell in cellBuffer)
                    {
                        Add(cells, cell, e.Index);
                    }
                }
                else
                {
                    large.Add(e.Index);
                }
            }
        }

        _national[t] = Distinct(national);
        _largeRadii[t] = Distinct(large);
        _stateWide[t] = new int[states][];
        _touchingState[t] = new int[states][];
        for (var s = 0; s < states; s++)
        {
            _stateWide[t][s] = Distinct(stateWide[s]);
            _touchingState[t][s] = Distinct(touching[s]);
        }

        _byCounty[t] = Freeze(byCounty);
        _zipsByCounty[t] = Freeze(zipsByCounty);
        _byZip[t] = Freeze(byZip);
        _radiusCells[t] = Freeze(cells);
    }

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
}
