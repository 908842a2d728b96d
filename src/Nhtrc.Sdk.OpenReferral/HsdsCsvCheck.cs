using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// Checks an HSDS 3.0 CSV data package (<see cref="HsdsFeedCheck.CheckFileAsync"/>): no file of an HSDS 1.x/2.x
/// package, a <c>services.csv</c>, and each CSV file against the entity schema whose <c>path</c> names it: the columns
/// its <c>required</c> list names are there and filled, and each cell converts to its property's type (number,
/// integer, Boolean), <c>datapackage_type</c> (date, time, datetime) and enum (and, with
/// <see cref="HsdsFeedCheckOptions.RequireFormats"/>, format). Problems are named <c>FILE[line N].column</c>. A table
/// is read whole (with the import's <see cref="HsdsCsvTable"/>), one at a time. Stateless and thread-safe.
/// </summary>
internal static class HsdsCsvCheck
{
    private static readonly string[] LegacyFiles =
    [
        "physical_addresses.csv", "postal_addresses.csv", "regular_schedules.csv", "holiday_schedules.csv",
        "services_at_location.csv", "eligibility.csv", "service_taxonomy.csv", "location_taxonomy.csv",
    ];

    public static HsdsFeedCheckResult Check(string folder, string source, HsdsFeedCheckOptions options, CancellationToken cancellationToken)
    {
        var problems = new HsdsFeedProblems(source, options.Limits.MaxProblems);
        var files = Directory.GetFiles(folder, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            if (LegacyFiles.Contains(file, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(file!, file!, "hsds-version", "is not HSDS 3.0: the file is from an HSDS 1.x/2.x data package.");
            }
        }

        if (!files.Contains("services.csv", StringComparer.OrdinalIgnoreCase))
        {
            problems.Add("services.csv", "services.csv", "required", "is missing: an HSDS 3.0 CSV data package has one.");
        }

        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (LegacyFiles.Contains(file, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!HsdsSchemas.Default.Tables.TryGetValue(file!, out var shape))
            {
                problems.Add(file!, file!, "datapackage", "is not a table of the HSDS 3.0 data package (no HSDS schema has this path).");
                continue;
            }

            HsdsCsvTable table;
            try
            {
                table = HsdsCsvTable.Read(Path.Combine(folder, file!), source, options.Limits.MaxListLength, [], cancellationToken);
            }
            catch (NhtrcValidationException e)
            {
                foreach (var problem in e.Problems)
                {
                    problems.Add(file!, problem.Location, "csv", problem.Message);
                }

                continue;
            }

            Table(table, shape, options, problems, cancellationToken);
        }

        return problems.Result(source);
    }

    private static void Table(HsdsCsvTable table, HsdsSchemaShape shape, HsdsFeedCheckOptions options, HsdsFeedProblems problems, CancellationToken cancellationToken)
    {
        var file = table.File;
        var entity = shape.Entity ?? Path.GetFileNameWithoutExtension(file);
        foreach (var name in shape.Required)
        {
            if (table.Column(name) < 0)
            {
                problems.Add(file, $"{file}[line 1]", "required", $"has no {name} column, which the {entity} schema requires.");
            }
        }

        // The columns: the properties with one value (arrays and objects are tables of their own).
        var columns = new List<(string Name, int Index, HsdsSchemaShape Shape, bool Required)>();
        foreach (var name in shape.PropertyNames)
        {
            var property = shape.Property(name);
            var index = table.Column(name);
            if (index >= 0 && !property.Types.Contains("array") && !property.Types.Contains("object") && property.Items is null)
            {
                columns.Add((name, index, property, shape.Required.Contains(name)));
            }
        }

        for (var row = 0; row < table.Count; row++)
        {
            if ((row & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            problems.Record(entity);
            foreach (var (name, index, property, required) in columns)
            {
                var value = table.Get(row, index);
                var at = $"{table.Where(row)}.{name}";
                if (value is null)
                {
                    if (required)
                    {
                        problems.Add(file, at, "required", $"is required by the {entity} schema but empty.");
                    }

                    continue;
                }

                if (Cell(value, property, options.RequireFormats) is { } problem)
                {
                    problems.Add(file, at, problem.Keyword, problem.Message);
                }
            }
        }
    }

    /// <summary>Why the cell does not convert to its property; null when it does.</summary>
    internal static (string Keyword, string Message)? Cell(string value, HsdsSchemaShape property, bool requireFormats)
    {
        var type = property.Types.FirstOrDefault() ?? "string";
        var converts = type switch
        {
            "number" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number),
            "integer" => long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            "boolean" => value is "true" or "false" or "True" or "False" or "TRUE" or "FALSE" or "1" or "0",
            _ => true,
        };
        if (!converts)
        {
            return ("type", $"is not {(type == "integer" ? "an integer" : type == "boolean" ? "a Boolean (true or false)" : "a number")}, as the schema's {type} type needs.");
        }

        if (property.DataType is { } dataType && HsdsRecordCheck.DataTypeProblem(dataType, value) is { } message)
        {
            return ("datapackage_type", message);
        }

        if (!property.EnumStrings.IsEmpty && !property.EnumStrings.Contains(value, StringComparer.Ordinal))
        {
            return ("enum", $"must be one of {string.Join(", ", property.Enum)}.");
        }

        if (requireFormats && property.Format is { } format && !HsdsRecordCheck.FormatHolds(format, value))
        {
            return ("format", $"is not a valid {format} (JSON Schema format).");
        }

        return null;
    }
}
