using System;
using System.Collections.Generic;
using System.IO;
using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk.Geography;

/// <summary>
/// The prepared form of the embedded gazetteer: the content of the text file in Geography/Data as a
/// <see cref="PreparedDataWriter"/> image, with the nearest-ZIP tree's order, so that
/// <see cref="Gazetteer.Default"/> is built without parsing text or sorting. Written by src/Nhtrc.DataGen from the
/// text (which stays the source, and the format of <see cref="Gazetteer.Load"/>); a test checks that the two build
/// the same gazetteer. Internal: it is read only from this assembly's resources, never from user input.
/// </summary>
/// <remarks>
/// After the string table: the GeoNames attribution; the counties (count, then each one's FIPS number, name,
/// state index and, for a county no ZIP code lies in, 1 and its representative point as exact doubles, else 0,
/// ascending by FIPS); the ZIP codes (count, then each one's number as the step from the one before,
/// its place name, its county's position and its latitude and longitude as exact doubles); the tree order (one
/// position per ZIP code).
/// </remarks>
internal static class GazetteerBinaryFormat
{
    public const string ResourceName = "Nhtrc.Sdk.Geography.gazetteer.bin";

    private const int Version = 2;
    private const int MaxFiveDigits = 99_999;

    private static ReadOnlySpan<byte> Magic => "NHTRC gazetteer\n"u8;

    /// <summary>The prepared image of <paramref name="gazetteer"/>.</summary>
    public static byte[] Write(Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        var w = new PreparedDataWriter();
        w.WriteString(GazetteerFormat.Attribution);

        var countyIndex = new Dictionary<UsCounty, int>(ReferenceEqualityComparer.Instance);
        w.WriteCount(gazetteer.Counties.Length);
        foreach (var county in gazetteer.Counties)
        {
            countyIndex.Add(county, countyIndex.Count);
            w.WriteCount(county.FipsNumber);
            w.WriteString(county.Name);
            w.WriteCount(county.State.Index);
            w.WriteCount(county.ZipCount == 0 ? 1 : 0);
            if (county.ZipCount == 0)
            {
                w.WriteDouble(county.Centroid.Latitude);
                w.WriteDouble(county.Centroid.Longitude);
            }
        }

        w.WriteCount(gazetteer.Zips.Length);
        var previous = -1;
        foreach (var zip in gazetteer.Zips)
        {
            w.WriteCount(zip.Number - previous - 1);
            previous = zip.Number;
            w.WriteString(zip.PlaceName);
            w.WriteCount(countyIndex[zip.County]);
            w.WriteDouble(zip.Location.Latitude);
            w.WriteDouble(zip.Location.Longitude);
        }

        foreach (var ordinal in gazetteer.TreeOrder)
        {
            w.WriteCount(ordinal);
        }

        return w.ToArray(Magic, Version);
    }

    /// <summary>The gazetteer an image written by <see cref="Write"/> holds.</summary>
    /// <exception cref="InvalidDataException">The image is not one: truncated, corrupt, or of another version.</exception>
    public static Gazetteer Read(ReadOnlySpan<byte> image)
    {
        var r = new PreparedDataReader(image, Magic, Version);
        if (r.ReadString() != GazetteerFormat.Attribution)
        {
            throw r.Corrupt();
        }

        var countyCount = r.ReadCount(MaxFiveDigits + 1);
        var counties = new (int Fips, string Name, UsState State)[countyCount];
        var points = new GeoPoint?[countyCount];
        for (var c = 0; c < countyCount; c++)
        {
            var fips = r.ReadCount(MaxFiveDigits);
            if (c > 0 && fips <= counties[c - 1].Fips)
            {
                throw r.Corrupt();
            }

            counties[c] = (fips, r.ReadString(), UsState.All[r.ReadCount(UsState.All.Length - 1)]);
            if (r.ReadCount(1) == 1)
            {
                points[c] = ReadPoint(ref r);
            }
        }

        var zipCount = r.ReadCount(MaxFiveDigits + 1);
        var columns = new GazetteerColumns(countyCount, zipCount);
        for (var c = 0; c < countyCount; c++)
        {
            (columns.CountyFips[c], columns.CountyNames[c], columns.CountyStates[c]) = counties[c];
            columns.CountyPoints[c] = points[c];
        }

        var zipsInCounty = new int[countyCount];
        var previous = -1;
        for (var i = 0; i < zipCount; i++)
        {
            previous += 1 + r.ReadCount(MaxFiveDigits - previous - 1);
            columns.ZipNumbers[i] = previous;
            columns.PlaceNames[i] = r.ReadString();
            var county = r.ReadCount(countyCount - 1);
            columns.ZipCounties[i] = county;
            zipsInCounty[county]++;
            columns.Locations[i] = ReadPoint(ref r);
        }

        var order = new int[zipCount];
        for (var i = 0; i < zipCount; i++)
        {
            order[i] = r.ReadCount(zipCount - 1);
        }

        if (!r.AtEnd)
        {
            throw r.Corrupt();
        }

        // Every county has ZIP codes or a point, never both.
        for (var c = 0; c < countyCount; c++)
        {
            if ((zipsInCounty[c] == 0) != points[c].HasValue)
            {
                throw r.Corrupt();
            }
        }

        return new Gazetteer(columns, order);
    }

    private static GeoPoint ReadPoint(ref PreparedDataReader r)
    {
        var latitude = r.ReadDouble();
        var longitude = r.ReadDouble();
        if (!GeoPoint.IsValidLatitude(latitude) || !GeoPoint.IsValidLongitude(longitude))
        {
            throw r.Corrupt();
        }

        return new GeoPoint(latitude, longitude);
    }
}
