using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Geography;

/// <summary>
/// The gazetteer's text format: UTF-8, tab separated, lines starting with <c>#</c> are comments, then
/// <see cref="Header"/> and one row per ZIP code, then optionally <see cref="CountyHeader"/> and one row per county
/// that no ZIP code lies in, with a representative point: the format of <see cref="Gazetteer.Load"/> and of the
/// embedded gazetteer's source, Geography/Data/gazetteer.tsv.gz. Shared with the Nhtrc.DataGen tool that writes it.
/// </summary>
internal static class GazetteerFormat
{
    public const string Header = "zip\tplace\tstate\tcounty_fips\tcounty\tlatitude\tlongitude";

    /// <summary>The header of the optional second table: counties no ZIP code lies in, each at a representative point.</summary>
    public const string CountyHeader = "county_fips\tcounty\tstate\tlatitude\tlongitude";

    public const string Attribution = "Contains GeoNames data (CC BY 4.0), https://www.geonames.org/";

    private const int FieldCount = 7;
    private const int CountyFieldCount = 5;

    /// <summary>Reads and validates every row; throws listing every problem, so nothing is ever half-loaded.</summary>
    /// <exception cref="NhtrcValidationException">The text is not a valid gazetteer.</exception>
    public static (List<Row> Zips, List<CountyRow> Counties) Read(TextReader reader)
    {
        var rows = new List<Row>();
        var countyRows = new List<CountyRow>();
        var inCountyTable = false;
        var problems = new List<ValidationProblem>();
        var lineOfZip = new Dictionary<string, int>(StringComparer.Ordinal);
        var countyNames = new Dictionary<string, (string Name, int Line)>(StringComparer.Ordinal);
        var sawHeader = false;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var location = $"line {lineNumber}";
            if (!sawHeader)
            {
                sawHeader = true;
                if (line != Header)
                {
                    problems.Add(new ValidationProblem(location, "expected the header row 'zip, place, state, county_fips, county, latitude, longitude' (tab separated)."));
                }

                continue;
            }

            if (line == CountyHeader && !inCountyTable)
            {
                inCountyTable = true;
                continue;
            }

            var fields = line.Split('\t');
            if (inCountyTable)
            {
                ReadCountyRow(fields, location, lineNumber, problems, countyNames, countyRows);
                continue;
            }

            if (fields.Length != FieldCount)
            {
                problems.Add(new ValidationProblem(location, $"expected {FieldCount} tab-separated fields, found {fields.Length}."));
                continue;
            }

            if (TryParseRow(fields, location, problems, out var row))
            {
                if (lineOfZip.TryGetValue(row.Zip, out var firstLine))
                {
                    problems.Add(new ValidationProblem(location, $"ZIP code {row.Zip} is listed again (first on line {firstLine})."));
                    continue;
                }

                lineOfZip.Add(row.Zip, lineNumber);
                if (countyNames.TryGetValue(row.CountyFips, out var known))
                {
                    if (known.Name != row.CountyName)
                    {
                        problems.Add(new ValidationProblem(location, $"county {row.CountyFips} is named '{row.CountyName}' here but '{known.Name}' on line {known.Line}."));
                        continue;
                    }
                }
                else
                {
                    countyNames.Add(row.CountyFips, (row.CountyName, lineNumber));
                }

                rows.Add(row);
            }
        }

