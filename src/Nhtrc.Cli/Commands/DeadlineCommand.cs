using System;
using System.Collections.Generic;
using System.CommandLine;
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
                && !DocumentFile.TryLoad(path, ResponsePolicyJson.LoadFile, "response policy", "nhtrc deadline: --policy: ", stderr, out responsePolicy))
            {
                return ExitCodes.UsageError;
            }

            using var answerer = new DeadlineLineAnswerer(responsePolicy);
            var allAnswered = ReadLines(stdin, (line, number) => answerer.Answer(line, number, stdout));
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
        "are replaced, so output can be fed back in.",
        "",
        "Exit codes: 0 every line answered; 2 any bad line, bad arguments, or a missing or invalid policy file",
        "(the policy's problems are printed to stderr before stdin is read); 1 reading stdin or writing failed.");

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
}
