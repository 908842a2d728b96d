using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Tests.Scheduling;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Tests.ResponseTimes;

/// <summary>
/// Huge durations and instants at the edges in response policies and the SLA clock (issue 9): validation
/// problems when read or built, the documented range exception when applied, never an overflow.
/// </summary>
public sealed class ResponseTimesEdgeTests
{
    private static readonly ServiceCalendar Plain = new(
        "plain", DateTimeZone.Utc, WeeklyHours.MondayToFriday(OpenInterval.Parse("09:00-17:00")));

    private static ResponsePolicy Default => ResponsePolicy.NhtrcDefault;

    private static string Policy(string target, string due) => $$"""
        {
          "id": "p",
          "calendar": { "id": "c", "timeZone": "UTC", "weeklyHours": { "monday": ["09:00-17:00"] } },
          "rules": [
            { "id": "all-urgent", "urgency": "urgent", "channels": ["phone", "text", "chat", "email", "webForm"], "target": {{target}}, "due": {{due}} },
            { "id": "all-routine", "urgency": "nonUrgent", "channels": ["phone", "text", "chat", "email", "webForm"],
              "target": { "kind": "businessDays", "days": 1 }, "due": { "kind": "businessDays", "days": 3 } }
          ]
        }
        """;

    [Theory]
    [InlineData("elapsed", "P2147483647D")]
    [InlineData("elapsed", "P200000D")]
    [InlineData("elapsed", "PT99999999999H")]
    [InlineData("elapsed", "P367D")]
    [InlineData("businessTime", "P2147483647D")]
    [InlineData("businessTime", "P200000D")]
    [InlineData("businessTime", "PT99999999999H")]
    [InlineData("businessTime", "PT9223372036854775807S")]
    public void Reader_HugeDuration_IsAValidationProblemAtItsPath(string kind, string duration)
    {
        var huge = $$"""{ "kind": "{{kind}}", "duration": "{{duration}}" }""";

        var target = Assert.Throws<NhtrcValidationException>(() => ResponsePolicyJson.Parse(Policy(huge, huge)));
        var due = Assert.Throws<NhtrcValidationException>(() => ResponsePolicyJson.Parse(Policy("""{ "kind": "immediate" }""", huge)));

        Assert.Equal(["$.rules[0].target.duration", "$.rules[0].due.duration"], target.Problems.Select(p => p.Location));
        Assert.Equal(["$.rules[0].due.duration"], due.Problems.Select(p => p.Location));
    }

    [Theory]
    [InlineData(367)]
    [InlineData(2147483647)]
    public void Reader_HugeBusinessDays_IsAValidationProblemAtItsPath(int days)
    {
        var huge = $$"""{ "kind": "businessDays", "days": {{days}} }""";

        var e = Assert.Throws<NhtrcValidationException>(() => ResponsePolicyJson.Parse(Policy("""{ "kind": "immediate" }""", huge)));

        Assert.Equal(["$.rules[0].due.days"], e.Problems.Select(p => p.Location));
    }

    [Fact]
    public void Reader_TheLongestTargets_AreAccepted()
    {
        var policy = ResponsePolicyJson.Parse(Policy("""{ "kind": "businessTime", "duration": "P366D" }""", """{ "kind": "elapsed", "duration": "P366D" }"""));

        Assert.Equal(Duration.FromDays(366), policy.Rules[0].Due.Amount);
        Assert.Equal(policy.Rules[0].ToString(), ResponsePolicyJson.Parse(ResponsePolicyJson.Serialize(policy)).Rules[0].ToString());
    }

