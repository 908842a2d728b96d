using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Geography;

/// <summary>
/// The gazetteer's text format: UTF-8, tab separated, lines starting with <c>#</c> are comments, then
/// <see cref="Header"/> and one row per ZIP code: the format of <see cref="Gazetteer.Load"/> and of the embedded
/// gazetteer's source, Geography/Data/gazetteer.tsv.gz. Shared with the Nhtrc.DataGen tool that writes it.
/// </summary>
internal static class GazetteerFormat
{
    public const string Header = "zip\tplace\tstate\tcounty_fips\tcounty\tlatitude\tlongitude";

    public const string Attribution = "Contains GeoNames data (CC BY 4.0), https://www.geonames.org/";

    private const int FieldCount = 7;

    /// <summary>Reads and validates every row; throws listing every problem, so nothing is ever half-loaded.</summary>
    /// <exception cref="NhtrcValidationException">The text is not a valid gazetteer.</exception>
    public static List<Row> Read(TextReader reader)
    {
        var rows = new List<Row>();
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

            var fields = line.Split('\t');
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

        return rows;
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

        if (!UsState.TryGetByCode(stateCode, out var state) || state.Code != stateCode)
        {
            problems.Add(new ValidationProblem(location, $"state {InputText.Describe(stateCode)} is not the upper-case USPS code of one of the 50 states or DC."));
        }

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

        var latitudeOk = TryParseCoordinate(fields[5], out var latitude) && GeoPoint.IsValidLatitude(latitude);
        if (!latitudeOk)
        {
            problems.Add(new ValidationProblem(location, $"latitude {InputText.Describe(fields[5])} is not a number from -90 to 90."));
        }

        var longitudeOk = TryParseCoordinate(fields[6], out var longitude) && GeoPoint.IsValidLongitude(longitude);
        if (!longitudeOk)
        {
            problems.Add(new ValidationProblem(location, $"longitude {InputText.Describe(fields[6])} is not a number from -180 to 180."));
        }

        if (problems.Count > before)
        {
            return false;
        }

        row = new Row(zip, place, state!, countyFips, countyName, new GeoPoint(latitude, longitude));
        return true;
    }

    private static bool TryParseCoordinate(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);

    /// <summary>One validated row.</summary>
    internal readonly record struct Row(string Zip, string PlaceName, UsState State, string CountyFips, string CountyName, GeoPoint Location);
}
