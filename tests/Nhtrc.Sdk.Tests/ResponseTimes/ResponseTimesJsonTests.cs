using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Xml;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.ResponseTimes.Json;
using Nhtrc.Sdk.Tests.Text;
using NodaTime;

namespace Nhtrc.Sdk.Tests.ResponseTimes;

/// <summary>A random request's SLA clock: its channel, urgency, events and the instant it is read at.</summary>
public sealed record SlaCase(ContactChannel Channel, Urgency Urgency, SlaEvent[] Events, Instant At)
{
    public SlaState Evaluate() => SlaClock.Evaluate(ResponsePolicy.NhtrcDefault, Channel, Urgency, Events, At);

    public override string ToString() => $"{Channel} {Urgency} [{string.Join(", ", Events.Select(e => $"{e.Kind} {e.At}"))}] at {At}";
}

public static class SlaArbitraries
{
    public static Arbitrary<SlaCase> Cases() =>
        (from received in DefaultPolicyPropertyTests.Receipts().Generator
         from channel in Gen.Elements(Enum.GetValues<ContactChannel>())
         from urgency in Gen.Elements(Urgency.Urgent, Urgency.NonUrgent)
         from gaps in Gen.ArrayOf(Gen.Choose(1, 3 * 24 * 60), 4)
         from pauses in Gen.Choose(0, 2)
         from responded in Gen.Elements(true, false)
         from later in Gen.Choose(0, 8 * 24 * 60)
         select Build(received, channel, urgency, gaps, pauses, responded, later)).ToArbitrary();

    private static SlaCase Build(Instant received, ContactChannel channel, Urgency urgency, int[] gaps, int pauses, bool responded, int later)
    {
        var events = new List<SlaEvent> { new(SlaEventKind.Received, received) };
        var t = received;
        for (var i = 0; i < pauses; i++)
        {
            t += Duration.FromMinutes(gaps[i * 2]);
            events.Add(new SlaEvent(SlaEventKind.Paused, t));
            if (i * 2 + 1 < gaps.Length && (i < pauses - 1 || responded))
            {
                t += Duration.FromMinutes(gaps[(i * 2) + 1]);
                events.Add(new SlaEvent(SlaEventKind.Resumed, t));
            }
        }

        if (responded && events[^1].Kind != SlaEventKind.Paused)
        {
            t += Duration.FromMinutes(gaps[^1]);
            events.Add(new SlaEvent(SlaEventKind.Responded, t));
        }

        return new SlaCase(channel, urgency, [.. events], received + Duration.FromMinutes(later));
    }
}

public sealed class ResponseTimesJsonTests
{
    private static readonly ResponsePolicy Policy = ResponsePolicy.NhtrcDefault;
    private static readonly JsonSerializerOptions UserOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static Instant Edt(int day, int hour, int minute = 0) =>
        Instant.FromUtc(2026, 3, day, 0, 0) + Duration.FromHours(hour + 4) + Duration.FromMinutes(minute);

    [Fact]
    public void Deadline_Golden()
    {
        var deadline = Policy.ComputeDeadline(Instant.FromUtc(2026, 7, 2, 22, 59), ContactChannel.Email, Urgency.NonUrgent);

        Assert.Equal(
            """{"receivedAt":"2026-07-02T22:59:00Z","channel":"email","urgency":"nonUrgent","targetBy":"2026-07-06T23:00:00Z","dueBy":"2026-07-08T23:00:00Z","policyId":"nhtrc-default","ruleId":"non-urgent","explanation":"non-urgent email received Thu 2 Jul 18:59 EDT; Fri 3 Jul is Independence Day (observed); target: close of Mon 6 Jul; due: close of Wed 8 Jul"}""",
            ResponseDeadlineJson.Serialize(deadline));
    }

    [Fact]
    public void SlaState_Golden_PastTargetWithAWarning()
    {
        // docs/deadlines.md: a non-urgent email received Mon 9 Mar 10:00 EDT, read at Wed 11 Mar 12:00.
        var state = SlaClock.Evaluate(Policy, ContactChannel.Email, Urgency.NonUrgent, [new SlaEvent(SlaEventKind.Received, Edt(9, 10))], Edt(11, 12));

        Assert.Equal(
            """{"at":"2026-03-11T16:00:00Z","status":"pastTarget","paused":false,"respondedAt":null,"targetMet":null,"allowedToTarget":"PT19H","allowedToDue":"PT39H","remainingToTarget":"-PT3H","remainingToDue":"PT17H","effectiveTargetBy":"2026-03-10T23:00:00Z","effectiveDueBy":"2026-03-12T23:00:00Z","warning":"halfUsed","halfUsedAt":"2026-03-11T13:30:00Z","threeQuartersUsedAt":"2026-03-12T13:15:00Z","deadline":{"receivedAt":"2026-03-09T14:00:00Z","channel":"email","urgency":"nonUrgent","targetBy":"2026-03-10T23:00:00Z","dueBy":"2026-03-12T23:00:00Z","policyId":"nhtrc-default","ruleId":"non-urgent","explanation":"non-urgent email received Mon 9 Mar 10:00 EDT; target: close of Tue 10 Mar; due: close of Thu 12 Mar"}}""",
            SlaStateJson.Serialize(state));
    }

