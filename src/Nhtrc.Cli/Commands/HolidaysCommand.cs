using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Nhtrc.Sdk.Validation;
using Nhtrc.Sdk.Scheduling;
using NodaTime.Text;

namespace Nhtrc.Cli.Commands;

/// <summary>
/// <c>nhtrc holidays --from YEAR --to YEAR [--json]</c>: lists the observed US federal holidays whose
/// observed date falls in the given years, in date order, as tab-separated text or JSON lines.
/// </summary>
internal static class HolidaysCommand
{
    /// <summary>The usage text printed by <c>--help</c>.</summary>
    public static string Usage { get; } = string.Join(
        '\n',
        "Usage: nhtrc holidays --from YEAR --to YEAR [--json]",
        "",
        "Lists the observed US federal holidays (5 U.S.C. 6103) whose observed date falls in the years",
        "FROM to TO inclusive, in date order. A holiday on a Saturday is observed on the Friday before,",
        "one on a Sunday on the Monday after; 1 January on a Saturday is observed on 31 December of",
        "the year before and is listed in that year.",
        "",
        "Options:",
        "  --from YEAR   first observed year, " + YearRange(),
        "  --to YEAR     last observed year, " + YearRange() + ", not before --from",
        "  --json        print JSON lines {\"date\",\"actualDate\",\"name\"} instead of text",
        "  -h, --help    print this help",
        "",
        "Text output is one holiday a line: YYYY-MM-DD<TAB>name.",
        "Exit codes: 0 success, 2 bad arguments.",
        "");

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after the word <c>holidays</c>.</param>
    /// <param name="stdout">Where the holidays (or the help) are written.</param>
    /// <param name="stderr">Where argument problems are written.</param>
    /// <returns><see cref="ExitCodes.Success"/>, or <see cref="ExitCodes.UsageError"/> when the arguments are invalid.</returns>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var options = Parse(args, out var problems);
        if (ArgumentProblems.HelpOrReport("holidays", Usage, options.Help, problems, stdout, stderr) is { } exitCode)
        {
            return exitCode;
        }

        if (options.Json)
        {
            WriteJsonLines(options.From!.Value, options.To!.Value, stdout);
        }
        else
        {
            WriteText(options.From!.Value, options.To!.Value, stdout);
        }

        return ExitCodes.Success;
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

    private static Options Parse(IReadOnlyList<string> args, out List<ValidationProblem> problems)
    {
        problems = [];
        var options = new Options();
        var yearTexts = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help":
                    options.Help = true;
                    break;
                case "--json":
                    options.Json = true;
                    break;
                case "--from" or "--to":
                    // A following option is not taken as the value: "--from --to 2026" reports the missing year.
                    if (!yearTexts.TryAdd(arg, OptionReader.TakeValue(args, ref i)))
                    {
                        problems.Add(OptionReader.GivenMoreThanOnce(arg));
                    }

                    break;
                default:
                    problems.Add(OptionReader.Unexpected(i, arg, "give years with --from and --to."));
                    break;
            }
        }

        options.From = ParseYear("--from", yearTexts, problems);
        options.To = ParseYear("--to", yearTexts, problems);
        if (options.From > options.To)
        {
            problems.Add(new ValidationProblem(
                "--from",
                string.Create(CultureInfo.InvariantCulture, $"{options.From} is after --to {options.To}.")));
        }

        return options;
    }

    /// <summary>The valid year given for <paramref name="option"/>, or null after recording why there is none.</summary>
    private static int? ParseYear(string option, Dictionary<string, string?> yearTexts, List<ValidationProblem> problems)
    {
        if (!yearTexts.TryGetValue(option, out var text))
        {
            problems.Add(new ValidationProblem(option, "is required."));
            return null;
        }

        if (text is null)
        {
            problems.Add(new ValidationProblem(option, "needs a year."));
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            problems.Add(new ValidationProblem(option, $"'{text}' is not a year; use digits such as 2026."));
            return null;
        }

        if (year < UsFederalHolidayCalendar.MinYear || year > UsFederalHolidayCalendar.MaxYear)
        {
            problems.Add(new ValidationProblem(
                option,
                string.Create(CultureInfo.InvariantCulture, $"{year} is out of range; years {YearRange()} are supported.")));
            return null;
        }

        return year;
    }

    private static string YearRange() => string.Create(
        CultureInfo.InvariantCulture,
        $"{UsFederalHolidayCalendar.MinYear} to {UsFederalHolidayCalendar.MaxYear}");

    private sealed class Options
    {
        public bool Help { get; set; }

        public bool Json { get; set; }

        public int? From { get; set; }

        public int? To { get; set; }
    }
}