        if (!sawHeader)
        {
            problems.Add(new ValidationProblem("line 1", "the gazetteer is empty: expected a header row and at least one ZIP code."));
        }
        else if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add(new ValidationProblem($"line {lineNumber}", "the gazetteer has a header but no ZIP codes."));
        }

        if (problems.Count > 0)
        {
            throw new NhtrcValidationException("gazetteer", problems);
        }

        return (rows, countyRows);
    }

    // A county of the second table: its FIPS code must not be one a ZIP row (or an earlier county row) has named.
    private static void ReadCountyRow(
        string[] fields, string location, int lineNumber, List<ValidationProblem> problems,
        Dictionary<string, (string Name, int Line)> countyNames, List<CountyRow> countyRows)
    {
        if (fields.Length != CountyFieldCount)
        {
            problems.Add(new ValidationProblem(location, $"expected {CountyFieldCount} tab-separated fields in the county table, found {fields.Length}."));
            return;
        }

        var before = problems.Count;
        var (countyFips, countyName, stateCode) = (fields[0], fields[1], fields[2]);
        var state = CheckState(stateCode, location, problems);
        CheckCounty(countyFips, countyName, state, location, problems);
        var point = CheckPoint(fields[3], fields[4], location, problems);
        if (problems.Count > before)
        {
            return;
        }

        if (countyNames.TryGetValue(countyFips, out var known))
        {
            problems.Add(new ValidationProblem(location, $"county {countyFips} is listed again (first on line {known.Line}); the county table lists only counties no ZIP code lies in."));
            return;
        }

        countyNames.Add(countyFips, (countyName, lineNumber));
        countyRows.Add(new CountyRow(countyFips, countyName, state!, point));
    }

    private static bool TryParseRow(string[] fields, string location, List<ValidationProblem> problems, out Row row)
    {
        row = default;
        var before = problems.Count;
        var zip = fields[0];
        var place = fields[1];
        var stateCode = fields[2];
        var countyFips = fields[3];
        var countyName = fields[4];

        if (!InputText.IsDigits(zip, 5))
        {
            problems.Add(new ValidationProblem(location, $"ZIP code {InputText.Describe(zip)} is not 5 digits."));
        }

        if (string.IsNullOrWhiteSpace(place))
        {
            problems.Add(new ValidationProblem(location, "the place name is empty."));
        }

        var state = CheckState(stateCode, location, problems);
        CheckCounty(countyFips, countyName, state, location, problems);
        var point = CheckPoint(fields[5], fields[6], location, problems);
        if (problems.Count > before)
        {
            return false;
        }

        row = new Row(zip, place, state!, countyFips, countyName, point);
        return true;
    }

    private static UsState? CheckState(string stateCode, string location, List<ValidationProblem> problems)
    {
        if (UsState.TryGetByCode(stateCode, out var state) && state.Code == stateCode)
        {
            return state;
        }

        problems.Add(new ValidationProblem(location, $"state {InputText.Describe(stateCode)} is not the upper-case USPS code of one of the 50 states, DC or the territories AS, GU, MP, PR and VI."));
        return null;
    }

    private static void CheckCounty(string countyFips, string countyName, UsState? state, string location, List<ValidationProblem> problems)
    {
        if (!InputText.IsDigits(countyFips, 5))
        {
            problems.Add(new ValidationProblem(location, $"county FIPS code {InputText.Describe(countyFips)} is not 5 digits."));
        }
        else if (state is not null && !countyFips.StartsWith(state.Fips, StringComparison.Ordinal))
        {
            problems.Add(new ValidationProblem(location, $"county FIPS code {countyFips} does not start with {state.Code}'s state code {state.Fips}."));
        }

        if (string.IsNullOrWhiteSpace(countyName))
        {
            problems.Add(new ValidationProblem(location, "the county name is empty."));
        }
    }

    private static GeoPoint CheckPoint(string latitudeText, string longitudeText, string location, List<ValidationProblem> problems)
    {
        var latitudeOk = TryParseCoordinate(latitudeText, out var latitude) && GeoPoint.IsValidLatitude(latitude);
        if (!latitudeOk)
        {
            problems.Add(new ValidationProblem(location, $"latitude {InputText.Describe(latitudeText)} is not a number from -90 to 90."));
        }

        var longitudeOk = TryParseCoordinate(longitudeText, out var longitude) && GeoPoint.IsValidLongitude(longitude);
        if (!longitudeOk)
        {
            problems.Add(new ValidationProblem(location, $"longitude {InputText.Describe(longitudeText)} is not a number from -180 to 180."));
        }

        return latitudeOk && longitudeOk ? new GeoPoint(latitude, longitude) : default;
    }

    private static bool TryParseCoordinate(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    /// <summary>One validated row.</summary>
    internal readonly record struct Row(string Zip, string PlaceName, UsState State, string CountyFips, string CountyName, GeoPoint Location);

    /// <summary>One validated row of the county table: a county no ZIP code lies in, at a representative point.</summary>
    internal readonly record struct CountyRow(string CountyFips, string CountyName, UsState State, GeoPoint Point);
}
