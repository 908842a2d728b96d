using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using Nhtrc.Sdk.ResponseTimes;

namespace Nhtrc.Cli.Commands;

/// <summary>
/// <c>nhtrc deadline [--policy FILE] [--explain]</c>: reads requests as JSON Lines on stdin and writes, for each,
/// the request's own fields plus <c>targetBy</c> and <c>dueBy</c>, or <c>{"line":N,"error":"..."}</c> for a bad line.
/// </summary>
internal static class DeadlineCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="stdin">Where the requests are read from.</param>
    /// <param name="summary">The line <c>nhtrc --help</c> shows for it.</param>
    public static Command Create(TextReader stdin, string summary)
    {
        var policy = SharedOptions.Policy("the NHTRC policy (nhtrc-default) on nhtrc-business-hours");
        // Every answer has its explanation now (the SDK's deadline JSON always does); --explain is still accepted so
        // that scripts written for earlier versions keep working.
        var explain = new Option<bool>("--explain") { Description = "accepted for earlier scripts; every answer has its \"explanation\" now" };
        var command = new Command("deadline", summary) { policy, explain };
        command.SetAction(parseResult =>
        {
            var stdout = parseResult.InvocationConfiguration.Output;
            var stderr = parseResult.InvocationConfiguration.Error;
            var responsePolicy = ResponsePolicy.NhtrcDefault;
            if (parseResult.GetValue(policy) is { } path
                && !DocumentFile.TryLoad(path, static p => ResponsePolicyJson.LoadFile(p, DocumentFile.Limits), "response policy", "nhtrc deadline: --policy: ", stderr, out responsePolicy))
            {
                return ExitCodes.UsageError;
            }

            using var answerer = new DeadlineLineAnswerer(responsePolicy);
            var allAnswered = ReadLines(
                stdin,
                (line, number) => answerer.Answer(line, number, stdout),
                number => answerer.AnswerError(number, string.Create(CultureInfo.InvariantCulture, $"is longer than {MaxLineLength} characters"), stdout),
                stderr);
            return allAnswered ? ExitCodes.Success : ExitCodes.UsageError;
        });
        return command;
    }

    /// <summary>Runs the command: <c>nhtrc deadline ARGS</c>.</summary>
    /// <param name="args">The arguments after the word <c>deadline</c>.</param>
    /// <param name="stdin">The requests, as JSON Lines.</param>
    /// <param name="stdout">Where the answers (or the help) are written, one line each.</param>
    /// <param name="stderr">Where argument and policy problems are written.</param>
    /// <returns>The exit code of <see cref="Program.Run"/>.</returns>
    public static int Run(IReadOnlyList<string> args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        Program.Run(["deadline", .. args], stdin, stdout, stderr);

    /// <summary>What <c>--help</c> prints after the generated usage and options: the details of input, output and exit codes.</summary>
    public static string Details { get; } = string.Join(
        '\n',
        "Reads requests from stdin, one JSON object a line:",
        "  {\"receivedAt\":\"2026-07-02T22:59:00Z\",\"channel\":\"email\",\"urgency\":\"nonUrgent\"}",
        "and writes one JSON line per request, in order: the request's other fields as given (any extra",
        "field, such as an id, is copied through) followed by the deadline's members as the SDK writes them",
        "(docs/deadlines.md): receivedAt, channel, urgency, targetBy, dueBy, policyId, ruleId, explanation.",
        "",
        "  receivedAt   an ISO-8601 UTC instant ending in Z, for example 2026-07-02T22:59:00Z",
        "  channel      phone, text, chat, email or webForm",
        "  urgency      urgent or nonUrgent",
        "",
        "A bad line is answered with {\"line\":N,\"error\":\"...\"} naming every problem of that line (N counts",
        "from 1, blank lines included) and the lines after it are still processed. Empty and whitespace-only",
        "lines are skipped without output. A request's own targetBy, dueBy, policyId, ruleId and explanation",
        "are replaced, so output can be fed back in. A line longer than 1048576 characters is answered",
        "{\"line\":N,\"error\":\"is longer than 1048576 characters\"} and skipped; if it does not end within",
        "16 MiB more, reading stops (exit 2).",
        "",
        "Exit codes: 0 every line answered; 2 any bad line, bad arguments, or a missing or invalid policy file",
        "(the policy's problems are printed to stderr before stdin is read); 1 reading stdin or writing failed.");

    /// <summary>The longest line answered, in characters (UTF-16 code units, a '\r' before the '\n' included): 1 MiB.</summary>
    public const int MaxLineLength = 1 << 20;

    /// <summary>
    /// How many more characters of a line longer than <see cref="MaxLineLength"/> are skipped, looking for its end,
    /// before reading stops (input such as <c>/dev/zero</c> that has no line ends): 16 MiB.
    /// </summary>
    public const long MaxSkippedLength = 16L << 20;

    /// <summary>
    /// Calls <paramref name="answer"/> for every line of <paramref name="stdin"/> that is not blank, with its
    /// 1-based number (blank lines are counted); a line ends at '\n', and a '\r' before it is dropped. A line longer
    /// than <see cref="MaxLineLength"/> is answered with <paramref name="tooLong"/> as soon as it passes the limit,
    /// and skipped to its end; when that end does not come within <see cref="MaxSkippedLength"/> more characters,
    /// reading stops with a message on <paramref name="stderr"/>.
    /// </summary>
    /// <returns>True when every call returned true (and reading did not stop early).</returns>
    internal static bool ReadLines(TextReader stdin, Func<ReadOnlySpan<char>, int, bool> answer, Func<int, bool> tooLong, TextWriter stderr)
    {
        // Lines are sliced out of large blocks; only a line that straddles two blocks is copied.
        var block = new char[1 << 16];
        var pending = new char[1 << 10];
        var pendingLength = 0;
        var number = 0; // lines ended so far; the current line is number + 1
        var allAnswered = true;
        long skipped = -1; // the characters skipped of an over-long line, or -1 when the current line is not one
        int read;
        while ((read = stdin.Read(block)) > 0)
        {
            ReadOnlySpan<char> rest = block.AsSpan(0, read);
            while (!rest.IsEmpty)
            {
                var newline = rest.IndexOf('\n');
                var segment = newline < 0 ? rest : rest[..newline];
                if (skipped >= 0)
                {
                    skipped += segment.Length;
                    if (newline < 0 && skipped > MaxSkippedLength)
                    {
                        stderr.Write(string.Create(
                            CultureInfo.InvariantCulture,
                            $"nhtrc deadline: line {number + 1} has no end within {MaxLineLength + MaxSkippedLength} characters; stopped reading stdin.\n"));
                        return false;
                    }
                }
                else if (pendingLength + segment.Length > MaxLineLength)
                {
                    allAnswered &= tooLong(number + 1);
                    skipped = pendingLength + segment.Length;
                    pendingLength = 0;
                }
                else if (newline < 0)
                {
                    Append(ref pending, ref pendingLength, segment);
                }
                else if (pendingLength == 0)
                {
                    allAnswered &= AnswerUnlessBlank(segment, number + 1, answer);
                }
                else
                {
                    Append(ref pending, ref pendingLength, segment);
                    allAnswered &= AnswerUnlessBlank(pending.AsSpan(0, pendingLength), number + 1, answer);
                    pendingLength = 0;
                }

                if (newline < 0)
                {
                    break;
                }

                number++;
                skipped = -1;
                rest = rest[(newline + 1)..];
            }
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
}
