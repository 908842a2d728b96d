using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Geography;

/// <summary>
/// US ZIP codes with their place, state, county and coordinates, plus county and state centroids and a
/// nearest-ZIP search. <see cref="Default"/> holds the ZIP codes of the 50 states, DC and the five territories derived
/// from GeoNames (contains GeoNames data, CC BY 4.0), and every county-equivalent of the Census county list in the
/// territories. Instances are immutable and thread-safe.
/// </summary>
public sealed class Gazetteer
{
    private const int FiveDigitNumbers = 100_000;

    private static readonly Lazy<Gazetteer> DefaultInstance = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ZipCodeInfo?[] _zipByNumber;
    private readonly UsCounty?[] _countyByNumber;
    private readonly ImmutableArray<UsCounty>[] _countiesByState;
    private readonly GeoPoint?[] _stateCentroids;
    private readonly NearestZipIndex _index;
    private readonly UsCounty[] _zipLessCounties;

    /// <summary>Builds the gazetteer of <paramref name="columns"/>, whichever format they were read from.</summary>
    /// <param name="columns">The content; every county has at least one ZIP code or a representative point.</param>
    /// <param name="treeOrder">
    /// The nearest-ZIP tree's order of the ZIP codes as <see cref="TreeOrder"/> gave it for the same content (the
    /// prepared form stores it), or empty to build the tree by sorting.
    /// </param>
    internal Gazetteer(GazetteerColumns columns, ReadOnlySpan<int> treeOrder)
    {
        var zipCount = columns.ZipNumbers.Length;
        var countyCount = columns.CountyFips.Length;

        // Each ZIP code's unit vector once, for the county and state means and the tree; the means add the
        // ZIP codes in ZIP order, so a centroid is the same to the last bit whichever format the data came from.
        var vectors = new UnitVector[zipCount];
        var countyMeans = new SphericalMean[countyCount];
        var stateMeans = new SphericalMean[UsState.All.Length];
        for (var i = 0; i < zipCount; i++)
        {
            var location = columns.Locations[i];
            var vector = UnitVector.From(location);
            vectors[i] = vector;
            var county = columns.ZipCounties[i];
            countyMeans[county].Add(location, vector);
            stateMeans[columns.CountyStates[county].Index].Add(location, vector);
        }

        var counties = new UsCounty[countyCount];
        _countyByNumber = new UsCounty?[FiveDigitNumbers];
        var perState = new List<UsCounty>[UsState.All.Length];
        for (var c = 0; c < countyCount; c++)
        {
            var mean = countyMeans[c];
            var centroid = mean.Count > 0 ? mean.Result() : columns.CountyPoints[c].GetValueOrDefault();
            var county = new UsCounty(GazetteerColumns.FiveDigits(columns.CountyFips[c]), columns.CountyNames[c], columns.CountyStates[c], centroid, mean.Count);
            counties[c] = county;
            _countyByNumber[county.FipsNumber] = county;
            (perState[county.State.Index] ??= []).Add(county);
        }

        var zips = new ZipCodeInfo[zipCount];
        _zipByNumber = new ZipCodeInfo?[FiveDigitNumbers];
        for (var i = 0; i < zipCount; i++)
        {
            var zip = new ZipCodeInfo(GazetteerColumns.FiveDigits(columns.ZipNumbers[i]), columns.PlaceNames[i], counties[columns.ZipCounties[i]], columns.Locations[i]);
            zips[i] = zip;
            _zipByNumber[zip.Number] = zip;
        }

        Zips = ImmutableCollectionsMarshal.AsImmutableArray(zips);
        Counties = ImmutableCollectionsMarshal.AsImmutableArray(counties);

        _countiesByState = new ImmutableArray<UsCounty>[UsState.All.Length];
        _stateCentroids = new GeoPoint?[UsState.All.Length];
        for (var i = 0; i < perState.Length; i++)
        {
            _countiesByState[i] = perState[i] is { } list ? [.. list] : [];
            _stateCentroids[i] = stateMeans[i].Count > 0 ? stateMeans[i].Result() : null;
        }

        _index = new NearestZipIndex(Zips, vectors, treeOrder);
        _zipLessCounties = Array.FindAll(counties, c => c.ZipCount == 0);
    }

    /// <summary>
    /// The gazetteer embedded in this assembly: the ZIP codes of the 50 states, DC and the territories (AS, GU, MP, PR,
    /// VI) from GeoNames, with every county-equivalent of the territories.
    /// Loaded once, on first use, whichever thread gets there first.
    /// </summary>
    public static Gazetteer Default => DefaultInstance.Value;

    /// <summary>Every ZIP code, ordered by ZIP.</summary>
    public ImmutableArray<ZipCodeInfo> Zips { get; }

