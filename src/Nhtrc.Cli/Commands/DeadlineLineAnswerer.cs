using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Text;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Cli.Commands;

/// <summary>
/// Answers one request line of <c>nhtrc deadline</c>: the request's other fields copied through byte for byte, then
/// the members of the deadline exactly as <see cref="ResponseDeadlineJson"/> writes them (<c>receivedAt</c>,
/// <c>channel</c>, <c>urgency</c>, <c>targetBy</c>, <c>dueBy</c>, <c>policyId</c>, <c>ruleId</c>,
/// <c>explanation</c>); or <c>{"line":N,"error":"..."}</c>.
/// Reuses its buffers from line to line, so it is not thread-safe.
/// </summary>
internal sealed class DeadlineLineAnswerer : IDisposable
{
    private static readonly (byte[] Name, ContactChannel Value)[] Channels = CreateChannels();

    private static readonly (byte[] Name, Urgency Value)[] Urgencies = [("urgent"u8.ToArray(), Urgency.Urgent), ("nonUrgent"u8.ToArray(), Urgency.NonUrgent)];

    private static readonly string ExpectedChannels = string.Join(", ", Enum.GetValues<ContactChannel>().Select(c => WireNames.Of(c)));

    private static readonly string ExpectedUrgencies = "urgent, nonUrgent";

    // The names of the members ResponseDeadlineJson writes (targetBy, dueBy, policyId, ruleId, explanation and the
    // three input fields), read from what it writes, so that a request's own member of one of these names is always
    // replaced, never written twice.
    private static readonly byte[][] DeadlineMembers = CreateDeadlineMembers();

    /// <summary>The most characters of a value an error quotes.</summary>
    private const int MaxQuoted = 40;

    /// <summary>The error for a string value that holds an escaped lone surrogate (<c>"\ud800"</c>), which is no text.</summary>
    private const string NotText = "is not valid text (an unpaired UTF-16 surrogate escape)";

    /// <summary>The error for a line whose bytes are not UTF-8.</summary>
    private const string NotUtf8 = "the line is not valid UTF-8";

    private readonly ResponsePolicy policy;
    private readonly ArrayBufferWriter<byte> output = new(1 << 10);
    private readonly ArrayBufferWriter<byte> deadlineJson = new(1 << 9);

    // Relaxed escaping keeps explanations and echoed values readable; the output is data, never embedded in HTML.
    private readonly Utf8JsonWriter json;
    private readonly List<Range> fields = [];
    private readonly List<string> problems = [];
    private readonly bool[] seen = new bool[(int)Field.Replaced];
    private byte[] input = new byte[1 << 10];
    private char[] outputChars = new char[1 << 10];