    [Fact]
    public void Factories_HugeAmounts_ThrowTheRangeException()
    {
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => ResponseTarget.Elapsed(Duration.MaxValue));
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => ResponseTarget.Elapsed(Duration.FromDays(200_000)));
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => ResponseTarget.BusinessTime(Duration.MaxValue));
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => ResponseTarget.BusinessTime(Duration.FromDays(367)));
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => ResponseTarget.BusinessDays(int.MaxValue));
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => ResponseTarget.BusinessDays(367));
        Assert.Equal("8784h elapsed", ResponseTarget.Elapsed(Duration.FromDays(366)).ToString());
    }

    [Theory]
    [InlineData("elapsed:12", "businessTime:12")]
    [InlineData("elapsed:48", "businessDays:3")]
    [InlineData("elapsed:1", "businessDays:1")]
    [InlineData("businessTime:1", "elapsed:100")]
    [InlineData("businessDays:1", "elapsed:100")]
    [InlineData("businessDays:1", "businessTime:100")]
    public void Rule_MixedKinds_AreAccepted(string due, string target) =>
        _ = new ResponseRule("r", [ContactChannel.Email], Urgency.Urgent, Target(target), Target(due));

    [Theory]
    [InlineData("9999-12-31T23:00:00Z", ContactChannel.Email, Urgency.Urgent)]
    [InlineData("max", ContactChannel.Email, Urgency.Urgent)]
    [InlineData("max", ContactChannel.Phone, Urgency.Urgent)]
    [InlineData("min", ContactChannel.Email, Urgency.NonUrgent)]
    [InlineData("2500-01-01T00:00:00Z", ContactChannel.Email, Urgency.Urgent)]
    public void ComputeDeadline_OutsideTheYears_ThrowsTheRangeException(string text, ContactChannel channel, Urgency urgency) =>
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Default.ComputeDeadline(ServiceCalendarEdgeTests.ParseInstant(text), channel, urgency));

    [Fact]
    public void ComputeDeadline_PastTheLastYear_SaysTheDeadlineWouldFallAfterIt()
    {
        var e = Assert.ThrowsAny<ArgumentOutOfRangeException>(() => Default.ComputeDeadline(Instant.FromUtc(2200, 12, 31, 20, 0), ContactChannel.Email, Urgency.NonUrgent));

        Assert.Contains("after 2200", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ComputeDeadline_NamesTheCause()
    {
        var after = Assert.Throws<CalendarRangeException>(() => Default.ComputeDeadline(Instant.FromUtc(2200, 12, 31, 20, 0), ContactChannel.Email, Urgency.NonUrgent));
        var late = Assert.Throws<CalendarRangeException>(() => Default.ComputeDeadline(Instant.FromUtc(9999, 12, 31, 23, 0), ContactChannel.Email, Urgency.Urgent));

        Assert.Equal(CalendarRangeReason.ResultAfterLastYear, after.Reason);
        Assert.Equal((CalendarRangeReason.InstantAfterLastYear, "receivedAt"), (late.Reason, late.ParamName));
    }

    [Fact]
    public void Policy_BusinessRuleOnACalendarThatNeverOpens_IsAValidationProblem()
    {
        var json = Policy("""{ "kind": "immediate" }""", """{ "kind": "elapsed", "duration": "PT1H" }""").Replace(
            "\"weeklyHours\": { \"monday\": [\"09:00-17:00\"] }", "\"weeklyHours\": {}", StringComparison.Ordinal);

        var e = Assert.Throws<NhtrcValidationException>(() => ResponsePolicyJson.Parse(json));

        Assert.Equal(["$.calendar"], e.Problems.Select(p => p.Location));
        Assert.Contains("never opens", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("max")]
    [InlineData("9999-12-31T23:00:00Z")]
    [InlineData("2263-01-01T00:00:00Z")]
    public void Evaluate_AtAnInstantOutsideTheYears_ThrowsTheRangeException(string text)
    {
        var at = ServiceCalendarEdgeTests.ParseInstant(text);
        var received = Instant.FromUtc(2026, 7, 1, 12, 0);
        foreach (var (channel, urgency) in new[] { (ContactChannel.Email, Urgency.Urgent), (ContactChannel.Email, Urgency.NonUrgent), (ContactChannel.Phone, Urgency.Urgent) })
        {
            Assert.ThrowsAny<ArgumentOutOfRangeException>(() => SlaClock.Evaluate(Default, channel, urgency, [new SlaEvent(SlaEventKind.Received, received)], at));
            Assert.ThrowsAny<ArgumentOutOfRangeException>(() => SlaClock.Evaluate(
                Default, channel, urgency, [new SlaEvent(SlaEventKind.Received, received), new SlaEvent(SlaEventKind.Paused, received + Duration.FromMinutes(1)), new SlaEvent(SlaEventKind.Resumed, at)], at));
            Assert.ThrowsAny<ArgumentOutOfRangeException>(() => SlaClock.Evaluate(
                Default, channel, urgency, [new SlaEvent(SlaEventKind.Received, received), new SlaEvent(SlaEventKind.Responded, at)], at));
        }
    }

    [Fact]
    public void SlaState_FourHundredYearsOverdue_PrintsWithoutOverflow()
    {
        var policy = new ResponsePolicy("p", Plain,
        [
            new ResponseRule("u", Enum.GetValues<ContactChannel>(), Urgency.Urgent, ResponseTarget.Elapsed(Duration.FromHours(1)), ResponseTarget.Elapsed(Duration.FromHours(2))),
            new ResponseRule("n", Enum.GetValues<ContactChannel>(), Urgency.NonUrgent, ResponseTarget.BusinessTime(Duration.FromHours(1)), ResponseTarget.BusinessDays(2)),
        ]);
        var received = Instant.FromUtc(1800, 1, 2, 0, 0);
        var at = Instant.FromUtc(2200, 12, 1, 0, 0);

        var urgent = SlaClock.Evaluate(policy, ContactChannel.Email, Urgency.Urgent, [new SlaEvent(SlaEventKind.Received, received)], at);
        var routine = SlaClock.Evaluate(policy, ContactChannel.Email, Urgency.NonUrgent, [new SlaEvent(SlaEventKind.Received, received)], at);

        Assert.Equal(SlaStatus.Breached, urgent.Status);
        Assert.Equal(SlaWarning.ThreeQuartersUsed, urgent.Warning);
        Assert.EndsWith("overdue", urgent.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("overdue", routine.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(urgent.Deadline.Explanation);
    }

    [Property(MaxTest = 200)]
    public Property Evaluate_AnyInstants_GiveAStateOrTheDocumentedExceptions() =>
        Prop.ForAll(EdgeArbitraries.Instants(), EdgeArbitraries.Instants(), Gen.Elements(Enum.GetValues<ContactChannel>()).ToArbitrary(), (received, at, channel) =>
        {
            foreach (var urgency in new[] { Urgency.Urgent, Urgency.NonUrgent })
            {
                try
                {
                    var state = SlaClock.Evaluate(Default, channel, urgency, [new SlaEvent(SlaEventKind.Received, received)], at);
                    _ = state.ToString();
                    _ = state.Deadline.Explanation;
                    _ = state.Deadline.ToString();
                }
                catch (ArgumentOutOfRangeException)
                {
                }
            }
        });

    [Property(MaxTest = 300)]
    public Property Targets_AnyDuration_AreBuiltAndPrintedOrRefused() =>
        Prop.ForAll(EdgeArbitraries.Durations(), d =>
        {
            foreach (var make in new Func<Duration, ResponseTarget>[] { ResponseTarget.Elapsed, ResponseTarget.BusinessTime })
            {
                try
                {
                    var target = make(d);
                    _ = target.ToString();
                    _ = target.ApplyTo(Instant.FromUtc(2026, 7, 1, 12, 0), Plain);
                }
                catch (ArgumentOutOfRangeException)
                {
                }
            }
        });

    [Property(MaxTest = 500)]
    public Property Formatting_AnyDuration_NeverThrows() =>
        Prop.ForAll(EdgeArbitraries.Durations(), d =>
            ResponseTarget.FormatDuration(d).Length > 0
            && Nhtrc.Sdk.ResponseTimes.Json.ResponseTimesResultWriter.FormatDuration(d).Length > 0
            && Nhtrc.Sdk.Scheduling.Json.ServiceCalendarDocumentReader.FormatIsoDuration(d).Length > 0);

    [Fact]
    public void Formatting_TheExtremes_IsExact()
    {
        Assert.Equal("-PT402653184H", Nhtrc.Sdk.Scheduling.Json.ServiceCalendarDocumentReader.FormatIsoDuration(Duration.MinValue));
        Assert.Equal("-PT402653184H", Nhtrc.Sdk.ResponseTimes.Json.ResponseTimesResultWriter.FormatDuration(Duration.MinValue));
        Assert.Equal("PT402653183H59M59.999999999S", Nhtrc.Sdk.Scheduling.Json.ServiceCalendarDocumentReader.FormatIsoDuration(Duration.MaxValue));
        Assert.Equal("4800000h", ResponseTarget.FormatDuration(Duration.FromDays(200_000)));
        Assert.Equal("-402653184h", ResponseTarget.FormatDuration(Duration.MinValue));
        Assert.Equal("PT12H", Nhtrc.Sdk.Scheduling.Json.ServiceCalendarDocumentReader.FormatIsoDuration(Duration.FromHours(12)));
    }

    private static ResponseTarget Target(string text)
    {
        var parts = text.Split(':');
        return parts[0] switch
        {
            "immediate" => ResponseTarget.Immediate,
            "elapsed" => ResponseTarget.Elapsed(Duration.FromHours(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture))),
            "businessTime" => ResponseTarget.BusinessTime(Duration.FromHours(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture))),
            _ => ResponseTarget.BusinessDays(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture)),
        };
    }
}
