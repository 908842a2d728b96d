using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Nhtrc.Cli.Tests.Commands;

/// <summary>
/// Standard input keeps invalid UTF-8 instead of replacing it with U+FFFD (issue 9): the text read gives back the exact
/// bytes, says whether any were invalid as a UTF-8 validator does, and the commands report such bytes.
/// </summary>
public class StdinTextTests
{
    private const string GoodRequest = "{\"receivedAt\":\"2026-07-02T22:59:00Z\",\"channel\":\"email\",\"urgency\":\"nonUrgent\"}";

    // Bytes mostly from the troublesome ranges: ASCII, continuation bytes, lead bytes of 2-4 byte sequences, 0xFF.
    private static readonly Gen<byte[]> Bytes =
        Gen.Frequency(
            (4, Gen.Choose(0x20, 0x7E)),
            (2, Gen.Choose(0x80, 0xBF)),
            (2, Gen.Choose(0xC0, 0xF7)),
            (1, Gen.Choose(0xF8, 0xFF)),
            (2, Gen.Elements(0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0xED, 0xA0)))
        .Select(b => (byte)b).ArrayOf();

    private static string Read(byte[] bytes, int chunk = int.MaxValue)
    {
        using var reader = StdinText.Open(new Trickle(bytes, chunk));
        return reader.ReadToEnd();
    }

    // Sequences split across reads of 1 to 7 bytes (a pipe), or read whole.
    [Property(MaxTest = 1000)]
    public Property TheTextRead_GivesBackTheExactBytes() =>
        Prop.ForAll(Arb.From(Bytes), Arb.From(Gen.OneOf(Gen.Choose(1, 7), Gen.Constant(int.MaxValue))), (bytes, chunk) =>
        {
            var text = Read(bytes, chunk);

            Assert.Equal(bytes, StdinText.ToBytes(text));
            Assert.Equal(!System.Text.Unicode.Utf8.IsValid(bytes), StdinText.HasInvalidBytes(text));
        });

    [Property(MaxTest = 300)]
    public Property OneLeadingByteOrderMark_IsSkipped() =>
        Prop.ForAll(Arb.From(Bytes), Arb.From(Gen.Choose(1, 4)), (bytes, chunk) =>
            Assert.Equal(bytes, StdinText.ToBytes(Read([0xEF, 0xBB, 0xBF, .. bytes], chunk))));

    [Fact]
    public void AUtf16ByteOrderMark_IsNotTakenAsAnEncoding()
    {
        // A detecting reader would decode FF FE 41 00 as UTF-16 "A"; these are four bytes, two of them invalid.
        var text = Read([0xFF, 0xFE, 0x41, 0x00]);

        Assert.True(StdinText.HasInvalidBytes(text));
        Assert.Equal(4, text.Length);
    }

    [Fact]
    public void Deadline_ALineWithInvalidUtf8_IsAnsweredWithAnError_AndTheNextLineIsAnswered()
    {
        byte[] input = [.. Encoding.UTF8.GetBytes(GoodRequest.Replace("}", ",\"note\":\"caf", StringComparison.Ordinal)), 0xE9, .. "\"}\n"u8, .. Encoding.UTF8.GetBytes(GoodRequest + "\n")];
        using var stdin = StdinText.Open(new MemoryStream(input));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = Program.Run(["deadline"], stdin, stdout, stderr);

        var answers = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(2, exitCode);
        Assert.Equal(2, answers.Length);
        Assert.Equal("{\"line\":1,\"error\":\"the line is not valid UTF-8\"}", answers[0].GetRawText());
        Assert.True(answers[1].TryGetProperty("dueBy", out _));
    }

    [Fact]
    public void Triage_AContactWithInvalidUtf8OnStdin_IsBadInputWithItsPath()
    {
        var contact = """{"id":"c-1","receivedAt":"2026-07-02T22:59:00Z","channel":"phone","requestKind":"tip","caller":{"role":"communityMember","anonymous":true,"preferredLanguage":"en","personalData":{"narrative":"caf?"}}}""";
        var bytes = Encoding.UTF8.GetBytes(contact);
        bytes[Array.LastIndexOf(bytes, (byte)'?')] = 0xE9;
        using var stdin = StdinText.Open(new MemoryStream(bytes));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = Program.Run(["triage"], stdin, stdout, stderr);

        Assert.Equal(2, exitCode);
        Assert.Equal("", stdout.ToString());
        Assert.Equal("nhtrc triage: $.caller.personalData.narrative: is not valid UTF-8 text.\n", stderr.ToString());
    }

    [Fact]
    public void ReadAll_StopsAtItsLimit_OnAnEndlessStream()
    {
        Assert.Null(StdinText.ReadAll(new Endless(), 1_000_000));
        Assert.Equal("abc", StdinText.ReadAll(new StringReader("abc"), 3));
        Assert.Null(StdinText.ReadAll(new StringReader("abcd"), 3));
    }

    private sealed class Endless : TextReader
    {
        public override int Read(char[] buffer, int index, int count)
        {
            buffer.AsSpan(index, count).Fill('a');
            return count;
        }
    }

    private sealed class Trickle(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, chunk)]);
    }
}