    /// <summary>Creates an answerer that applies <paramref name="policy"/>.</summary>
    public DeadlineLineAnswerer(ResponsePolicy policy)
    {
        this.policy = policy;
        json = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    private enum Field
    {
        Other,
        ReceivedAt,
        Channel,
        Urgency,
        Replaced,
    }

    /// <summary>Writes the answer to <paramref name="line"/> (not blank, without its line ending) and '\n' to <paramref name="stdout"/>.</summary>
    /// <param name="line">The request.</param>
    /// <param name="number">The line's 1-based number, for the error answer.</param>
    /// <param name="stdout">Where the answer goes.</param>
    /// <returns>True when the answer is a deadline; false when it is an error.</returns>
    public bool Answer(ReadOnlySpan<char> line, int number, TextWriter stdout)
    {
        if (StdinText.HasInvalidBytes(line))
        {
            return AnswerError(number, NotUtf8, stdout);
        }

        if (Encoding.UTF8.GetMaxByteCount(line.Length) > input.Length)
        {
            input = new byte[Encoding.UTF8.GetMaxByteCount(line.Length)];
        }

        var length = Encoding.UTF8.GetBytes(line, input);
        output.ResetWrittenCount();
        var error = TryWriteDeadline(input.AsSpan(0, length));
        if (error is not null)
        {
            WriteError(number, error);
        }

        WriteOutput(stdout);
        return error is null;
    }

    /// <summary>Writes <c>{"line":N,"error":"..."}</c> and '\n' to <paramref name="stdout"/>, for a line that is not read (too long).</summary>
    /// <returns>False: the line is not answered with a deadline.</returns>
    public bool AnswerError(int number, string error, TextWriter stdout)
    {
        WriteError(number, error);
        WriteOutput(stdout);
        return false;
    }

    private void WriteError(int number, string error)
    {
        output.ResetWrittenCount();
        json.Reset(output);
        json.WriteStartObject();
        json.WriteNumber("line"u8, number);
        json.WriteString("error"u8, error);
        json.WriteEndObject();
        json.Flush();
    }

    private void WriteOutput(TextWriter stdout)
    {
        // UTF-8 never needs more chars than bytes.
        if (output.WrittenCount > outputChars.Length)
        {
            outputChars = new char[output.WrittenCount * 2];
        }

        var chars = Encoding.UTF8.GetChars(output.WrittenSpan, outputChars);
        stdout.Write(outputChars.AsSpan(0, chars));
        stdout.Write('\n');
    }

    /// <summary>Writes the deadline answer to <see cref="output"/>, or returns every problem of the line.</summary>
    private string? TryWriteDeadline(ReadOnlySpan<byte> line)
    {
        fields.Clear();
        problems.Clear();
        Array.Clear(seen);
        string? receivedAtText = null;
        Instant? receivedAt = null;
        ContactChannel? channel = null;
        Urgency? urgency = null;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "not a JSON object";
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var start = (int)reader.TokenStartIndex;
                var field = Classify(ref reader);
                reader.Read();
                if (field is Field.ReceivedAt or Field.Channel or Field.Urgency)
                {
                    if (seen[(int)field])
                    {
                        problems.Add($"{Name(field)}: is given more than once");
                    }

                    seen[(int)field] = true;
                }

                switch (field)
                {
                    case Field.ReceivedAt:
                        (receivedAtText, receivedAt) = ReadInstant(ref reader);
                        break;
                    case Field.Channel:
                        channel = ReadName(ref reader, field, Channels, ExpectedChannels);
                        break;
                    case Field.Urgency:
                        urgency = ReadName(ref reader, field, Urgencies, ExpectedUrgencies);
                        break;
                }

                reader.Skip();
                if (field == Field.Other)
                {
                    // The raw "name": value, so names, escapes and number spellings are echoed exactly. The deadline's
                    // own members (receivedAt, channel and urgency included) are written by the SDK after these.
                    fields.Add(start..(int)reader.BytesConsumed);
                }
            }

            // Reading past the object's end fails on anything but whitespace after it.
            while (reader.Read())
            {
            }
        }
        catch (JsonException e)
        {
            return DescribeMalformed(e);
        }

        foreach (var field in (ReadOnlySpan<Field>)[Field.ReceivedAt, Field.Channel, Field.Urgency])
        {
            if (!seen[(int)field])
            {
                problems.Add($"{Name(field)}: is required");
            }
        }

        if (problems.Count > 0 || receivedAt is null || channel is null || urgency is null)
        {
            return string.Join("; ", problems);
        }

        try
        {
            // Both can fail past the calendar's years: computing (a business deadline, an elapsed one near 9999)
            // and writing (the explanation's local times); either way the line is answered, never the run ended.
            var deadline = policy.ComputeDeadline(receivedAt.Value, channel.Value, urgency.Value);
            WriteDeadline(line, deadline);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            return DescribeOutOfRange(receivedAt.Value, receivedAtText!);
        }

