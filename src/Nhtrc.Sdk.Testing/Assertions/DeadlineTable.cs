using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Text.Json;
using nietras.SeparatedValues;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Sdk.Testing;

/// <summary>
/// A partner's table of expected deadlines, read from CSV or JSON, for <see cref="SlaAssert.Deadlines"/>. The columns
/// (CSV header) or members (JSON objects of a top-level array) are <c>receivedAt</c>, <c>channel</c>, <c>urgency</c>,
/// <c>targetBy</c>, <c>dueBy</c> and an optional <c>note</c>: instants in ISO 8601 with an offset
/// (<c>2026-07-02T18:59:00-04:00</c>, <c>2026-07-02T22:59:00Z</c>, seconds optional), channels and urgencies by their
/// JSON names (<c>email</c>, <c>nonUrgent</c>). Names are case-sensitive; a missing, unknown or repeated column or
/// member is an error. A table that does not read throws <see cref="NhtrcValidationException"/> listing every problem
/// with its place (<c>line 3, receivedAt</c> or <c>$[2].receivedAt</c>). Immutable.
/// </summary>
public sealed class DeadlineTable
{
    private static readonly string[] Required = ["receivedAt", "channel", "urgency", "targetBy", "dueBy"];
    private static readonly OffsetDateTimePattern WithSeconds = OffsetDateTimePattern.ExtendedIso;
    private static readonly OffsetDateTimePattern WithoutSeconds = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>");

    private DeadlineTable(string source, ImmutableArray<ExpectedDeadline> rows)
    {
        Source = source;
        Rows = rows;
    }

    /// <summary>Where the table came from: a file name, or the source given to a Parse method.</summary>
    public string Source { get; }

    /// <summary>The rows, in table order.</summary>
    public ImmutableArray<ExpectedDeadline> Rows { get; }

    /// <summary>Reads a CSV table: a header line naming the columns (in any order), then one row a line.</summary>
    /// <param name="csv">The table's text.</param>
    /// <param name="source">What to call the table in messages, such as its file name.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NhtrcValidationException">The table is invalid; every problem is listed with its line and column.</exception>
    public static DeadlineTable ParseCsv(string csv, string source)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(source);
        var problems = new List<ValidationProblem>();
        var rows = ImmutableArray.CreateBuilder<ExpectedDeadline>();
        try
        {
            using var reader = Sep.New(',').Reader(o => o with { Unescape = true, Trim = SepTrim.Outer, DisableColCountCheck = true }).FromText(csv);
            var columns = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < reader.Header.ColNames.Count; i++)
            {
                var name = reader.Header.ColNames[i];
                if (name != "note" && Array.IndexOf(Required, name) < 0)
                {
                    problems.Add(new ValidationProblem("line 1", $"'{Clip(name)}' is not a column of a deadline table (receivedAt, channel, urgency, targetBy, dueBy, note)."));
                }
                else if (!columns.TryAdd(name, i))
                {
                    problems.Add(new ValidationProblem("line 1", $"names the column {name} twice."));
                }
            }

            foreach (var name in Required)
            {
                if (!columns.ContainsKey(name))
                {
                    problems.Add(new ValidationProblem("line 1", $"has no {name} column."));
                }
            }

            if (problems.Count > 0)
            {
                throw new NhtrcValidationException($"deadline table {source}", problems);
            }

            foreach (var row in reader)
            {
                var where = $"line {row.LineNumberFrom}";
                if (row.ColCount != reader.Header.ColNames.Count)
                {
                    problems.Add(new ValidationProblem(where, $"has {row.ColCount} columns; the header has {reader.Header.ColNames.Count}."));
                    continue;
                }

                var cells = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (name, i) in columns)
                {
                    cells[name] = row[i].ToString();
                }