    [Fact]
    public void SlaState_Paused_HasNullEffectiveDeadlines_AndAnsweredHasTargetMet()
    {
        var paused = SlaClock.Evaluate(Policy, ContactChannel.Email, Urgency.NonUrgent,
            [new SlaEvent(SlaEventKind.Received, Edt(9, 10)), new SlaEvent(SlaEventKind.Paused, Edt(9, 12))], Edt(9, 13));
        var json = ResultJsonAssert.Parse(SlaStateJson.Serialize(paused));
        Assert.True(json["paused"]!.GetValue<bool>());
        Assert.Null(json["effectiveDueBy"]);
        Assert.True(json.ContainsKey("effectiveDueBy"));

        var met = SlaClock.Evaluate(Policy, ContactChannel.Email, Urgency.NonUrgent,
            [new SlaEvent(SlaEventKind.Received, Edt(9, 10)), new SlaEvent(SlaEventKind.Responded, Edt(9, 11))], Edt(9, 13));
        json = ResultJsonAssert.Parse(SlaStateJson.Serialize(met));
        Assert.Equal("met", json["status"]!.GetValue<string>());
        Assert.True(json["targetMet"]!.GetValue<bool>());
        Assert.Equal("2026-03-09T15:00:00Z", json["respondedAt"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(0L, "PT0S")]
    [InlineData(1L, "PT0.000000001S")]
    [InlineData(500_000_000L, "PT0.5S")]
    [InlineData(-3L * 3600 * 1_000_000_000, "-PT3H")]
    [InlineData(39L * 3600 * 1_000_000_000, "PT39H")]
    [InlineData(((25L * 3600) + (30 * 60) + 5) * 1_000_000_000, "PT25H30M5S")]
    [InlineData(-((2L * 60) + 1) * 1_000_000_000, "-PT2M1S")]
    public void Durations_AreIso8601_InHoursMinutesAndSeconds(long nanoseconds, string expected) =>
        Assert.Equal(expected, ResponseTimesResultWriter.FormatDuration(Duration.FromNanoseconds(nanoseconds)));

    [Fact]
    public void Durations_OfCenturies_DoNotOverflow() =>
        Assert.Equal("-PT2629800H", ResponseTimesResultWriter.FormatDuration(-Duration.FromDays(109_575)));

    [Fact]
    public void Facade_StreamsAndWritersGiveTheSameText()
    {
        var state = SlaClock.Evaluate(Policy, ContactChannel.Chat, Urgency.Urgent, [new SlaEvent(SlaEventKind.Received, Edt(9, 10))], Edt(9, 11));
        var text = SlaStateJson.Serialize(state);

        using var stream = new MemoryStream();
        SlaStateJson.Write(state, stream);
        Assert.Equal(text, Encoding.UTF8.GetString(stream.ToArray()));

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            SlaStateJson.Write(state, writer);
            ResponseDeadlineJson.Write(state.Deadline, writer);
            writer.WriteEndArray();
        }

        Assert.Equal("[" + text + "," + ResponseDeadlineJson.Serialize(state.Deadline) + "]", Encoding.UTF8.GetString(buffer.ToArray()));
        Assert.Throws<ArgumentNullException>(() => SlaStateJson.Serialize(null!));
        Assert.Throws<ArgumentNullException>(() => ResponseDeadlineJson.Write(state.Deadline, (Stream)null!));
    }

    [Fact]
    public void ReflectionSerializer_WritesWhatTheFacadeWrites_AndCannotRead()
    {
        var state = SlaClock.Evaluate(Policy, ContactChannel.Email, Urgency.NonUrgent, [new SlaEvent(SlaEventKind.Received, Edt(9, 10))], Edt(11, 12));

        Assert.Equal(SlaStateJson.Serialize(state), JsonSerializer.Serialize(state));
        Assert.Equal(ResponseDeadlineJson.Serialize(state.Deadline), JsonSerializer.Serialize(state.Deadline));

        // The user's options change layout only, never the members.
        var indented = JsonSerializer.Serialize(state, UserOptions);
        Assert.Contains('\n', indented);
        Assert.True(JsonElement.DeepEquals(JsonDocument.Parse(indented).RootElement, JsonDocument.Parse(SlaStateJson.Serialize(state)).RootElement));
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<SlaState>(SlaStateJson.Serialize(state)));
    }