        return null;
    }

    /// <summary>
    /// Why a deadline cannot be computed: <c>receivedAt</c> outside the calendar's years, or else (receivedAt in
    /// range) the deadline falling after the last of them.
    /// </summary>
    private string DescribeOutOfRange(Instant receivedAt, string receivedAtText)
    {
        var calendar = policy.BusinessCalendar;
        var year = LocalYear(receivedAt, calendar.Zone);
        return year < calendar.FirstSupportedYear || year > calendar.LastSupportedYear
            ? string.Create(
                CultureInfo.InvariantCulture,
                $"receivedAt: {Quote(receivedAtText)} is outside the years {calendar.FirstSupportedYear} to {calendar.LastSupportedYear} that the policy's calendar supports")
            : string.Create(
                CultureInfo.InvariantCulture,
                $"receivedAt: {Quote(receivedAtText)}: the deadline would fall after {calendar.LastSupportedYear}, the last year the policy's calendar supports");
    }

    /// <summary>The year of <paramref name="instant"/> in <paramref name="zone"/>, or in UTC where the local year is past NodaTime's range.</summary>
    private static int LocalYear(Instant instant, DateTimeZone zone)
    {
        try
        {
            return instant.InZone(zone).Year;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or OverflowException)
        {
            return instant.InUtc().Year;
        }
    }

    /// <summary><c>'text'</c>, cut to 40 characters so that a long value is never echoed whole.</summary>
    private static string Quote(string text) => text.Length <= MaxQuoted ? $"'{text}'" : $"'{text[..MaxQuoted]}...'";

    private void WriteDeadline(ReadOnlySpan<byte> line, ResponseDeadline deadline)
    {
        // The members of the SDK's deadline JSON (docs/deadlines.md, "Deadline and SLA JSON"), exactly as
        // ResponseDeadlineJson writes them, follow the request's other fields: its object, without the opening
        // brace, continues the answer's.
        deadlineJson.ResetWrittenCount();
        json.Reset(deadlineJson);
        ResponseDeadlineJson.Write(deadline, json);
        json.Flush();
        output.Write("{"u8);
        foreach (var field in fields)
        {
            output.Write(line[field]);
            output.Write(","u8);
        }

        output.Write(deadlineJson.WrittenSpan[1..]);
    }

    private static Field Classify(ref Utf8JsonReader reader)
    {
        try
        {
            return ClassifyName(ref reader);
        }
        catch (InvalidOperationException)
        {
            // A name with an escaped lone surrogate is none of ours: an other field, copied through as given.
            return Field.Other;
        }
    }

    private static Field ClassifyName(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("receivedAt"u8))
        {
            return Field.ReceivedAt;
        }

        if (reader.ValueTextEquals("channel"u8))
        {
            return Field.Channel;
        }

        if (reader.ValueTextEquals("urgency"u8))
        {
            return Field.Urgency;
        }

        foreach (var name in DeadlineMembers)
        {
            if (reader.ValueTextEquals(name))
            {
                return Field.Replaced;
            }
        }

        return Field.Other;
    }

    private (string? Text, Instant? Value) ReadInstant(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            problems.Add($"receivedAt: must be a string, not {Describe(reader.TokenType)}");
            return (null, null);
        }

        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            problems.Add("receivedAt: " + NotText);
            return (null, null);
        }

        var parse = InstantPattern.ExtendedIso.Parse(text);
        if (!parse.Success)
        {
            problems.Add($"receivedAt: {Quote(text)} is not an ISO-8601 instant ending in Z");
            return (text, null);
        }

        return (text, parse.Value);
    }

    private T? ReadName<T>(ref Utf8JsonReader reader, Field field, (byte[] Name, T Value)[] names, string expected)
        where T : struct
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            problems.Add($"{Name(field)}: must be a string, not {Describe(reader.TokenType)}");
            return null;
        }

        try
        {
            // Names match case-sensitively, as everywhere in the SDK's JSON.
            foreach (var (name, value) in names)
            {
                if (reader.ValueTextEquals(name))
                {
                    return value;
                }
            }

            problems.Add($"{Name(field)}: {Quote(reader.GetString()!)} is not one of {expected}");
        }
        catch (InvalidOperationException)
        {
            problems.Add($"{Name(field)}: {NotText}");
        }

        return null;
    }

    /// <inheritdoc/>
    public void Dispose() => json.Dispose();

    /// <summary>The reader's message without its "LineNumber: 0 | BytePositionInLine: 5." suffix, which is given as a column instead.</summary>
    private static string DescribeMalformed(JsonException e)
    {
        var message = e.Message;
        var suffix = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        message = suffix < 0 ? message : message[..suffix];
        return e.BytePositionInLine is { } position
            ? string.Create(CultureInfo.InvariantCulture, $"not valid JSON at byte {position + 1}: {message}")
            : $"not valid JSON: {message}";
    }

    private static string Name(Field field) => field switch
    {
        Field.ReceivedAt => "receivedAt",
        Field.Channel => "channel",
        _ => "urgency",
    };

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartArray => "an array",
        _ => "an object",
    };

    private static byte[][] CreateDeadlineMembers()
    {
        var deadline = ResponsePolicy.NhtrcDefault.ComputeDeadline(Instant.FromUtc(2026, 7, 2, 22, 59), ContactChannel.Email, Urgency.NonUrgent);
        using var document = JsonDocument.Parse(ResponseDeadlineJson.Serialize(deadline));
        return [.. document.RootElement.EnumerateObject().Select(member => Encoding.UTF8.GetBytes(member.Name))];
    }

    private static (byte[] Name, ContactChannel Value)[] CreateChannels()
    {
        var values = Enum.GetValues<ContactChannel>();
        var channels = new (byte[] Name, ContactChannel Value)[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            channels[i] = (Encoding.UTF8.GetBytes(WireNames.Of(values[i])), values[i]);
        }

        return channels;
    }
}
