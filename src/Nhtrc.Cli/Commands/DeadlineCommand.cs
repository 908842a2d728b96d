using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Nhtrc.Sdk.Validation;
using Nhtrc.Sdk.ResponseTimes;

namespace Nhtrc.Cli.Commands;

/// <summary>
/// <c>nhtrc deadline [--policy FILE] [--explain]</c>: reads requests as JSON Lines on stdin and writes, for each,
/// the request's own fields plus <c>targetBy</c> and <c>dueBy</c>, or <c>{"line":N,"error":"..."}</c> for a bad line.
/// </summary>
internal static class DeadlineCommand
{
    /// <summary>The usage text printed by <c>--help</c>.</summary>
    public static string Usage { get; } = string.Join(
        '\n',
        "Usage: nhtrc deadline [--policy FILE] [--explain] < requests.jsonl",
        "",
        "Reads requests from stdin, one JSON object a line:",
        "  {\"receivedAt\":\"2026-07-02T22:59:00Z\",\"channel\":\"email\",\"urgency\":\"nonUrgent\"}",
        "and writes one JSON line per request, in order: the request's fields as given (any extra field,",
        "such as an id, is copied through) followed by \"targetBy\" and \"dueBy\", UTC instants ending in Z.",
        "",
        "  receivedAt   an ISO-8601 UTC instant ending in Z, for example 2026-07-02T22:59:00Z",
        "  channel      phone, text, chat, email or webForm",
        "  urgency      urgent or nonUrgent",
        "",
        "A bad line is answered with {\"line\":N,\"error\":\"...\"} naming every problem of that line (N counts",
        "from 1, blank lines included) and the lines after it are still processed. Empty and whitespace-only",
        "lines are skipped without output. Fields named targetBy and dueBy (and explanation, with --explain)",
        "in a request are replaced, so output can be fed back in.",
        "",
        "Options:",
        "  --policy FILE   the response policy JSON to apply (format in docs/deadlines.md);",
        "                  default: the NHTRC policy on nhtrc-business-hours",
        "  --explain       add \"explanation\", one line a supervisor can read",
        "  -h, --help      print this help",
        "",
        "Exit codes: 0 every line answered; 2 any bad line, bad arguments, or a missing or invalid policy file",
        "(the policy's problems are printed to stderr before stdin is read).",
        "");

    /// <summary>Runs the command.</summary>
    /// <param name="args">The arguments after the word <c>deadline</c>.</param>
    /// <param name="stdin">The requests, as JSON Lines.</param>
    /// <param name="stdout">Where the answers (or the help) are written, one line each.</param>
    /// <param name="stderr">Where argument and policy problems are written.</param>
    /// <returns><see cref="ExitCodes.Success"/>, or <see cref="ExitCodes.UsageError"/> for bad arguments, a bad policy, or any bad line.</returns>
    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdin);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var options = Parse(args, out var problems);
        if (ArgumentProblems.HelpOrReport("deadline", Usage, options.Help, problems, stdout, stderr) is { } exitCode)
        {
            return exitCode;
        }

        var policy = ResponsePolicy.NhtrcDefault;
        if (options.PolicyPath is { } path && !TryLoadPolicy(path, stderr, out policy))
        {
            return ExitCodes.UsageError;
        }

        using var answerer = new DeadlineLineAnswerer(policy, options.Explain);
        var allAnswered = ReadLines(stdin, (line, number) => answerer.Answer(line, number, stdout));
        return allAnswered ? ExitCodes.Success : ExitCodes.UsageError;
    }

    /// <summary>
    /// Calls <paramref name="answer"/> for every line of <paramref name="stdin"/> that is not blank, with its
    /// 1-based number (blank lines are counted); a line ends at '\n', and a '\r' before it is dropped.
    /// </summary>
    /// <returns>True when every call returned true.</returns>
    private static bool ReadLines(TextReader stdin, Func<ReadOnlySpan<char>, int, bool> answer)
    {
        // Lines are sliced out of large blocks; only a line that straddles two blocks is copied.
        var block = new char[1 << 16];
        var pending = new char[1 << 10];
        var pendingLength = 0;
        var number = 0;
        var allAnswered = true;
        int read;
        while ((read = stdin.Read(block)) > 0)
        {
            ReadOnlySpan<char> rest = block.AsSpan(0, read);
            int newline;
            while ((newline = rest.IndexOf('\n')) >= 0)
            {
                number++;
                ReadOnlySpan<char> line;
                if (pendingLength == 0)
                {
                    line = rest[..newline];
                }
                else
                {
                    Append(ref pending, ref pendingLength, rest[..newline]);
                    line = pending.AsSpan(0, pendingLength);
                    pendingLength = 0;
                }

                allAnswered &= AnswerUnlessBlank(line, number, answer);
                rest = rest[(newline + 1)..];
            }

            Append(ref pending, ref pendingLength, rest);
        }

        if (pendingLength > 0)
        {
            allAnswered &= AnswerUnlessBlank(pending.AsSpan(0, pendingLength), number + 1, answer);
        }

        return allAnswered;
    }

    private static bool AnswerUnlessBlank(ReadOnlySpan<char> line, int number, Func<ReadOnlySpan<char>, int, bool> answer)
    {
        if (line.EndsWith('\r'))
        {
            line = line[..^1];
        }

        return line.IsWhiteSpace() || answer(line, number);
    }

    private static void Append(ref char[] buffer, ref int length, ReadOnlySpan<char> chars)
    {
        if (length + chars.Length > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + chars.Length));
        }

        chars.CopyTo(buffer.AsSpan(length));
        length += chars.Length;
    }

    private static bool TryLoadPolicy(string path, TextWriter stderr, out ResponsePolicy policy)
    {
        policy = ResponsePolicy.NhtrcDefault;
        try
        {
            using var stream = File.OpenRead(path);
            policy = ResponsePolicyJson.Load(stream);
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            stderr.Write($"nhtrc deadline: --policy: file '{path}' does not exist.\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.Write($"nhtrc deadline: --policy: cannot read '{path}': {e.Message}\n");
        }
        catch (NhtrcValidationException e)
        {
            var noun = e.Problems.Length == 1 ? "problem" : "problems";
            stderr.Write(string.Create(CultureInfo.InvariantCulture, $"nhtrc deadline: --policy: '{path}' is not a valid response policy ({e.Problems.Length} {noun}):\n"));
            foreach (var problem in e.Problems)
            {
                stderr.Write($"  - {problem}\n");
            }
        }

        return false;
    }

    private static Options Parse(IReadOnlyList<string> args, out List<ValidationProblem> problems)
    {
        problems = [];
        var options = new Options();
        var policyGiven = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "-h" or "--help":
                    options.Help = true;
                    break;
                case "--explain":
                    options.Explain = true;
                    break;
                case "--policy":
                    // A following option is not taken as the file: "--policy --explain" reports the missing file.
                    if (OptionReader.TryTakeFile(args, ref i, ref policyGiven, problems, out var policyPath))
                    {
                        options.PolicyPath = policyPath;
                    }

                    break;
                default:
                    problems.Add(OptionReader.Unexpected(i, arg, "requests are read from stdin."));
                    break;
            }
        }

        return options;
    }

    private sealed class Options
    {
        public bool Help { get; set; }

        public bool Explain { get; set; }

        public string? PolicyPath { get; set; }
    }
}
