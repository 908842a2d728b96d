using System;
using System.IO;
using System.Linq;
using Nhtrc.Cli.Commands;

using static Nhtrc.Cli.Tests.HelpAssertions;

namespace Nhtrc.Cli.Tests.Commands;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly ReferralDirectoryFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = ValidateCommand.Run(args, TextReader.Null, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("directory.json")]
    [InlineData("directory.json.gz")]
    public void Run_ValidFile_PrintsOneLineSummary_AndExits0(string name)
    {
        var path = _files.Write(name, ReferralDirectoryFiles.Valid);

        var (exitCode, stdout, stderr) = Run(path);

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        Assert.Equal($"{path}: valid referral directory, 3 organizations, 3 services\n", stdout);
    }

    [Fact]
    public void Run_InvalidFile_ListsEveryProblemWithItsPath_AndExits2()
    {
        var path = _files.Write("invalid.json", ReferralDirectoryFiles.Invalid);

        var (exitCode, stdout, stderr) = Run(path);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal($"nhtrc validate: '{path}' is not a valid referral directory ({lines.Length - 1} problems):", lines[0]);
        Assert.All(lines.Skip(1), line => Assert.StartsWith("  - $.organizations[", line, StringComparison.Ordinal));
        var paths = lines.Skip(1).Select(l => l[4..l.IndexOf(": ", StringComparison.Ordinal)]).ToList();
        Assert.Contains("$.organizations[0].services[0].types[1]", paths);
        Assert.Contains("$.organizations[0].services[0].area.zips[0]", paths);
        Assert.Contains("$.organizations[0].services[0].locations[0].latitude", paths);
        Assert.Contains("$.organizations[1].id", paths);
    }

    [Fact]
    public void Run_MalformedJson_ReportsItsLine()
    {
        var path = _files.Write("truncated.json", "{\"formatVersion\": 1,\n\"organizations\": [");

        var (exitCode, _, stderr) = Run(path);

        Assert.Equal(2, exitCode);
        Assert.Contains("(1 problem):\n  - $", stderr, StringComparison.Ordinal);
        Assert.Contains("line ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_GzipNameOverPlainBytes_IsAReadError()
    {
        var path = _files.Write("plain.json", ReferralDirectoryFiles.Valid);
        File.Move(path, path + ".gz");

        var (exitCode, _, stderr) = Run(path + ".gz");

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"nhtrc validate: cannot read '{path}.gz': ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingFile_Exits2()
    {
        var (exitCode, stdout, stderr) = Run(_files.Missing);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Equal($"nhtrc validate: file '{_files.Missing}' does not exist.\n", stderr);
    }

    [Theory]
    [InlineData(new string[0], "nhtrc validate: Required argument 'FILE' missing for command: 'validate'.\n")]
    [InlineData(new[] { "a.json", "b.json" }, "nhtrc validate: Unrecognized command or argument 'b.json'.\n")]
    [InlineData(new[] { "--strict" }, "nhtrc validate: '--strict' is not a known option.\n")]
    [InlineData(new[] { "a.json", "--kind", "shelter" }, "nhtrc validate: Argument 'shelter' not recognized. Must be one of:\n\t'directory'\n\t'policy'\n\t'rules'\n\t'contact'\n\t'calendar'\n")]
    public void Run_BadArguments_Exit2(string[] args, string expected)
    {
        var (exitCode, _, stderr) = Run(args);

        Assert.Equal(2, exitCode);
        Assert.Equal(expected + "Run 'nhtrc validate --help' for usage.\n", stderr);
    }

    [Fact]
    public void Run_Help_PrintsUsage()
    {
        var (exitCode, stdout, stderr) = Run("--help");

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        AssertGeneratedHelp(stdout, "nhtrc validate <FILE> [options]", ValidateCommand.Details);
    }
}
