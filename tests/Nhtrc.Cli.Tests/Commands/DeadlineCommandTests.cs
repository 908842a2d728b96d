using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nhtrc.Cli.Commands;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Text;
using NodaTime;
using NodaTime.Text;

using static Nhtrc.Cli.Tests.HelpAssertions;

namespace Nhtrc.Cli.Tests.Commands;

public sealed class DeadlineCommandTests : IDisposable
{
    private const string WorkedExample = "{\"receivedAt\":\"2026-07-02T22:59:00Z\",\"channel\":\"email\",\"urgency\":\"nonUrgent\"}";

    private const string WorkedExampleAnswer =
        "{\"receivedAt\":\"2026-07-02T22:59:00Z\",\"channel\":\"email\",\"urgency\":\"nonUrgent\"," +
        "\"targetBy\":\"2026-07-06T23:00:00Z\",\"dueBy\":\"2026-07-08T23:00:00Z\",\"policyId\":\"nhtrc-default\",\"ruleId\":\"non-urgent\"," +
        "\"explanation\":\"non-urgent email received Thu 2 Jul 18:59 EDT; Fri 3 Jul is Independence Day (observed); target: close of Mon 6 Jul; due: close of Wed 8 Jul\"}";

    private static readonly string Samples = FindSamples();

    private static string FindSamples()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Nhtrc.Sdk.sln")))
            {
                return Path.Combine(dir.FullName, "samples");
            }
        }

        throw new InvalidOperationException("Nhtrc.Sdk.sln not found above the test assembly.");
    }

    /// <summary>The members of <paramref name="deadline"/> as ResponseDeadlineJson writes them, on one line with the CLI's relaxed escaping, without the braces.</summary>
    private static string SdkMembers(ResponseDeadline deadline)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            ResponseDeadlineJson.Write(deadline, writer);
        }

        var json = Encoding.UTF8.GetString(buffer.WrittenSpan);
        return json[1..^1];
    }

    private readonly string directory = Directory.CreateTempSubdirectory("nhtrc-deadline-tests-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static (int ExitCode, string Stdout, string Stderr) Run(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = DeadlineCommand.Run(args, input, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private static string ErrorOf(string stdinLine)
    {
        var (exitCode, stdout, _) = Run(stdinLine + "\n");
        Assert.Equal(2, exitCode);
        using var answer = JsonDocument.Parse(stdout);
        Assert.Equal(1, answer.RootElement.GetProperty("line").GetInt32());
        return answer.RootElement.GetProperty("error").GetString()!;
    }

    [Fact]
    public void Run_NonUrgentEmailOnHolidayEve_TargetsCloseOfMondayAndIsDueWednesday()
    {
        var (exitCode, stdout, stderr) = Run(WorkedExample + "\n");

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        Assert.Equal(WorkedExampleAnswer + "\n", stdout);
    }

    [Fact]
    public void Run_UrgentPhone_TargetAndDueAreTheMomentOfReceipt()
    {
        var (exitCode, stdout, _) = Run("{\"receivedAt\":\"2026-03-08T06:30:00Z\",\"channel\":\"phone\",\"urgency\":\"urgent\"}");

        Assert.Equal(0, exitCode);
        Assert.Equal(
            "{\"receivedAt\":\"2026-03-08T06:30:00Z\",\"channel\":\"phone\",\"urgency\":\"urgent\"," +
            "\"targetBy\":\"2026-03-08T06:30:00Z\",\"dueBy\":\"2026-03-08T06:30:00Z\",\"policyId\":\"nhtrc-default\",\"ruleId\":\"urgent-live\"," +
            "\"explanation\":\"urgent phone received Sun 8 Mar 01:30 EST; target and due: immediately\"}\n",
            stdout);
    }

    [Fact]
    public void Run_FractionalSeconds_AppearInOutputOnlyWhenPresent()
    {
        var (_, stdout, _) = Run("{\"receivedAt\":\"2026-07-02T22:59:00.250Z\",\"channel\":\"email\",\"urgency\":\"urgent\"}");

        Assert.Contains("\"targetBy\":\"2026-07-03T10:59:00.25Z\"", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ExtraFields_AreCopiedThroughVerbatimAndInOrder_ThenTheSdksDeadlineMembers()
    {
        const string Line =
            "{\"id\":\"r-1\",\"receivedAt\":\"2026-07-02T22:59:00.000Z\",\"note\":\"caf\\u00e9 \\\"x\\\"\",\"channel\":\"ch\\u0061t\"," +
            "\"n\":1.50e2,\"tags\":[1, {\"a\":null}],\"urgency\":\"urgent\",\"\\u0069d2\":true,\"policyId\":\"old\",\"r\\u0075leId\":\"old\"}";

        var (exitCode, stdout, _) = Run(Line);

        Assert.Equal(0, exitCode);
        var deadline = ResponsePolicy.NhtrcDefault.ComputeDeadline(Instant.FromUtc(2026, 7, 2, 22, 59), ContactChannel.Chat, Urgency.Urgent);
        Assert.Equal(
            "{\"id\":\"r-1\",\"note\":\"caf\\u00e9 \\\"x\\\"\",\"n\":1.50e2,\"tags\":[1, {\"a\":null}],\"\\u0069d2\":true," + SdkMembers(deadline) + "}\n",
            stdout);
        Assert.Contains(",\"receivedAt\":\"2026-07-02T22:59:00Z\",\"channel\":\"chat\",\"urgency\":\"urgent\",", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SampleRequests_AnswerEachWithItsOtherFieldsAndExactlyTheSdksDeadlineJson()
    {
        var requests = File.ReadAllLines(Path.Combine(Samples, "requests.jsonl"));

        var (exitCode, stdout, stderr) = Run(string.Join("\n", requests) + "\n");
        var answers = stdout.Split('\n');

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        Assert.Equal(requests.Length + 1, answers.Length);
        for (var i = 0; i < requests.Length; i++)
        {
            var request = JsonNode.Parse(requests[i])!.AsObject();
            var deadline = ResponsePolicy.NhtrcDefault.ComputeDeadline(
                InstantPattern.ExtendedIso.Parse((string)request["receivedAt"]!).Value,
                WireNames.Parse<ContactChannel>((string)request["channel"]!),
                WireNames.Parse<Urgency>((string)request["urgency"]!));
            var sdk = JsonNode.Parse(ResponseDeadlineJson.Serialize(deadline))!.AsObject();
            var answer = JsonNode.Parse(answers[i])!.AsObject();

            // The deadline's members are exactly the SDK's, in its order, after the request's other fields.
            var others = request.Where(p => !sdk.ContainsKey(p.Key)).Select(p => p.Key).ToList();
            Assert.Equal([.. others, .. sdk.Select(p => p.Key)], answer.Select(p => p.Key));
            var deadlinePart = new JsonObject(answer.Where(p => sdk.ContainsKey(p.Key)).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
            Assert.True(JsonNode.DeepEquals(sdk, deadlinePart), $"line {i + 1}: {answers[i]}\nshould end with the members of {sdk.ToJsonString()}");
            Assert.All(others, name => Assert.True(JsonNode.DeepEquals(request[name], answer[name])));
        }
    }

    [Fact]
    public void Run_InputWithTargetByAndDueBy_ReplacesThem_SoOutputCanBeFedBackIn()
    {
        var (_, first, _) = Run(WorkedExample);
        var (exitCode, second, _) = Run(first);

        Assert.Equal(0, exitCode);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Run_Explain_IsStillAccepted_AndChangesNothing_EveryAnswerHasItsExplanation()
    {
        var (exitCode, stdout, _) = Run(WorkedExample, "--explain");

        Assert.Equal(0, exitCode);
        Assert.Equal(WorkedExampleAnswer + "\n", stdout);
    }

    [Theory]
    [InlineData("{\"receivedAt\":\"2026-13-01\",\"channel\":\"fax\",\"urgency\":\"urgent\"}", "receivedAt: '2026-13-01' is not an ISO-8601 instant ending in Z; channel: 'fax' is not one of phone, text, chat, email, webForm")]
    [InlineData("{\"receivedAt\":\"2026-07-02T18:59:00-04:00\",\"channel\":\"email\",\"urgency\":\"urgent\"}", "receivedAt: '2026-07-02T18:59:00-04:00' is not an ISO-8601 instant ending in Z")]
    [InlineData("{\"receivedAt\":\"2026-07-02T22:59:00Z\",\"channel\":\"Email\",\"urgency\":\"low\"}", "channel: 'Email' is not one of phone, text, chat, email, webForm; urgency: 'low' is not one of urgent, nonUrgent")]
    [InlineData("{\"channel\":\"email\"}", "receivedAt: is required; urgency: is required")]
    [InlineData("{}", "receivedAt: is required; channel: is required; urgency: is required")]
    [InlineData("{\"receivedAt\":1751496000,\"channel\":null,\"urgency\":[\"urgent\"]}", "receivedAt: must be a string, not a number; channel: must be a string, not null; urgency: must be a string, not an array")]
    [InlineData("{\"receivedAt\":\"2026-07-02T22:59:00Z\",\"channel\":\"email\",\"urgency\":\"urgent\",\"channel\":\"chat\"}", "channel: is given more than once")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("\"2026-07-02T22:59:00Z\"", "not a JSON object")]
    [InlineData("{\"receivedAt\":\"1960-01-04T15:00:00Z\",\"channel\":\"email\",\"urgency\":\"nonUrgent\"}", "receivedAt: '1960-01-04T15:00:00Z' is outside the years 1971 to 2200 that the policy's calendar supports")]
    public void Run_BadLine_NamesEveryProblem(string line, string error)
    {
        Assert.Equal(error, ErrorOf(line));
    }

    [Theory]
    [InlineData("{\"receivedAt\":\"2026-07-02T22:59:00Z\"", "not valid JSON at byte ")]
    [InlineData("{receivedAt:1}", "not valid JSON at byte 2: ")]
    [InlineData(WorkedExample + " {}", "not valid JSON at byte 79: ")]
    public void Run_MalformedJson_SaysSoWithTheByte(string line, string errorStart)
    {
        var error = ErrorOf(line);

        Assert.StartsWith(errorStart, error, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MixedGoodAndBadLines_AnswersEachInOrder_CountingBlankLines_AndExitsTwo()
    {
        var stdin = string.Join(
            "\n",
            WorkedExample,
            "not json",
            "",
            "   ",
            "{\"receivedAt\":\"2026-07-02T22:59:00Z\",\"channel\":\"text\",\"urgency\":\"urgent\"}",
            "{\"channel\":\"fax\",\"receivedAt\":\"2026-07-02T22:59:00Z\",\"urgency\":\"urgent\"}",
            WorkedExample);

        var (exitCode, stdout, stderr) = Run(stdin);
        var lines = stdout.Split('\n');

        Assert.Equal(2, exitCode);
        Assert.Empty(stderr);
        Assert.Equal(6, lines.Length); // five answers and the empty string after the last '\n'
        Assert.Equal(WorkedExampleAnswer, lines[0]);
        Assert.StartsWith("{\"line\":2,\"error\":\"not valid JSON at byte 2: 'not json' is an invalid JSON literal.", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"channel\":\"text\"", lines[2], StringComparison.Ordinal);
        Assert.Equal("{\"line\":6,\"error\":\"channel: 'fax' is not one of phone, text, chat, email, webForm\"}", lines[3]);
        Assert.Equal(WorkedExampleAnswer, lines[4]);
        Assert.Empty(lines[5]);
    }

    [Fact]
    public void Run_CrLfLineEndings_AreAccepted_AndOutputEndsLinesWithLf()
    {
        var (exitCode, stdout, _) = Run(WorkedExample + "\r\n\r\n" + WorkedExample + "\r\n");

        Assert.Equal(0, exitCode);
        Assert.Equal(WorkedExampleAnswer + "\n" + WorkedExampleAnswer + "\n", stdout);
    }

    [Fact]
    public void Run_EmptyInput_WritesNothing_AndExitsZero()
    {
        var (exitCode, stdout, stderr) = Run("");

        Assert.Equal(0, exitCode);
        Assert.Empty(stdout);
        Assert.Empty(stderr);
    }

    [Fact]
    public void Run_ErrorText_IsJsonEscaped()
    {
        var (_, stdout, _) = Run("{\"receivedAt\":\"2026-07-02T22:59:00Z\",\"channel\":\"a\\\"b\\n\",\"urgency\":\"urgent\"}");

        using var answer = JsonDocument.Parse(stdout);
        Assert.Equal("channel: 'a\"b\n' is not one of phone, text, chat, email, webForm", answer.RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public void Run_CustomPolicyFile_IsApplied()
    {
        var path = Path.Combine(directory, "policy.json");
        File.WriteAllText(path, """
            {
              "id": "test-policy",
              "calendar": "nhtrc-business-hours",
              "rules": [
                { "id": "urgent", "urgency": "urgent", "channels": ["phone", "text", "chat", "email", "webForm"],
                  "target": { "kind": "elapsed", "duration": "PT1H" }, "due": { "kind": "elapsed", "duration": "PT2H" } },
                { "id": "non-urgent", "urgency": "nonUrgent", "channels": ["phone", "text", "chat", "email", "webForm"],
                  "target": { "kind": "businessTime", "duration": "PT4H" }, "due": { "kind": "businessDays", "days": 2 } }
              ]
            }
            """);
        var stdin =
            "{\"receivedAt\":\"2026-07-02T22:59:00Z\",\"channel\":\"phone\",\"urgency\":\"urgent\"}\n" +
            "{\"receivedAt\":\"2026-07-01T13:00:00Z\",\"channel\":\"email\",\"urgency\":\"nonUrgent\"}\n";

        var (exitCode, stdout, stderr) = Run(stdin, "--policy", path);

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        var lines = stdout.Split('\n');
        Assert.StartsWith(
            "{\"receivedAt\":\"2026-07-02T22:59:00Z\",\"channel\":\"phone\",\"urgency\":\"urgent\",\"targetBy\":\"2026-07-02T23:59:00Z\",\"dueBy\":\"2026-07-03T00:59:00Z\",\"policyId\":\"test-policy\",\"ruleId\":\"urgent\",\"explanation\":",
            lines[0],
            StringComparison.Ordinal);
        Assert.StartsWith(
            "{\"receivedAt\":\"2026-07-01T13:00:00Z\",\"channel\":\"email\",\"urgency\":\"nonUrgent\",\"targetBy\":\"2026-07-01T17:00:00Z\",\"dueBy\":\"2026-07-06T23:00:00Z\",\"policyId\":\"test-policy\",\"ruleId\":\"non-urgent\",\"explanation\":",
            lines[1],
            StringComparison.Ordinal);
        var policy = ResponsePolicyJson.LoadFile(path);
        Assert.Equal("{" + SdkMembers(policy.ComputeDeadline(Instant.FromUtc(2026, 7, 2, 22, 59), ContactChannel.Phone, Urgency.Urgent)) + "}", lines[0]);
    }

    [Fact]
    public void Run_InvalidPolicyFile_ListsEveryProblemOnStderr_AndExitsTwoBeforeReadingStdin()
    {
        var path = Path.Combine(directory, "bad-policy.json");
        File.WriteAllText(path, """
            { "id": "bad", "calendar": "nowhere",
              "rules": [ { "id": "r", "urgency": "soon", "channels": ["phone"],
                           "target": { "kind": "elapsed", "duration": "12 hours" }, "due": { "kind": "immediate" } } ] }
            """);
        using var stdin = new StringReader(WorkedExample + "\n");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = DeadlineCommand.Run(["--policy", path], stdin, stdout, stderr);
        var errors = stderr.ToString();

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout.ToString());
        Assert.StartsWith($"nhtrc deadline: --policy: '{path}' is not a valid response policy (", errors, StringComparison.Ordinal);
        Assert.Contains("  - $.calendar: 'nowhere' is not a known calendar", errors, StringComparison.Ordinal);
        Assert.Contains("  - $.rules[0].urgency: ", errors, StringComparison.Ordinal);
        Assert.Contains("  - $.rules[0].target.duration: '12 hours'", errors, StringComparison.Ordinal);
        Assert.Equal('{', stdin.Peek()); // stdin untouched
    }

    [Fact]
    public void Run_MissingPolicyFile_IsAClearError_AndExitsTwo()
    {
        var path = Path.Combine(directory, "missing.json");

        var (exitCode, stdout, stderr) = Run(WorkedExample, "--policy", path);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Equal($"nhtrc deadline: --policy: file '{path}' does not exist.\n", stderr);
    }

    [Theory]
    [InlineData(new[] { "--policy" }, "nhtrc deadline: Required argument missing for option: '--policy'.\n")]
    [InlineData(new[] { "--policy", "--explain" }, "nhtrc deadline: --policy: needs a value; '--explain' is an option, not a value.\n")]
    [InlineData(new[] { "--polcy", "x.json" }, "nhtrc deadline: Unrecognized command or argument '--polcy'.\nnhtrc deadline: Unrecognized command or argument 'x.json'.\n")]
    public void Run_BadArguments_ListsEveryProblem_AndExitsTwo(string[] args, string expectedProblems)
    {
        var (exitCode, stdout, stderr) = Run(WorkedExample, args);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Equal(expectedProblems + "Run 'nhtrc deadline --help' for usage.\n", stderr);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Run_Help_PrintsUsage_MentioningBlankLines_AndExitsZero(string flag)
    {
        var (exitCode, stdout, stderr) = Run(WorkedExample, flag);

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        AssertGeneratedHelp(stdout, "nhtrc deadline [options]", DeadlineCommand.Details);
        Assert.Contains("whitespace-only", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_HundredThousandLines_AnswersEveryLineInOrder_AsTheSdkComputesIt()
    {
        const int Count = 100_000;
        var channels = Enum.GetValues<ContactChannel>();
        var urgencies = new[] { (Urgency.Urgent, "urgent"), (Urgency.NonUrgent, "nonUrgent") };
        var start = Instant.FromUtc(2026, 1, 1, 0, 0);
        var input = new StringBuilder();
        for (var i = 0; i < Count; i++)
        {
            var receivedAt = start + Duration.FromMinutes(7L * i); // about 4 years, every hour of the week
            input.Append(CultureInfo.InvariantCulture, $"{{\"id\":{i},\"receivedAt\":\"{InstantPattern.ExtendedIso.Format(receivedAt)}\",")
                .Append(CultureInfo.InvariantCulture, $"\"channel\":\"{WireNames.Of(channels[i % channels.Length])}\",\"urgency\":\"{urgencies[i / channels.Length % 2].Item2}\"}}\n");
        }

        var (exitCode, stdout, stderr) = Run(input.ToString());
        var lines = stdout.Split('\n');

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        Assert.Equal(Count + 1, lines.Length);
        Assert.Empty(lines[Count]);
        for (var i = 0; i < Count; i++)
        {
            using var answer = JsonDocument.Parse(lines[i]);
            var root = answer.RootElement;
            Assert.Equal(i, root.GetProperty("id").GetInt32());
            var expected = ResponsePolicy.NhtrcDefault.ComputeDeadline(
                start + Duration.FromMinutes(7L * i),
                channels[i % channels.Length],
                urgencies[i / channels.Length % 2].Item1);
            Assert.Equal(InstantPattern.ExtendedIso.Format(expected.TargetBy), root.GetProperty("targetBy").GetString());
            Assert.Equal(InstantPattern.ExtendedIso.Format(expected.DueBy), root.GetProperty("dueBy").GetString());
        }
    }
}
