using System.Collections.Generic;
using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk.Geography;

/// <summary>
/// A gazetteer's content as columns, in the order the gazetteer keeps it: counties by FIPS code, ZIP codes by
/// number, each ZIP code naming its county by position. The text format (<see cref="GazetteerFormat"/>) and the
/// prepared binary one (<see cref="GazetteerBinaryFormat"/>) both read into this, and a <see cref="Gazetteer"/> is
/// built from it alone, so the two cannot build different gazetteers from the same data.
/// </summary>
internal sealed class GazetteerColumns
{
    public GazetteerColumns(int counties, int zips)
    {
        CountyFips = new int[counties];
        CountyNames = new string[counties];
        CountyStates = new UsState[counties];
        CountyPoints = new GeoPoint?[counties];
        ZipNumbers = new int[zips];
        PlaceNames = new string[zips];
        ZipCounties = new int[zips];
        Locations = new GeoPoint[zips];
    }

    /// <summary>Each county's five-digit FIPS code as a number, ascending.</summary>
    public int[] CountyFips { get; }

    public string[] CountyNames { get; }

    public UsState[] CountyStates { get; }

    /// <summary>The representative point of each county no ZIP code lies in; null for the others (their centroid is their ZIP codes' mean).</summary>
    public GeoPoint?[] CountyPoints { get; }

    /// <summary>Each ZIP code's five digits as a number, ascending.</summary>
    public int[] ZipNumbers { get; }

    public string[] PlaceNames { get; }

    /// <summary>Each ZIP code's county, as its position in the county columns.</summary>
    public int[] ZipCounties { get; }

    public GeoPoint[] Locations { get; }

    /// <summary>
    /// The columns of validated text rows (unique ZIP codes, one name per county, county rows only for counties no ZIP
    /// row names), in any order.
    /// </summary>
    public static GazetteerColumns FromRows(List<GazetteerFormat.Row> rows, List<GazetteerFormat.CountyRow> countyRows)
    {
        rows.Sort((a, b) => string.CompareOrdinal(a.Zip, b.Zip));
        var counties = new SortedDictionary<int, (string Name, UsState State, GeoPoint? Point)>();
        foreach (var row in rows)
        {
            counties.TryAdd(InputText.DigitsValue(row.CountyFips), (row.CountyName, row.State, null));
        }

        foreach (var row in countyRows)
        {
            counties.Add(InputText.DigitsValue(row.CountyFips), (row.CountyName, row.State, row.Point));
        }

        var columns = new GazetteerColumns(counties.Count, rows.Count);
        var countyIndex = new Dictionary<int, int>(counties.Count);
        foreach (var (fips, county) in counties)
        {
            var i = countyIndex.Count;
            columns.CountyFips[i] = fips;
            columns.CountyNames[i] = county.Name;
            columns.CountyStates[i] = county.State;
            columns.CountyPoints[i] = county.Point;
            countyIndex.Add(fips, i);
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            columns.ZipNumbers[i] = InputText.DigitsValue(row.Zip);
            columns.PlaceNames[i] = row.PlaceName;
            columns.ZipCounties[i] = countyIndex[InputText.DigitsValue(row.CountyFips)];
            columns.Locations[i] = row.Location;
        }

        return columns;
    }

    /// <summary>A five-digit code as text with its leading zeros: <c>02108</c> for 2108.</summary>
    public static string FiveDigits(int number) => string.Create(5, number, static (digits, n) =>
    {
        for (var i = 4; i >= 0; i--)
        {
            digits[i] = (char)('0' + (n % 10));
            n /= 10;
        }
    });
}
