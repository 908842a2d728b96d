using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using Nhtrc.Sdk.Referrals;
using static Nhtrc.Sdk.OpenReferral.HsdsReader;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// Reads the tabular form of HSDS 3.0, a folder of CSV files, one per entity (the data package of the specification's
/// examples/csv), by assembling each row of <c>services.csv</c> into the compiled <c>service</c> the JSON form has and
/// feeding it to the same <see cref="HsdsImport"/>, so both forms map alike. A child row joins the most specific
/// parent it names (docs/open-referral.md, "CSV data package"); an empty cell is an absent field; the number columns of
/// the schemas are written as numbers. Issue paths name the CSV file and line of the row they are about. Memory is the
/// tables, proportional to the directory. Not thread-safe; one instance per load.
/// </summary>
internal sealed partial class HsdsCsvPackage
{
    /// <summary>Files only HSDS 1.x/2.x packages have.</summary>
    private static readonly string[] LegacyFiles =
    [
        "physical_addresses.csv", "postal_addresses.csv", "regular_schedules.csv", "holiday_schedules.csv",
        "services_at_location.csv", "eligibility.csv", "service_taxonomy.csv", "location_taxonomy.csv",
    ];

    private static readonly char[] Separators = ['.', '['];

    private readonly string _source;
    private readonly Dictionary<string, string> _where = new(StringComparer.Ordinal);
    private readonly List<DirectoryImportIssue> _issues = [];
    private readonly ArrayBufferWriter<byte> _json = new(16 * 1024);
    private readonly Tables _t;

    private HsdsCsvPackage(string source, Tables tables)
    {
        _source = source;
        _t = tables;
    }

    /// <summary>Reads the package in <paramref name="folder"/>.</summary>
    /// <exception cref="Validation.NhtrcValidationException">The folder is not an HSDS 3.0 CSV data package, or a file is not a well-formed table.</exception>
    public static ReferralDirectoryLoad Load(string folder, string source, HsdsImportOptions options, CancellationToken cancellationToken)
    {
        foreach (var legacy in LegacyFiles)
        {
            if (File.Exists(Path.Combine(folder, legacy)))
            {
                throw NotHsds3(source, legacy, "the file is from an HSDS 1.x/2.x data package.");
            }
        }

        if (!File.Exists(Path.Combine(folder, "services.csv")))
        {
            throw Invalid(source, "services.csv", "is missing: an HSDS 3.0 CSV data package has one.");
        }

        var package = new HsdsCsvPackage(source, Tables.Read(folder, source, options.Limits.MaxListLength, cancellationToken));
        return package.Import(options, cancellationToken);
    }

    private ReferralDirectoryLoad Import(HsdsImportOptions options, CancellationToken cancellationToken)
    {
        var links = new Links(_t, Dangling);
        var import = new HsdsImport(_source, options);
        var services = _t.Services;
        for (var row = 0; row < services.Count; row++)
        {
            if ((row & 255) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var path = services.Where(row);
            _json.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(_json))
            {
                WriteService(writer, links, row, path);
            }

            using var document = JsonDocument.Parse(_json.WrittenMemory);
            import.Add(document.RootElement, path);
        }

        var load = import.Build();
        var issues = load.Report.Issues.Select(Translate).Concat(_issues);
        return new ReferralDirectoryLoad(load.Directory, new DirectoryImportReport(_source, load.Report.Counts, issues));
    }

    private void Dangling(HsdsCsvTable table, int row, string column) =>
        _issues.Add(new DirectoryImportIssue(
            DirectoryImportSeverity.Warning, _source, table.Get(row, "id"), $"{table.Where(row)}.{column}",
            "names a record the package does not have; the row is not imported."));

    /// <summary>Rewrites an issue's path inside an assembled record to the CSV row it is about.</summary>
    private DirectoryImportIssue Translate(DirectoryImportIssue issue)
    {
        var path = issue.Path;
        for (var end = path.Length; end > 0; end = path.LastIndexOfAny(Separators, end - 1))
        {
            if (_where.TryGetValue(path[..end], out var row))
            {
                return new DirectoryImportIssue(issue.Severity, issue.Source, issue.RecordId, row + path[end..], issue.Message);
            }
        }

        return issue;
    }

    private static void WriteRow(Utf8JsonWriter w, HsdsCsvTable table, int row, string[] numbers)
    {
        var values = table.Row(row);
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is not { } value)
            {
                continue;
            }

            var column = table.Columns[i];
            if (Array.IndexOf(numbers, column) >= 0 &&
                double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            {
                w.WriteNumber(column, number);
            }
            else
            {
                w.WriteString(column, value);
            }
        }
    }

    private void Register(string path, HsdsCsvTable table, int row) => _where[path] = table.Where(row);
}
