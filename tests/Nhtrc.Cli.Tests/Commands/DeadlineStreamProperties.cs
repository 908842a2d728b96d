using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Nhtrc.Cli.Tests.Commands;

/// <summary>
/// Properties of <c>nhtrc deadline</c> over hostile streams: every non-blank line gets exactly one answer, in order,
/// which is a deadline or a documented <c>{"line":N,"error":"..."}</c>; the run exits 0 or 2, never 70.
/// </summary>
public sealed class DeadlineStreamProperties
{
    private static readonly string[] Channels = ["phone", "text", "chat", "email", "webForm", "fax", "\\ud800", ""];

    private static readonly string[] Urgencies = ["urgent", "nonUrgent", "x\\udfff", "low"];

    // Years from NodaTime's first to its last, the calendar's edges, and times at the ends of days.
    private static Gen<string> ReceivedAt { get; } =
        from year in Gen.OneOf(Gen.Choose(-9998, 9999), Gen.Elements(0, 1, 1970, 1971, 2200, 2201, 2262, 2263, 9998, 9999))
        from month in Gen.Choose(1, 12)
        from day in Gen.Choose(1, 28)
        from hour in Gen.Elements(0, 12, 20, 23)
        select year < 0
            ? FormattableString.Invariant($"-{-year:D4}-{month:D2}-{day:D2}T{hour:D2}:00:00Z")
            : FormattableString.Invariant($"{year:D4}-{month:D2}-{day:D2}T{hour:D2}:00:00Z");

    private static Gen<string> Request { get; } =
        from receivedAt in Gen.OneOf(ReceivedAt, Gen.Elements("\\ud800", "2026-13-01", "", "9999-12-31T23:59:59.999999999Z"))
        from channel in Gen.Elements(Channels)
        from urgency in Gen.Elements(Urgencies)
        select $"{{\"receivedAt\":\"{receivedAt}\",\"channel\":\"{channel}\",\"urgency\":\"{urgency}\"}}";

    // Arbitrary text, with its line ends taken out so that one generated line stays one line.
    private static Gen<string> Noise { get; } =
        ArbMap.Default.GeneratorFor<string>().Select(s => (s ?? "").Replace('\n', ' ').Replace('\r', ' '));

    private static Gen<string> Line { get; } = Gen.Frequency((4, Request), (1, Noise));

    [Property(MaxTest = 60)]
    public Property EveryNonBlankLine_GetsExactlyOneDocumentedAnswer_AndTheRunNeverCrashes() =>
        Prop.ForAll(Gen.ListOf(Line, 20).ToArbitrary(), lines =>
        {
            using var stdin = new StringReader(string.Join("\n", lines) + "\n");
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();

            var exitCode = Program.Run(["deadline"], stdin, stdout, stderr);

            var expected = lines.Select((line, i) => (Line: line, Number: i + 1)).Where(l => !string.IsNullOrWhiteSpace(l.Line)).ToList();
            var answers = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(exitCode is 0 or 2, $"exit {exitCode}: {stderr}");
            Assert.Empty(stderr.ToString());
            Assert.Equal(expected.Count, answers.Length);
            for (var i = 0; i < answers.Length; i++)
            {
                using var answer = JsonDocument.Parse(answers[i]);
                var root = answer.RootElement;
                if (root.TryGetProperty("error", out var error))
                {
                    Assert.Equal(expected[i].Number, root.GetProperty("line").GetInt32());
                    Assert.False(string.IsNullOrEmpty(error.GetString()));
                    Assert.True(error.GetString()!.Length < 300, error.GetString());
                }
                else
                {
                    Assert.True(root.TryGetProperty("dueBy", out _), answers[i]);
                }
            }
        });
}