    /// <summary>
    /// Every county of the gazetteer, ordered by FIPS code: those at least one ZIP code lies in, and those the
    /// gazetteer lists without one (<see cref="UsCounty.ZipCount"/> 0; in the embedded data five county-equivalents of
    /// American Samoa and the Northern Mariana Islands).
    /// </summary>
    public ImmutableArray<UsCounty> Counties { get; }

    /// <summary>
    /// Reads a gazetteer from UTF-8 text in the format of the embedded one (see docs/geography.md):
    /// comment lines starting with <c>#</c>, the header
    /// <c>zip, place, state, county_fips, county, latitude, longitude</c> (tab separated), then one row
    /// per ZIP code; optionally then the header <c>county_fips, county, state, latitude, longitude</c> and one row per
    /// county that no ZIP code lies in, at a representative point. The stream is read to the end and left open.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Text"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">
    /// The text is not a valid gazetteer; the message lists every problem with its line number.
    /// </exception>
    public static Gazetteer Load(Stream utf8Text)
    {
        ArgumentNullException.ThrowIfNull(utf8Text);
        using var reader = new StreamReader(utf8Text, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var (zips, counties) = GazetteerFormat.Read(reader);
        return new Gazetteer(GazetteerColumns.FromRows(zips, counties), []);
    }

    /// <summary>Finds a ZIP code by its five digits, for example <c>02108</c>.</summary>
    /// <returns>False for null, anything but exactly five ASCII digits, and ZIP codes not in the gazetteer.</returns>
    public bool TryGetZip(string? zip, [NotNullWhen(true)] out ZipCodeInfo? info)
    {
        info = null;
        return zip is not null && TryGetZip(zip.AsSpan(), out info);
    }

    /// <summary>Like <see cref="TryGetZip(string?, out ZipCodeInfo?)"/> for text that need not be a string yet (the directory reader's scratch buffer).</summary>
    internal bool TryGetZip(ReadOnlySpan<char> zip, [NotNullWhen(true)] out ZipCodeInfo? info)
    {
        info = null;
        if (!TryGetFiveDigits(zip, out var number))
        {
            return false;
        }

        info = _zipByNumber[number];
        return info is not null;
    }

    /// <summary>Finds a ZIP code by its number, 2108 for <c>02108</c> (<see cref="ZipCodeInfo.Number"/>); false for any other number.</summary>
    internal bool TryGetZip(int number, [NotNullWhen(true)] out ZipCodeInfo? info)
    {
        info = (uint)number < FiveDigitNumbers ? _zipByNumber[number] : null;
        return info is not null;
    }

    /// <summary>Finds a county by its FIPS number (<see cref="UsCounty.FipsNumber"/>); false for any other number.</summary>
    internal bool TryGetCounty(int fipsNumber, [NotNullWhen(true)] out UsCounty? county)
    {
        county = (uint)fipsNumber < FiveDigitNumbers ? _countyByNumber[fipsNumber] : null;
        return county is not null;
    }

    /// <summary>The nearest-ZIP tree's order of the ZIP codes, which the prepared form stores so that loading need not sort.</summary>
    internal ReadOnlySpan<int> TreeOrder => _index.TreeOrder;

    /// <summary>The ZIP code with these five digits, for example <c>02108</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="zip"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">
    /// <paramref name="zip"/> is not exactly five ASCII digits, or is not in the gazetteer (military APO/FPO codes,
    /// the freely associated states and unassigned numbers are not).
    /// </exception>
    public ZipCodeInfo GetZip(string zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        if (TryGetZip(zip, out var info))
        {
            return info;
        }

        var message = InputText.IsDigits(zip, 5)
            ? $"ZIP code {zip} is not in the gazetteer, which covers the 50 states, DC and the territories (no military APO/FPO codes, freely associated states or unassigned numbers)."
            : $"{InputText.Describe(zip)} is not a ZIP code: expected exactly 5 digits, such as 02108.";
        throw new NhtrcValidationException("ZIP code", [new ValidationProblem("zip", message)]);
    }

    /// <summary>Finds a county by its five-digit FIPS code, for example <c>36061</c>.</summary>
    /// <returns>False for null, malformed codes and counties the gazetteer does not list.</returns>
    public bool TryGetCounty(string? fips, [NotNullWhen(true)] out UsCounty? county)
    {
        county = null;
        return fips is not null && TryGetCounty(fips.AsSpan(), out county);
    }

    /// <summary>Like <see cref="TryGetCounty(string?, out UsCounty?)"/> for text that need not be a string yet.</summary>
    internal bool TryGetCounty(ReadOnlySpan<char> fips, [NotNullWhen(true)] out UsCounty? county)
    {
        county = null;
        if (!TryGetFiveDigits(fips, out var number))
        {
            return false;
        }

        county = _countyByNumber[number];
        return county is not null;
    }

    /// <summary>The county with five-digit FIPS code <paramref name="fips"/>, for example <c>36061</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="fips"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The code is not five digits, or the gazetteer does not list that county.</exception>
    public UsCounty GetCounty(string fips)
    {
        ArgumentNullException.ThrowIfNull(fips);
        if (TryGetCounty(fips, out var county))
        {
            return county;
        }

        var message = InputText.IsDigits(fips, 5)
            ? $"county {fips} is not in the gazetteer (not a county or county-equivalent of the 50 states, DC or the territories)."
            : $"{InputText.Describe(fips)} is not a county FIPS code: expected exactly 5 digits, such as 36061.";
        throw new NhtrcValidationException("county FIPS code", [new ValidationProblem("fips", message)]);
    }

    /// <summary>The counties of <paramref name="state"/> the gazetteer lists, ordered by FIPS code; empty if none.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    public ImmutableArray<UsCounty> CountiesIn(UsState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return _countiesByState[state.Index];
    }

