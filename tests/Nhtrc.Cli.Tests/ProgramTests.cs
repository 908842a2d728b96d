using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Nhtrc.Cli.Tests;

public class ProgramTests
{
    private static (int ExitCode, string Stdout, string Stderr) Run(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = Program.Run(args, input, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void Run_Help_ListsEveryCommandWithItsSummary_AndExitsZero(string flag)
    {
        var (exitCode, stdout, stderr) = Run("", flag);

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        Assert.Contains("\nUsage:\n  nhtrc [command] [options]\n", stdout, StringComparison.Ordinal);
        Assert.Contains("  help <COMMAND>", stdout, StringComparison.Ordinal);
        foreach (var command in Program.Commands)
        {
            // One row each: the name, its argument when it takes one, the summary.
            Assert.Matches($"\n  {command.Name}( <[A-Z]+>)?  +{Regex.Escape(command.Summary)}\n", stdout);
        }
    }

    [Fact]
    public void Commands_AreTheDocumentedOnes_WithOneLineSummaries()
    {
        Assert.Equal(["check-hsds", "deadline", "export-hsds", "holidays", "import-hsds", "match", "triage", "validate"], Program.Commands.Select(c => c.Name));
        Assert.All(Program.Commands, c => Assert.DoesNotContain('\n', c.Summary));
    }

    [Fact]
    public void Run_HelpWithCommand_PrintsThatCommandsHelp()
    {
        var (exitCode, stdout, _) = Run("", "help", "deadline");

        Assert.Equal(0, exitCode);
        Assert.Equal(Run("", "deadline", "--help").Stdout, stdout);
        Assert.Contains("\nUsage:\n  nhtrc deadline [options]\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Version_PrintsSemanticVersionWithoutSourceRevision()
    {
        var (exitCode, stdout, stderr) = Run("", "--version");

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        Assert.Matches(@"^nhtrc \d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\n$", stdout);
    }

    [Fact]
    public void Run_UnknownCommand_ReportsItWithUsageOnStderr_AndExitsTwo()
    {
        var (exitCode, stdout, stderr) = Run("", "deadlines");

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Equal("nhtrc: Unrecognized command or argument 'deadlines'.\nRun 'nhtrc --help' for usage.\n", stderr);
    }

    [Fact]
    public void Run_NoArguments_PrintsUsageOnStderr_AndExitsTwo()
    {
        var (exitCode, stdout, stderr) = Run("");

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Equal("nhtrc: Required command was not provided.\nRun 'nhtrc --help' for usage.\n", stderr);
    }

    [Fact]
    public void Run_Deadline_ReadsStdinAndPassesTheRestOfTheArguments()
    {
        var (exitCode, stdout, stderr) = Run(
            "{\"receivedAt\":\"2026-07-02T22:59:00Z\",\"channel\":\"email\",\"urgency\":\"nonUrgent\"}\n",
            "deadline",
            "--explain");

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        Assert.Contains("\"explanation\":", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Holidays_PassesTheRestOfTheArguments()
    {
        var (exitCode, stdout, _) = Run("", "holidays", "--from", "2026", "--to", "2026");

        Assert.Equal(0, exitCode);
        Assert.Contains("2026-07-03\tIndependence Day\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Match_PassesTheRestOfTheArguments()
    {
        var (exitCode, stdout, _) = Run("", "match", "--zip", "77002", "--need", "legalServices", "--top", "1");

        Assert.Equal(0, exitCode);
        Assert.Contains("Place: ZIP 77002 Houston, TX\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Validate_PassesTheRestOfTheArguments()
    {
        var (exitCode, _, stderr) = Run("", "validate", "no-such-directory.json");

        Assert.Equal(2, exitCode);
        Assert.Equal("nhtrc validate: file 'no-such-directory.json' does not exist.\n", stderr);
    }

    /// <summary>A writer on a full disk: every write throws the IOException the OS gives.</summary>
    private sealed class FullDiskWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void Write(ReadOnlySpan<char> buffer) => throw new IOException("No space left on device");
    }

    /// <summary>A reader on a device that fails: every read throws.</summary>
    private sealed class FailingReader : StringReader
    {
        public FailingReader()
            : base("")
        {
        }

        public override int Read(Span<char> buffer) => throw new IOException("Input/output error");

        public override int Read(char[] buffer, int index, int count) => throw new IOException("Input/output error");

        public override string ReadToEnd() => throw new IOException("Input/output error");
    }

    [Theory]
    [InlineData("holidays", "--from", "2026", "--to", "2026")]
    [InlineData("--help")]
    [InlineData("--version")]
    public void Run_StdoutFails_ExitsOne_WithOneLineAndNoStackTrace(params string[] args)
    {
        using var stdout = new FullDiskWriter();
        using var stderr = new StringWriter();

        var exitCode = Program.Run(args, TextReader.Null, stdout, stderr);

        Assert.Equal(1, exitCode);
        Assert.Equal("nhtrc: input or output failed: No space left on device\n", stderr.ToString());
    }

    [Theory]
    [InlineData("deadline")]
    [InlineData("triage", "-")]
    public void Run_StdinFails_ExitsOne(params string[] args)
    {
        using var stdin = new FailingReader();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = Program.Run(args, stdin, stdout, stderr);

        Assert.Equal(1, exitCode);
        Assert.Empty(stdout.ToString());
        Assert.Equal("nhtrc: input or output failed: Input/output error\n", stderr.ToString());
    }

    [Theory]
    [InlineData("--verbose")]
    [InlineData("holidays", "--from")]
    [InlineData("help", "deadlines")]
    public void Run_ParseError_ExitsTwo_WithTheGeneratedMessageOnStderr(params string[] args)
    {
        var (exitCode, stdout, stderr) = Run("", args);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        // A message may go on over lines that start with a tab (the values System.CommandLine lists).
        Assert.Matches(@"^nhtrc( \w+)?: .+\n(\t.+\n|nhtrc( \w+)?: .+\n)*Run 'nhtrc( \w+)? --help' for usage\.\n$", stderr);
    }

    [Fact]
    public void Run_HelpWithoutCommand_IsTheRootHelp()
    {
        Assert.Equal(Run("", "--help").Stdout, Run("", "help").Stdout);
    }

    [Theory]
    [InlineData("deadline")]
    [InlineData("holidays")]
    [InlineData("match")]
    [InlineData("triage")]
    [InlineData("validate")]
    public void Run_HelpCommand_IsTheCommandsHelp(string command)
    {
        var (exitCode, stdout, stderr) = Run("", "help", command);

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        Assert.Equal(Run("", command, "-h").Stdout, stdout);
        Assert.Contains($"\nUsage:\n  nhtrc {command} ", stdout, StringComparison.Ordinal);
    }
}