                var expected = ReadRow(where, where + ", ", name => cells.GetValueOrDefault(name), problems, null);
                if (expected is not null)
                {
                    rows.Add(expected);
                }
            }
        }
        catch (ArgumentException)
        {
            // Sep refuses a header naming a column twice before we see it.
            problems.Add(new ValidationProblem("line 1", "names a column twice."));
        }
        catch (InvalidDataException)
        {
            problems.Add(new ValidationProblem(source, "is not a well-formed CSV table (an unclosed quote?)."));
        }

        return Result(source, rows, problems);
    }

    /// <summary>Reads a JSON table: an array of objects, one a row.</summary>
    /// <param name="json">The table's text.</param>
    /// <param name="source">What to call the table in messages, such as its file name.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NhtrcValidationException">The table is invalid; every problem is listed with its JSON path.</exception>
    public static DeadlineTable ParseJson(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        var problems = new List<ValidationProblem>();
        var rows = ImmutableArray.CreateBuilder<ExpectedDeadline>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new NhtrcValidationException($"deadline table {source}", [new ValidationProblem("$", $"is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).")]);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new NhtrcValidationException($"deadline table {source}", [new ValidationProblem("$", "must be an array of rows.")]);
            }

            var index = 0;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var where = $"$[{index++}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new ValidationProblem(where, "must be an object."));
                    continue;
                }

                var values = new Dictionary<string, string?>(StringComparer.Ordinal);
                var misfits = new HashSet<string>(StringComparer.Ordinal);
                var rowOk = true;
                foreach (var member in item.EnumerateObject())
                {
                    if (member.Name != "note" && Array.IndexOf(Required, member.Name) < 0)
                    {
                        problems.Add(new ValidationProblem($"{where}.{Clip(member.Name)}", "is not a member of a deadline row (receivedAt, channel, urgency, targetBy, dueBy, note)."));
                        rowOk = false;
                    }
                    else if (member.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                    {
                        problems.Add(new ValidationProblem($"{where}.{member.Name}", "must be a string."));
                        misfits.Add(member.Name);
                        rowOk = false;
                    }
                    else if (!values.TryAdd(member.Name, member.Value.GetString()))
                    {
                        problems.Add(new ValidationProblem($"{where}.{member.Name}", "is given twice; give each member once."));
                        rowOk = false;
                    }
                }

                var expected = ReadRow(where, where + ".", name => values.TryGetValue(name, out var v) ? v : null, problems, misfits);
                if (expected is not null && rowOk)
                {
                    rows.Add(expected);
                }
            }
        }

        return Result(source, rows, problems);
    }

    /// <summary>Reads a table from a file: CSV when its name ends in <c>.csv</c>, JSON when in <c>.json</c>.</summary>
    /// <param name="path">The file's path.</param>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException">The name ends in neither.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="NhtrcValidationException">The table is invalid; every problem is listed.</exception>
    public static DeadlineTable LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return ParseCsv(File.ReadAllText(path), name);
        }

        if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return ParseJson(File.ReadAllText(path), name);
        }

        throw new ArgumentException($"'{name}' is neither a .csv nor a .json file.", nameof(path));
    }

    /// <summary>Returns the source and the number of rows, for example <c>deadlines.csv (12 rows)</c>.</summary>
    public override string ToString() => $"{Source} ({Rows.Length} {(Rows.Length == 1 ? "row" : "rows")})";

    private static DeadlineTable Result(string source, ImmutableArray<ExpectedDeadline>.Builder rows, List<ValidationProblem> problems) =>
        problems.Count > 0
            ? throw new NhtrcValidationException($"deadline table {source}", problems)
            : new DeadlineTable(source, rows.ToImmutable());

    /// <summary>Reads one row's cells; <paramref name="misfits"/> names members already reported (not strings), left unread.</summary>
    private static ExpectedDeadline? ReadRow(string where, string prefix, Func<string, string?> cell, List<ValidationProblem> problems, HashSet<string>? misfits)
    {
        var before = problems.Count;
        var scratch = new List<ValidationProblem>();
        List<ValidationProblem> Sink(string name) => misfits?.Contains(name) == true ? scratch : problems;
        var receivedAt = ReadInstant(prefix, "receivedAt", cell("receivedAt"), Sink("receivedAt"));
        var channel = ReadName<ContactChannel>(prefix, "channel", cell("channel"), Sink("channel"));
        var urgency = ReadName<Urgency>(prefix, "urgency", cell("urgency"), Sink("urgency"));
        var targetBy = ReadInstant(prefix, "targetBy", cell("targetBy"), Sink("targetBy"));
        var dueBy = ReadInstant(prefix, "dueBy", cell("dueBy"), Sink("dueBy"));
        return problems.Count > before ? null : new ExpectedDeadline(where, receivedAt, channel, urgency, targetBy, dueBy, cell("note"));
    }

    private static Instant ReadInstant(string prefix, string name, string? text, List<ValidationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new ValidationProblem(prefix + name, "is required: an ISO 8601 instant with an offset, such as 2026-07-02T18:59:00-04:00."));
            return default;
        }

        var parsed = WithSeconds.Parse(text);
        if (!parsed.Success)
        {
            parsed = WithoutSeconds.Parse(text);
        }

        if (parsed.Success)
        {
            return parsed.Value.ToInstant();
        }

        problems.Add(new ValidationProblem(prefix + name, $"'{Clip(text)}' is not an ISO 8601 instant with an offset, such as 2026-07-02T18:59:00-04:00 or 2026-07-02T22:59:00Z."));
        return default;
    }

    private static T ReadName<T>(string prefix, string name, string? text, List<ValidationProblem> problems)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new ValidationProblem(prefix + name, $"is required: one of {WireNames.Expected<T>()}."));
            return default;
        }

        if (WireNames.TryParse<T>(text, out var value))
        {
            return value;
        }

        problems.Add(new ValidationProblem(prefix + name, $"'{Clip(text)}' is not one of {WireNames.Expected<T>()}."));
        return default;
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