    /// <summary>
    /// The spherical mean of the coordinates of the state's ZIP codes: a ZIP-weighted centre that leans
    /// toward where ZIP codes are dense, not the centroid of the state's boundary.
    /// </summary>
    /// <returns>False when the gazetteer has no ZIP code in <paramref name="state"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    public bool TryGetStateCentroid(UsState state, out GeoPoint centroid)
    {
        ArgumentNullException.ThrowIfNull(state);
        centroid = _stateCentroids[state.Index].GetValueOrDefault();
        return _stateCentroids[state.Index].HasValue;
    }

    /// <summary>The ZIP-weighted centre of <paramref name="state"/>, as <see cref="TryGetStateCentroid"/> describes it.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="state"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The gazetteer has no ZIP code in <paramref name="state"/>.</exception>
    public GeoPoint GetStateCentroid(UsState state)
    {
        if (TryGetStateCentroid(state, out var centroid))
        {
            return centroid;
        }

        throw new NhtrcValidationException("US state", [new ValidationProblem("state", $"the gazetteer has no ZIP code in {state.Code}, so it has no centroid.")]);
    }

    /// <summary>
    /// The <paramref name="count"/> ZIP codes nearest <paramref name="point"/> by great-circle distance,
    /// nearest first; equal distances are ordered by ZIP. Fewer are returned when the gazetteer holds fewer.
    /// Uses a spatial index (a few microseconds for a handful of ZIP codes), not a scan of every ZIP code.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public ImmutableArray<NearbyZip> NearestZips(GeoPoint point, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return _index.Nearest(point, count);
    }

    /// <summary>The ZIP code <see cref="NearestZips"/> lists first for a count of 1, without allocating; null when the gazetteer is empty.</summary>
    internal ZipCodeInfo? NearestZip(GeoPoint point, out double distanceKilometers) => _index.NearestOne(point, out distanceKilometers);

    /// <summary>
    /// Where <paramref name="point"/> lies as far as the gazetteer tells: in its nearest ZIP code (and that ZIP code's
    /// county) when that is within <paramref name="maximumKilometers"/>; but in a county no ZIP code lies in (its
    /// representative point) when that point is nearer still and also within the distance, so that a point on Ta'u or
    /// Pagan, or in Leone, lies in Manu'a District, the Northern Islands or Western District, with no ZIP code. False
    /// when nothing is near enough. Ties go to the ZIP code, then to the lower FIPS code.
    /// </summary>
    internal bool TryLocate(GeoPoint point, double maximumKilometers, out ZipCodeInfo? zip, [NotNullWhen(true)] out UsCounty? county)
    {
        zip = NearestZip(point, out var best);
        if (zip is null || best > maximumKilometers)
        {
            zip = null;
            best = maximumKilometers;
        }

        county = zip?.County;
        foreach (var candidate in _zipLessCounties)
        {
            var kilometers = GreatCircle.DistanceKilometers(point, candidate.Centroid);
            if (kilometers < best || (county is null && kilometers <= best))
            {
                best = kilometers;
                zip = null;
                county = candidate;
            }
        }

        return county is not null;
    }

    /// <summary>Returns the number of ZIP codes and counties, for example <c>Gazetteer: 41194 ZIP codes in 3238 counties</c>.</summary>
    public override string ToString() => $"Gazetteer: {Zips.Length} ZIP codes in {Counties.Length} counties";

    // Five ASCII digits as a number: 2108 for "02108".
    private static bool TryGetFiveDigits(ReadOnlySpan<char> text, out int number)
    {
        number = 0;
        if (text.Length != 5)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            number = (number * 10) + (c - '0');
        }

        return true;
    }

    // The prepared form (GazetteerBinaryFormat), made by src/Nhtrc.DataGen from the text in Geography/Data: no
    // text to parse, no tree to sort.
    private static Gazetteer LoadEmbedded() =>
        GazetteerBinaryFormat.Read(EmbeddedData.Read(typeof(Gazetteer).Assembly, GazetteerBinaryFormat.ResourceName));
}
