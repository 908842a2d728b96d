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

    private static readonly string ContactSample = Path.Combine(FindRepository(), "samples", "contacts", "crisis.json");

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nhtrc.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Nhtrc.Sdk.sln not found above the test assembly.");
    }

    private string Document(string kind) => kind switch
    {
        "directory" => _files.Write("d.json", ReferralDirectoryFiles.Valid),
        "policy" => _files.Write("p.json", DocumentFiles.Policy),
        "rules" => _files.Write("r.json", DocumentFiles.Rules),
        "contact" => ContactSample,
        "calendar" => _files.Write("c.json", DocumentFiles.Calendar),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [InlineData("directory", "valid referral directory, 3 organizations, 3 services")]
    [InlineData("policy", "valid response policy, id test-policy, 2 rules")]
    [InlineData("rules", "valid triage rules document, id test-rules, 1 rule")]
    [InlineData("contact", "valid contact, id sample-crisis-0001")]
    [InlineData("calendar", "valid service calendar, id test-hours")]
    public void Run_EveryKind_IsValidated_ByKindOrDetected(string kind, string summary)
    {
        var path = Document(kind);

        var (kindExit, kindStdout, kindStderr) = Run(path, "--kind", kind);
        var (detectedExit, detectedStdout, _) = Run(path);

        Assert.Equal(0, kindExit);
        Assert.Empty(kindStderr);
        Assert.Equal($"{path}: {summary}\n", kindStdout);
        Assert.Equal(0, detectedExit);
        Assert.Equal(kindStdout, detectedStdout);
    }

    [Theory]
    [InlineData("policy", DocumentFiles.InvalidPolicy, "response policy", new[] { "$.calendar", "$.rules[0].urgency", "$.rules[0].target.duration" })]
    [InlineData("rules", DocumentFiles.InvalidRules, "triage rules document", new[] { "$.rules[0].when.signal", "$.rules[0].urgency" })]
    [InlineData("contact", DocumentFiles.InvalidContact, "contact", new[] { "$.channel", "$.caller" })]
    [InlineData("calendar", DocumentFiles.InvalidCalendar, "service calendar", new[] { "$.timeZone" })]
    public void Run_InvalidDocumentOfEachKind_ListsEveryProblemWithItsPath_AndExits2(string kind, string document, string noun, string[] paths)
    {
        var path = _files.Write(kind + "-invalid.json", document);

        foreach (var args in new[] { new[] { path }, new[] { path, "--kind", kind } })
        {
            var (exitCode, stdout, stderr) = Run(args);

            Assert.Equal(2, exitCode);
            Assert.Empty(stdout);
            var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith($"nhtrc validate: '{path}' is not a valid {noun} (", lines[0], StringComparison.Ordinal);
            Assert.Equal(paths, lines.Skip(1).Select(l => l[4..l.IndexOf(": ", StringComparison.Ordinal)]));
        }
    }

    [Fact]
    public void Run_PolicyValidatedAsDirectory_ListsTheDirectoryReadersProblems()
    {
        var path = _files.Write("policy.json", DocumentFiles.Policy);

        var (exitCode, stdout, stderr) = Run(path, "--kind", "directory");

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.StartsWith($"nhtrc validate: '{path}' is not a valid referral directory (", stderr, StringComparison.Ordinal);
        Assert.Contains("  - $", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"name\": \"nothing we read\" }")]
    [InlineData("[1, 2, 3]")]
    [InlineData("not json")]
    [InlineData("")]
    public void Run_UndetectableDocument_Exits2_AskingForKind(string document)
    {
        var path = _files.Write("unknown.json", document);

        var (exitCode, stdout, stderr) = Run(path);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.StartsWith($"nhtrc validate: cannot tell what kind of document '{path}' is: it is not a JSON object with one of the top-level properties that tell the kind (organizations: directory; calendar: policy; rules without calendar: rules; receivedAt: contact; timeZone or weeklyHours: calendar).", stderr, StringComparison.Ordinal);
        Assert.EndsWith(" Give --kind.\n", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AmbiguousDocument_Exits2_NamingTheCandidates()
    {
        var path = _files.Write("both.json", "{ \"organizations\": [], \"receivedAt\": \"2026-07-02T22:59:00Z\" }");

        var (exitCode, _, stderr) = Run(path);

        Assert.Equal(2, exitCode);
        Assert.Equal($"nhtrc validate: cannot tell what kind of document '{path}' is: it could be a directory or a contact. Give --kind.\n", stderr);
    }
}