    [Property(Arbitrary = [typeof(DefaultPolicyPropertyTests)], MaxTest = 200)]
    public void Deadline_Json_HasItsInstantsAndNames(Instant received)
    {
        foreach (var channel in Enum.GetValues<ContactChannel>())
        {
            foreach (var urgency in new[] { Urgency.Urgent, Urgency.NonUrgent })
            {
                var deadline = Policy.ComputeDeadline(received, channel, urgency);
                var text = ResponseDeadlineJson.Serialize(deadline);
                var json = ResultJsonAssert.Parse(text);
                Assert.Equal(["receivedAt", "channel", "urgency", "targetBy", "dueBy", "policyId", "ruleId", "explanation"], ResultJsonAssert.Names(json));
                ResultJsonAssert.Instant(json["receivedAt"], deadline.ReceivedAt, "receivedAt");
                ResultJsonAssert.Instant(json["targetBy"], deadline.TargetBy, "targetBy");
                ResultJsonAssert.Instant(json["dueBy"], deadline.DueBy, "dueBy");
                ResultJsonAssert.Enum(json["channel"], channel, "channel");
                ResultJsonAssert.Enum(json["urgency"], urgency, "urgency");
                Assert.Equal(deadline.Policy.Id, json["policyId"]!.GetValue<string>());
                Assert.Equal(deadline.Rule.Id, json["ruleId"]!.GetValue<string>());
                Assert.Equal(deadline.Explanation, json["explanation"]!.GetValue<string>());
                Assert.Equal(text, JsonSerializer.Serialize(deadline));
            }
        }
    }

    [Property(Arbitrary = [typeof(SlaArbitraries)], MaxTest = 300)]
    public void SlaState_Json_HasItsInstantsDurationsAndNames(SlaCase input)
    {
        var state = input.Evaluate();
        var text = SlaStateJson.Serialize(state);
        var json = ResultJsonAssert.Parse(text);

        Assert.Equal(
            ["at", "status", "paused", "respondedAt", "targetMet", "allowedToTarget", "allowedToDue", "remainingToTarget", "remainingToDue",
             "effectiveTargetBy", "effectiveDueBy", "warning", "halfUsedAt", "threeQuartersUsedAt", "deadline"],
            ResultJsonAssert.Names(json));
        ResultJsonAssert.Instant(json["at"], state.At, "at");
        ResultJsonAssert.Instant(json["respondedAt"], state.RespondedAt, "respondedAt");
        ResultJsonAssert.Instant(json["effectiveTargetBy"], state.EffectiveTargetBy, "effectiveTargetBy");
        ResultJsonAssert.Instant(json["effectiveDueBy"], state.EffectiveDueBy, "effectiveDueBy");
        ResultJsonAssert.Instant(json["halfUsedAt"], state.HalfUsedAt, "halfUsedAt");
        ResultJsonAssert.Instant(json["threeQuartersUsedAt"], state.ThreeQuartersUsedAt, "threeQuartersUsedAt");
        ResultJsonAssert.Instant(json["deadline"]!["targetBy"], state.Deadline.TargetBy, "deadline.targetBy");
        ResultJsonAssert.Enum(json["status"], state.Status, "status");
        ResultJsonAssert.Enum(json["warning"], state.Warning, "warning");
        Assert.Equal(state.IsPaused, json["paused"]!.GetValue<bool>());
        Assert.Equal(state.TargetMet, json["targetMet"]?.GetValue<bool>());

        // XML Schema's xs:duration reader, which shares no code with ours, reads the same amounts back.
        Assert.Equal(state.AllowedToTarget.ToTimeSpan(), XmlConvert.ToTimeSpan(json["allowedToTarget"]!.GetValue<string>()));
        Assert.Equal(state.AllowedToDue.ToTimeSpan(), XmlConvert.ToTimeSpan(json["allowedToDue"]!.GetValue<string>()));
        Assert.Equal(state.RemainingToTarget.ToTimeSpan(), XmlConvert.ToTimeSpan(json["remainingToTarget"]!.GetValue<string>()));
        Assert.Equal(state.RemainingToDue.ToTimeSpan(), XmlConvert.ToTimeSpan(json["remainingToDue"]!.GetValue<string>()));
        Assert.Equal(ResponseDeadlineJson.Serialize(state.Deadline), json["deadline"]!.ToJsonString());
        Assert.Equal(text, JsonSerializer.Serialize(state));
    }
}
