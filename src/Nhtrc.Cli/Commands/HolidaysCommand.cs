using System.Buffers;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Nhtrc.Sdk.Scheduling;
using NodaTime.Text;

namespace Nhtrc.Cli.Commands;

/// <summary>
/// <c>nhtrc holidays --from YEAR --to YEAR [--json]</c>: lists the observed US federal holidays whose
/// observed date falls in the given years, in date order, as tab-separated text or JSON lines.
/// </summary>
internal static class HolidaysCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="summary">The line <c>nhtrc --help</c> shows for it.</param>
    public static Command Create(string summary)
    {
        var from = Year("--from", "first observed year, " + YearRange());
        var to = Year("--to", "last observed year, " + YearRange() + ", not before --from");
        var json = SharedOptions.Json("print JSON lines {\"date\",\"actualDate\",\"name\"} instead of text (YYYY-MM-DD<TAB>name)");
        var command = new Command("holidays", summary) { from, to, json };
        command.Validators.Add(result =>
        {
            if (SharedOptions.HasArityProblems(result))
            {
                return;
            }

            // Both values are read, so that a bad value of either is reported.
            var first = SharedOptions.ValueOrDefault(result, from);
            var last = SharedOptions.ValueOrDefault(result, to);
            if (first > last)
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"--from: {first} is after --to {last}."));
            }
        });
        command.SetAction(parseResult =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var first = parseResult.GetValue(from)!.Value;
            var last = parseResult.GetValue(to)!.Value;
            if (parseResult.GetValue(json))
            {
                WriteJsonLines(first, last, stdout);
            }
            else
            {
                WriteText(first, last, stdout);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Runs the command: <c>nhtrc holidays ARGS</c>.</summary>
    /// <param name="args">The arguments after the word <c>holidays</c>.</param>
    /// <param name="stdout">Where the holidays (or the help) are written.</param>
    /// <param name="stderr">Where argument problems are written.</param>
    /// <returns>The exit code of <see cref="Program.Run"/>.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr) =>
        Program.Run(["holidays", .. args], TextReader.Null, stdout, stderr);

    /// <summary>What <c>--help</c> prints after the generated usage and options: the details of input, output and exit codes.</summary>
    public static string Details { get; } = string.Join(
        '\n',
        "Lists the observed US federal holidays (5 U.S.C. 6103) whose observed date falls in the years",
        "FROM to TO inclusive, in date order. A holiday on a Saturday is observed on the Friday before,",
        "one on a Sunday on the Monday after; 1 January on a Saturday is observed on 31 December of",
        "the year before and is listed in that year. Text output is one holiday a line: YYYY-MM-DD<TAB>name.",
        "",
        "Exit codes: 0 success; 2 bad arguments.");

    private static Option<int?> Year(string name, string description) => SharedOptions.TakesNoOption(new Option<int?>(name)
    {
        Description = description,
        HelpName = "YEAR",
        Required = true,
        CustomParser = result => SharedOptions.Parse<int?>(result, ParseYear),
    });

    private static (int? Value, string? Error) ParseYear(string text)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return (null, $"'{text}' is not a year; use digits such as 2026.");
        }

        if (year < UsFederalHolidayCalendar.MinYear || year > UsFederalHolidayCalendar.MaxYear)
        {
            return (null, string.Create(CultureInfo.InvariantCulture, $"{year} is out of range; years {YearRange()} are supported."));
        }

        return (year, null);
    }

    private static void WriteText(int from, int to, TextWriter stdout)
    {
        for (var year = from; year <= to; year++)
        {
            foreach (var holiday in HolidayCalendar.UsFederal.GetObservedHolidays(year))
            {
                stdout.Write($"{LocalDatePattern.Iso.Format(holiday.ObservedDate)}\t{holiday.Name}\n");
            }
        }
    }

    private static void WriteJsonLines(int from, int to, TextWriter stdout)
    {
        // Relaxed escaping keeps "New Year's Day" readable; the output is data, never embedded in HTML.
        var buffer = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        for (var year = from; year <= to; year++)
        {
            foreach (var holiday in HolidayCalendar.UsFederal.GetObservedHolidays(year))
            {
                buffer.ResetWrittenCount();
                writer.Reset(buffer);
                writer.WriteStartObject();
                writer.WriteString("date", LocalDatePattern.Iso.Format(holiday.ObservedDate));
                writer.WriteString("actualDate", LocalDatePattern.Iso.Format(holiday.ActualDate));
                writer.WriteString("name", holiday.Name);
                writer.WriteEndObject();
                writer.Flush();
                stdout.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
                stdout.Write('\n');
            }
        }
    }

    private static string YearRange() => string.Create(
        CultureInfo.InvariantCulture,
        $"{UsFederalHolidayCalendar.MinYear} to {UsFederalHolidayCalendar.MaxYear}");
}
