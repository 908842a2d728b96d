using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Nhtrc.Cli.Tests.Commands;

/// <summary>
/// Hostile inputs for every command (issue 9): each gets a documented exit code (0, 1 or 2) and a message in words,
/// never an unhandled exception, an exit 70 or a stack trace; and one bad line never ends a <c>nhtrc deadline</c> stream.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private const string GoodRequest = "{\"receivedAt\":\"2026-07-02T22:59:00Z\",\"channel\":\"email\",\"urgency\":\"nonUrgent\"}";

    private const string Contact = """{"id":"c-1","receivedAt":"2026-07-02T22:59:00Z","channel":"phone","requestKind":"tip","caller":{"role":"communityMember","anonymous":true,"preferredLanguage":"en"}}""";

    private readonly string _directory = Directory.CreateTempSubdirectory("nhtrc-hostile-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (int ExitCode, string Stdout, string Stderr) Run(TextReader stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = Program.Run(args, stdin, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        return Run(input, args);
    }

    private string WriteFile(string name, byte[] bytes)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void AssertNoCrash((int ExitCode, string Stdout, string Stderr) run)
    {
        Assert.True(run.ExitCode is 0 or 1 or 2, $"exit {run.ExitCode}: {run.Stderr}");
        Assert.DoesNotContain("internal error", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", run.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The answers of a deadline run: every stdout line parsed.</summary>
    private static JsonElement[] Answers(string stdout) =>
        [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone())];

    [Theory]
    [InlineData("{\"receivedAt\":\"9999-12-31T23:00:00Z\",\"channel\":\"email\",\"urgency\":\"urgent\"}")]
    [InlineData("{\"receivedAt\":\"9999-12-31T23:00:00Z\",\"channel\":\"email\",\"urgency\":\"nonUrgent\"}")]
    [InlineData("{\"receivedAt\":\"0000-01-01T00:00:00Z\",\"channel\":\"email\",\"urgency\":\"nonUrgent\"}")]
    [InlineData("{\"receivedAt\":\"-9998-01-01T00:00:00Z\",\"channel\":\"email\",\"urgency\":\"nonUrgent\"}")]
    [InlineData("{\"receivedAt\":\"\\ud800\",\"channel\":\"email\",\"urgency\":\"nonUrgent\"}")]
    [InlineData("{\"receivedAt\":\"2026-07-02T22:59:00Z\",\"channel\":\"\\udfff\",\"urgency\":\"nonUrgent\"}")]
    [InlineData("{\"receivedAt\":\"2026-07-02T22:59:00Z\",\"channel\":\"email\",\"urgency\":\"x\\ud800\"}")]
    public void Deadline_BadLine_IsAnsweredWithALineError_AndTheNextLineStillIs(string line)
    {
        var run = Run(line + "\n" + GoodRequest + "\n", "deadline");

        AssertNoCrash(run);
        Assert.Equal(2, run.ExitCode);
        var answers = Answers(run.Stdout);
        Assert.Equal(2, answers.Length);
        Assert.Equal(1, answers[0].GetProperty("line").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(answers[0].GetProperty("error").GetString()));
        Assert.Equal("2026-07-06T23:00:00Z", answers[1].GetProperty("targetBy").GetString());
    }

    [Fact]
    public void Deadline_ReceivedAtOutsideTheYears_SaysSo()
    {
        var run = Run("{\"receivedAt\":\"9999-12-31T23:00:00Z\",\"channel\":\"email\",\"urgency\":\"urgent\"}\n", "deadline");

        var error = Answers(run.Stdout)[0].GetProperty("error").GetString();
        Assert.Equal("receivedAt: '9999-12-31T23:00:00Z' is outside the years 1971 to 2200 that the policy's calendar supports", error);
    }

    [Fact]
    public void Deadline_DeadlinePastTheLastYear_NamesTheDeadline_NotReceivedAt()
    {
        var run = Run("{\"receivedAt\":\"2200-12-31T20:00:00Z\",\"channel\":\"email\",\"urgency\":\"nonUrgent\"}\n", "deadline");

        Assert.Equal(2, run.ExitCode);
        var error = Answers(run.Stdout)[0].GetProperty("error").GetString();
        Assert.Equal("receivedAt: '2200-12-31T20:00:00Z': the deadline would fall after 2200, the last year the policy's calendar supports", error);
    }

    [Fact]
    public void Deadline_LoneSurrogateInAnOtherFieldsName_IsCopiedThrough_AndTheLineAnswered()
    {
        var run = Run("{\"\\ud800\":1,\"receivedAt\":\"2026-07-02T22:59:00Z\",\"channel\":\"email\",\"urgency\":\"nonUrgent\"}\n", "deadline");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("{\"\\ud800\":1,\"receivedAt\":", run.Stdout, StringComparison.Ordinal);
        Assert.Equal("2026-07-06T23:00:00Z", Answers(run.Stdout)[0].GetProperty("targetBy").GetString());
    }

    [Fact]
    public void Deadline_LongValue_IsQuotedShortened()
    {
        var run = Run("{\"receivedAt\":\"" + new string('9', 5000) + "\",\"channel\":\"email\",\"urgency\":\"nonUrgent\"}\n", "deadline");

        var error = Answers(run.Stdout)[0].GetProperty("error").GetString();
        Assert.Equal("receivedAt: '" + new string('9', 40) + "...' is not an ISO-8601 instant ending in Z", error);
    }

    [Fact]
    public void Deadline_LoneSurrogate_IsNotValidText()
    {
        var run = Run("{\"receivedAt\":\"\\ud800\",\"channel\":\"email\",\"urgency\":\"nonUrgent\"}\n", "deadline");

        var error = Answers(run.Stdout)[0].GetProperty("error").GetString();
        Assert.Equal("receivedAt: is not valid text (an unpaired UTF-16 surrogate escape)", error);
    }

    [Fact]
    public void Deadline_LineLongerThanTheLimit_IsALineError_AndTheNextLineIsAnswered()
    {
        var huge = new string('a', (1 << 20) + 10);

        var run = Run(huge + "\n" + GoodRequest + "\n", "deadline");

        AssertNoCrash(run);
        Assert.Equal(2, run.ExitCode);
        var answers = Answers(run.Stdout);
        Assert.Equal(2, answers.Length);
        Assert.Equal("is longer than 1048576 characters", answers[0].GetProperty("error").GetString());
        Assert.Equal("2026-07-06T23:00:00Z", answers[1].GetProperty("targetBy").GetString());
    }

    [Fact]
    public void Deadline_EndlessLineWithoutNewline_LikeDevZero_EndsWithALineError()
    {
        using var zeros = new EndlessReader('\0');

        var run = Run(zeros, "deadline");

        AssertNoCrash(run);
        Assert.Equal(2, run.ExitCode);
        var answers = Answers(run.Stdout);
        Assert.Single(answers);
        Assert.Equal(1, answers[0].GetProperty("line").GetInt32());
        Assert.Equal("is longer than 1048576 characters", answers[0].GetProperty("error").GetString());
        Assert.Contains("stopped reading", run.Stderr, StringComparison.Ordinal);
        Assert.True(zeros.CharactersRead < 64L << 20, $"read {zeros.CharactersRead} characters");
    }

    [Fact]
    public void Deadline_StdinFailing_ExitsWith1()
    {
        using var failing = new FailingReader(new IOException("Input/output error"));

        var run = Run(failing, "deadline");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("nhtrc: input or output failed: Input/output error\n", run.Stderr);
    }

    [Fact]
    public void LastResortHandler_PrintsOneShortLine_WithoutStackTraceOrPaths()
    {
        using var failing = new FailingReader(new NotSupportedException("a bug at /src/Nhtrc.Cli/Foo.cs:line 12"));

        var run = Run(failing, "deadline");

        Assert.Equal(70, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Equal("nhtrc: internal error (NotSupportedException); this is a bug in nhtrc, please report it.\n", run.Stderr);
    }

    [Theory]
    [InlineData(28, "no space left on device")]
    [InlineData(32, "the output was closed (broken pipe)")]
    public void FullDiskOrClosedPipe_OnStdout_ExitsWith1AndSaysSo(int errno, string words)
    {
        using var stdout = new FailingWriter(new IOException("system message", errno));
        using var stderr = new StringWriter();

        var exitCode = Program.Run(["holidays", "--from", "2026", "--to", "2026"], TextReader.Null, stdout, stderr);

        Assert.Equal(1, exitCode);
        Assert.Equal($"nhtrc: input or output failed: {words}\n", stderr.ToString());
    }

    [Theory]
    [InlineData("P2147483647D")]
    [InlineData("P200000D")]
    public void HugePolicyDuration_IsBadInput_ForValidateAndDeadline(string duration)
    {
        var policy = DocumentFiles.Policy
            .Replace("\"PT1H\"", $"\"{duration}\"", StringComparison.Ordinal)
            .Replace("\"PT2H\"", $"\"{duration}\"", StringComparison.Ordinal);
        var path = WriteFile("huge.json", Encoding.UTF8.GetBytes(policy));

        var validate = Run("", "validate", path);
        var deadline = Run(GoodRequest + "\n", "deadline", "--policy", path);

        AssertNoCrash(validate);
        AssertNoCrash(deadline);
        Assert.Equal(2, validate.ExitCode);
        Assert.Equal(2, deadline.ExitCode);
        // The SDK's reader names each too-long duration (the documented maximum, ResponseTarget.MaximumDuration).
        Assert.StartsWith($"nhtrc validate: '{path}' is not a valid response policy (2 problems):\n  - $.rules[", validate.Stderr, StringComparison.Ordinal);
        Assert.Contains("duration", validate.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ADirectory_SaysItIsADirectory()
    {
        var run = Run("", "validate", _directory);

        AssertNoCrash(run);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"nhtrc validate: '{_directory}' is a directory, not a file.\n", run.Stderr);
    }

    [Fact]
    public void Validate_AMissingFile_DoesNotExist()
    {
        var path = Path.Combine(_directory, "missing.json");

        var run = Run("", "validate", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"nhtrc validate: file '{path}' does not exist.\n", run.Stderr);
    }

    [Fact]
    public void Validate_GzNameOverPlainBytes_IsNotGzipData()
    {
        var path = WriteFile("contact.json.gz", Encoding.UTF8.GetBytes(Contact));

        var run = Run("", "validate", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"nhtrc validate: cannot read '{path}': it is not gzip-compressed data.\n", run.Stderr);
    }

    [Fact]
    public void Validate_DevNull_IsAnErrorInWords()
    {
        if (!File.Exists("/dev/null"))
        {
            return;
        }

        var run = Run("", "validate", "/dev/null");

        AssertNoCrash(run);
        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public void Triage_FileWithABom_IsRead()
    {
        var path = WriteFile("bom.json", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Contact)]);

        var run = Run("", "triage", path, "--json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("c-1", JsonDocument.Parse(run.Stdout).RootElement.GetProperty("contactId").GetString());
    }

    [Fact]
    public void Validate_DevZero_IsRefusedAsTooLarge()
    {
        if (!File.Exists("/dev/zero"))
        {
            return;
        }

        var run = Run("", "validate", "/dev/zero");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("nhtrc validate: '/dev/zero' is larger than 268435456 bytes, the most nhtrc reads.\n", run.Stderr);
    }

    [Fact]
    public void Validate_FileWithABom_DetectsItsKind()
    {
        var path = WriteFile("bom.json", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Contact)]);

        var run = Run("", "validate", path);

        AssertNoCrash(run);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal($"{path}: valid contact, id c-1\n", run.Stdout);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Validate_InvalidUtf8_IsAProblem(bool withKind)
    {
        var bytes = Encoding.UTF8.GetBytes(Contact.Replace("\"c-1\"", "\"c-1\",\"n\u00e9\":1", StringComparison.Ordinal));
        var at = Array.IndexOf(bytes, (byte)0xC3);
        bytes[at] = 0xFF;
        var path = WriteFile("bad-utf8.json", bytes);

        var run = withKind ? Run("", "validate", path, "--kind", "contact") : Run("", "validate", path);

        AssertNoCrash(run);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not valid UTF-8", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LoneSurrogateEscapeInATopLevelName_DoesNotCrashDetection()
    {
        var path = WriteFile("surrogate.json", Encoding.UTF8.GetBytes(Contact.Replace("{", "{\"\\ud800\":1,", StringComparison.Ordinal)));

        var run = Run("", "validate", path);

        AssertNoCrash(run);
        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public void Triage_ADirectoryAsTheContact_SaysItIsADirectory_WithoutATypeName()
    {
        var run = Run("", "triage", _directory);

        AssertNoCrash(run);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"nhtrc triage: '{_directory}' is a directory, not a file.\n", run.Stderr);
    }

    [Fact]
    public void Triage_AMissingContactFile_DoesNotExist()
    {
        var path = Path.Combine(_directory, "missing.json");

        var run = Run("", "triage", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"nhtrc triage: file '{path}' does not exist.\n", run.Stderr);
    }

    [Theory]
    [InlineData("9999-12-31T23:00:00Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    public void Triage_ReceivedAtFarOutside_IsBadInput(string receivedAt)
    {
        var run = Run(Contact.Replace("2026-07-02T22:59:00Z", receivedAt, StringComparison.Ordinal), "triage");

        AssertNoCrash(run);
        Assert.Equal(2, run.ExitCode);
    }

    [Theory]
    [InlineData("--lat", "-90", "--lon", "180")]
    [InlineData("--zip", "10001", "--at", "9999-12-31T23:59:59Z")]
    [InlineData("--zip", "10001", "--at", "0000-01-01T00:00:00Z")]
    [InlineData("--zip", "10001", "--at", "-0001-06-01T00:00:00Z")]
    public void Match_AtTheEdges_IsAnsweredOrRefused_NeverACrash(params string[] args)
    {
        var run = Run("", ["match", "--need", "emergencyShelter", .. args]);

        AssertNoCrash(run);
        Assert.True(run.ExitCode is 0 or 2, $"exit {run.ExitCode}: {run.Stderr}");
    }

    [Fact]
    public void Match_AtInYearZero_NamesTheOption()
    {
        var run = Run("", "match", "--need", "emergencyShelter", "--zip", "10001", "--at", "0000-01-01T00:00:00Z");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.StartsWith("nhtrc match: --at: ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosedPipe_OnTheRealProcess_ExitsWith1AndSaysSo()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "nhtrc.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[dll, "holidays", "--from", "1971", "--to", "9998"])
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.NotNull(process.StandardOutput.ReadLine());
        process.StandardOutput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal("nhtrc: input or output failed: the output was closed (broken pipe)\n", await stderr);
        Assert.Equal(1, process.ExitCode);
    }

    [Fact]
    public async Task OutputToAFile_SharedWithTheShell_IsNotOverwrittenByWhatComesAfter()
    {
        // The shell opens the file once; nhtrc writes its line, then echo writes after it at the shared offset.
        var dll = Path.Combine(AppContext.BaseDirectory, "nhtrc.dll");
        var output = Path.Combine(Path.GetTempPath(), $"nhtrc-shared-{Guid.NewGuid():N}.txt");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo("/bin/sh") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("(echo before; \"$0\" \"$1\" --version; echo after) > \"$2\"");
        start.ArgumentList.Add(dotnet);
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add(output);
        try
        {
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(0, process.ExitCode);
            Assert.Equal($"before\nnhtrc {Program.Version}\nafter\n", await File.ReadAllTextAsync(output));
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>A reader of one character, forever, counting what it gave.</summary>
    private sealed class EndlessReader(char c) : TextReader
    {
        public long CharactersRead { get; private set; }

        public override int Read(Span<char> buffer)
        {
            buffer.Fill(c);
            CharactersRead += buffer.Length;
            return buffer.Length;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Peek() => c;

        public override int Read()
        {
            CharactersRead++;
            return c;
        }
    }

    private sealed class FailingReader(Exception e) : TextReader
    {
        public override int Read(Span<char> buffer) => throw e;

        public override int Read(char[] buffer, int index, int count) => throw e;

        public override int Read() => throw e;

        public override int Peek() => throw e;

        public override string ReadToEnd() => throw e;
    }

    private sealed class FailingWriter(IOException e) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value) => throw e;

        public override void Write(ReadOnlySpan<char> buffer) => throw e;

        public override void Write(string? value) => throw e;

        public override void Write(char[] buffer, int index, int count) => throw e;
    }
}
