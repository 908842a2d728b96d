using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using nietras.SeparatedValues;
using static Nhtrc.Sdk.OpenReferral.HsdsReader;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// One CSV file of an HSDS 3.0 data package, read whole with Sep (comma-separated, quoted fields unescaped, the first
/// line a header). A file whose rows do not have the header's column count, or with a header that repeats a column or
/// lacks one the table needs, fails the whole package. Immutable once read.
/// </summary>
internal sealed class HsdsCsvTable
{
    private readonly Dictionary<string, int> _columns;
    private readonly List<string?[]> _rows;
    private readonly List<int> _lines;

    private HsdsCsvTable(string file, string[] columns, List<string?[]> rows, List<int> lines)
    {
        File = file;
        Columns = columns;
        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < columns.Length; i++)
        {
            _columns[columns[i]] = i;
        }

        _rows = rows;
        _lines = lines;
    }

    /// <summary>The file name, such as <c>phones.csv</c>.</summary>
    public string File { get; }

    /// <summary>The header's column names, trimmed, in order.</summary>
    public string[] Columns { get; }

    /// <summary>The number of data rows.</summary>
    public int Count => _rows.Count;

    /// <summary>An empty table (the file is absent from the package).</summary>
    public static HsdsCsvTable Empty(string file) => new(file, [], [], []);

    /// <summary>Reads <paramref name="path"/>; <paramref name="required"/> columns must be in its header.</summary>
    /// <exception cref="Validation.NhtrcValidationException">The file is not a CSV table of the package.</exception>
    public static HsdsCsvTable Read(string path, string source, int maxRows, IReadOnlyList<string> required, CancellationToken cancellationToken)
    {
        var file = Path.GetFileName(path);
        try
        {
            using var reader = Open(path, file, source);
            var columns = new string[reader.Header.ColNames.Count];
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < columns.Length; i++)
            {
                columns[i] = reader.Header.ColNames[i].Trim();
                if (!seen.Add(columns[i]))
                {
                    throw Invalid(source, $"{file}[line 1]", $"repeats the column {Quoted(columns[i])}.");
                }
            }

            foreach (var name in required)
            {
                if (!seen.Contains(name))
                {
                    throw Invalid(source, $"{file}[line 1]", columns.Length == 0 ? "has no header line." : $"has no {name} column.");
                }
            }

            var rows = new List<string?[]>();
            var lines = new List<int>();
            foreach (var row in reader)
            {
                if ((rows.Count & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (rows.Count == maxRows)
                {
                    throw Invalid(source, file, $"has more than {Format(maxRows)} rows (ReadLimits.MaxListLength).");
                }

                if (row.ColCount != columns.Length)
                {
                    throw Invalid(source, $"{file}[line {Format(row.LineNumberFrom)}]", $"has {Format(row.ColCount)} columns; the header has {Format(columns.Length)}.");
                }

                var values = new string?[columns.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    var span = row[i].Span.Trim();
                    values[i] = span.IsEmpty ? null : span.ToString();
                }

                rows.Add(values);
                lines.Add(row.LineNumberFrom);
            }

            return new HsdsCsvTable(file, columns, rows, lines);
        }
        catch (InvalidDataException)
        {
            // Sep's message may quote the row's text, which is the source's data: name the file only.
            throw Invalid(source, file, "is not a well-formed CSV table.");
        }
    }

    private static SepReader Open(string path, string file, string source)
    {
        try
        {
            return Sep.New(',').Reader(o => o with { Unescape = true, Trim = SepTrim.Outer, DisableColCountCheck = true }).FromFile(path);
        }
        catch (ArgumentException)
        {
            // Sep refuses a header that names a column twice.
            throw Invalid(source, $"{file}[line 1]", "repeats a column.");
        }
    }

    /// <summary>The index of <paramref name="column"/>, or -1 when the header lacks it.</summary>
    public int Column(string column) => _columns.TryGetValue(column, out var i) ? i : -1;

    /// <summary>The value at <paramref name="row"/> and column index <paramref name="column"/>; null when empty or absent.</summary>
    public string? Get(int row, int column) => column < 0 ? null : _rows[row][column];

    /// <summary>The value of the named column, or null.</summary>
    public string? Get(int row, string column) => Get(row, Column(column));

    /// <summary>The row's values, in header order.</summary>
    public string?[] Row(int row) => _rows[row];

    /// <summary>Where the row is, as a path: <c>phones.csv[line 7]</c>.</summary>
    public string Where(int row) => $"{File}[line {Format(_lines[row])}]";

    private static string Quoted(string name) => name.Length <= 40 ? $"\"{name}\"" : $"\"{name[..40]}...\"";
}
