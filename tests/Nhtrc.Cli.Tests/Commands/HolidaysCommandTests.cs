using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Nhtrc.Cli.Commands;

using static Nhtrc.Cli.Tests.HelpAssertions;

namespace Nhtrc.Cli.Tests.Commands;

public class HolidaysCommandTests
{
    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = HolidaysCommand.Run(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Run_2026_PrintsOpmListAsTabSeparatedLines()
    {
        var (exitCode, stdout, stderr) = Run("--from", "2026", "--to", "2026");

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        Assert.Equal(
            "2026-01-01\tNew Year's Day\n" +
            "2026-01-19\tBirthday of Martin Luther King, Jr.\n" +
            "2026-02-16\tWashington's Birthday\n" +
            "2026-05-25\tMemorial Day\n" +
            "2026-06-19\tJuneteenth National Independence Day\n" +
            "2026-07-03\tIndependence Day\n" +
            "2026-09-07\tLabor Day\n" +
            "2026-10-12\tColumbus Day\n" +
            "2026-11-11\tVeterans Day\n" +
            "2026-11-26\tThanksgiving Day\n" +
            "2026-12-25\tChristmas Day\n",
            stdout);
    }

    [Fact]
    public void Run_SeveralYears_IsOrderedByDate_AndListsNewYearUnderItsObservedYear()
    {
        var (exitCode, stdout, _) = Run("--to", "2028", "--from", "2027");
        var lines = Lines(stdout);
        var dates = lines.Select(l => l.Split('\t')[0]).ToList();

        Assert.Equal(0, exitCode);
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.Contains("2027-12-31\tNew Year's Day", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("2028-01-01", StringComparison.Ordinal));
        Assert.Equal(12 + 10, lines.Length); // 2028 has no New Year's Day observed in it
    }

    [Fact]
    public void Run_Json_WritesOneObjectPerLine()
    {
        var (exitCode, stdout, stderr) = Run("--from", "2026", "--to", "2026", "--json");
        var lines = Lines(stdout);

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        Assert.Equal(11, lines.Length);
        Assert.Equal("{\"date\":\"2026-07-03\",\"actualDate\":\"2026-07-04\",\"name\":\"Independence Day\"}", lines[5]);
        Assert.Equal("{\"date\":\"2026-01-01\",\"actualDate\":\"2026-01-01\",\"name\":\"New Year's Day\"}", lines[0]);
        foreach (var line in lines)
        {
            using var document = JsonDocument.Parse(line);
            Assert.Equal(3, document.RootElement.EnumerateObject().Count());
        }
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Run_Help_PrintsUsage_AndExitsZero(string flag)
    {
        var (exitCode, stdout, stderr) = Run(flag);

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        AssertGeneratedHelp(stdout, "nhtrc holidays [options]", HolidaysCommand.Details);
        Assert.Contains("--from <YEAR> (REQUIRED)", stdout, StringComparison.Ordinal);
        Assert.Contains("1971 to 9998", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_HelpWithBadArguments_StillPrintsUsage()
    {
        var (exitCode, stdout, _) = Run("--bogus", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("\nUsage:\n  nhtrc holidays [options]\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_NoArguments_ReportsBothMissingYears()
    {
        var (exitCode, stdout, stderr) = Run();

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("nhtrc holidays: Option '--from' is required.\n", stderr, StringComparison.Ordinal);
        Assert.Contains("nhtrc holidays: Option '--to' is required.\n", stderr, StringComparison.Ordinal);
        Assert.Contains("--help", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SeveralProblems_ReportsEveryOne()
    {
        var (exitCode, stdout, stderr) = Run("--from", "20x6", "--to", "1970", "--csv", "extra");
        var lines = Lines(stderr);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Equal(5, lines.Length);
        Assert.Contains(lines, l => l.Contains("Unrecognized command or argument '--csv'.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Unrecognized command or argument 'extra'.", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("--from: '20x6' is not a year", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("--to: 1970 is out of range; years 1971 to 9998 are supported.", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_FromAfterTo_IsAnError()
    {
        var (exitCode, stdout, stderr) = Run("--from", "2027", "--to", "2026");

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("--from: 2027 is after --to 2026.", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1970")]
    [InlineData("9999")]
    [InlineData("-2026")]
    [InlineData("+2026")]
    [InlineData(" 2026")]
    [InlineData("99999999999")]
    [InlineData("")]
    public void Run_InvalidOrOutOfRangeYear_IsAnError(string year)
    {
        var (exitCode, stdout, stderr) = Run("--from", year, "--to", "2026");

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.StartsWith("nhtrc holidays: --from: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_OptionWithoutValue_OrRepeated_IsAnError()
    {
        var (exitCode, _, stderr) = Run("--from", "--to", "2026");
        var (repeatedExitCode, _, repeatedStderr) = Run("--from", "2026", "--to", "2026", "--to", "2027");

        Assert.Equal(2, exitCode);
        Assert.Contains("nhtrc holidays: --from: needs a value; '--to' is an option, not a value.\n", stderr, StringComparison.Ordinal);
        Assert.Equal(2, repeatedExitCode);
        Assert.Contains("nhtrc holidays: Option '--to' expects a single argument but 2 were provided.\n", repeatedStderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SupportedBounds_Work()
    {
        var (exitCode, stdout, _) = Run("--from", "1971", "--to", "1971");
        var (lastExitCode, lastStdout, _) = Run("--from", "9998", "--to", "9998");

        Assert.Equal(0, exitCode);
        Assert.EndsWith("1971-12-31\tNew Year's Day\n", stdout, StringComparison.Ordinal);
        Assert.Equal(0, lastExitCode);
        Assert.StartsWith("9998-01-01\tNew Year's Day\n", lastStdout, StringComparison.Ordinal);
    }
}
