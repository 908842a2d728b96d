using System.IO;
using System.Linq;
using System.Text;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Tests.ResponseTimes;

public sealed class ResponsePolicyJsonTests
{
    private const string PartnerPolicy = """
        {
          "id": "partner",
          "calendar": {
            "id": "partner-hours",
            "timeZone": "America/Chicago",
            "weeklyHours": { "monday": ["08:00-12:00", "13:00-17:00"], "tuesday": ["08:00-17:00"], "wednesday": ["08:00-17:00"],
                             "thursday": ["08:00-17:00"], "friday": ["08:00-15:00"], "saturday": ["22:00-06:00"] },
            "holidayCalendars": ["us-federal"],
            "holidays": [{ "name": "Staff training day", "date": "2026-10-09" }],
            "overrides": [{ "date": "2026-12-24", "hours": ["08:00-12:00"] }, { "date": "2026-12-31", "closed": true }]
          },
          "rules": [
            { "id": "urgent", "urgency": "urgent", "channels": ["phone", "text", "chat", "email", "webForm"],
              "target": { "kind": "immediate" }, "due": { "kind": "elapsed", "duration": "PT1H30M" } },
            { "id": "routine", "urgency": "nonUrgent", "channels": ["phone", "text", "chat", "email", "webForm"],
              "target": { "kind": "businessTime", "duration": "PT4H" }, "due": { "kind": "businessDays", "days": 2 } }
          ]
        }
        """;

    [Fact]
    public void Parse_AFullPartnerPolicy_BuildsItsCalendarAndRules()
    {
        var policy = ResponsePolicyJson.Parse(PartnerPolicy);

        Assert.Equal("partner", policy.Id);
        var calendar = policy.BusinessCalendar;
        Assert.Equal("America/Chicago", calendar.Zone.Id);
        Assert.Equal(2, calendar.GetHoursOn(new LocalDate(2026, 11, 30)).Length); // a Monday
        Assert.False(calendar.IsBusinessDay(new LocalDate(2026, 10, 9)));          // staff training day (a Friday)
        Assert.False(calendar.IsBusinessDay(new LocalDate(2026, 11, 26)));         // Thanksgiving
        Assert.False(calendar.IsBusinessDay(new LocalDate(2026, 12, 31)));         // override: closed
        Assert.Equal([OpenInterval.Parse("08:00-12:00")], calendar.GetHoursOn(new LocalDate(2026, 12, 24)).ToArray());
        Assert.Equal(ResponseTarget.Elapsed(Duration.FromMinutes(90)), policy.GetRule(ContactChannel.Email, Urgency.Urgent).Due);
        Assert.Equal(ResponseTarget.BusinessDays(2), policy.GetRule(ContactChannel.Phone, Urgency.NonUrgent).Due);
    }

    [Fact]
    public void Serialize_ThenParse_GivesTheSameDeadlines()
    {
        foreach (var policy in new[] { ResponsePolicy.NhtrcDefault, ResponsePolicyJson.Parse(PartnerPolicy) })
        {
            var again = ResponsePolicyJson.Parse(ResponsePolicyJson.Serialize(policy));
            Assert.Equal(ResponsePolicyJson.Serialize(policy), ResponsePolicyJson.Serialize(again));
            for (var hour = 0; hour < 24 * 20; hour += 7)
            {
                var received = Instant.FromUtc(2026, 10, 1, 0, 0) + Duration.FromHours(hour);
                foreach (var channel in System.Enum.GetValues<ContactChannel>())
                {
                    foreach (var urgency in System.Enum.GetValues<Urgency>())
                    {
                        var expected = policy.ComputeDeadline(received, channel, urgency);
                        var actual = again.ComputeDeadline(received, channel, urgency);
                        Assert.Equal((expected.TargetBy, expected.DueBy, expected.Rule.Id), (actual.TargetBy, actual.DueBy, actual.Rule.Id));
                    }
                }
            }
        }
    }

    [Fact]
    public void Serialize_TheDefault_RefersToTheKnownCalendarById()
    {
        var json = ResponsePolicyJson.Serialize(ResponsePolicy.NhtrcDefault);
        Assert.Contains("\"calendar\": \"nhtrc-business-hours\"", json, System.StringComparison.Ordinal);
        Assert.Contains("\"duration\": \"PT12H\"", json, System.StringComparison.Ordinal);
    }

    [Fact]
    public void SaveAndLoad_UseStreams()
    {
        using var stream = new MemoryStream();
        ResponsePolicyJson.Write(ResponsePolicy.NhtrcDefault, stream);
        stream.Position = 0;
        Assert.Equal(ResponsePolicy.NhtrcDefault.Rules.Select(r => r.ToString()), ResponsePolicyJson.Load(stream).Rules.Select(r => r.ToString()));
    }

    [Fact]
    public void Parse_AnInvalidPolicy_NamesEveryProblemWithItsPath()
    {
        const string json = """
            {
              "id": "",
              "calendar": { "id": "x", "timeZone": "Mars/Olympus_Mons", "weeklyHours": { "funday": ["09:00-17:00"], "monday": ["9-5"] },
                            "holidayCalendars": ["klingon"], "overrides": [{ "date": "2026-02-30", "closed": true }, { "date": "2026-03-02" }] },
              "rules": [
                { "id": "a", "urgency": "soon", "channels": ["fax", "email"], "target": { "kind": "elapsed" }, "due": { "kind": "businessDays", "days": 0 } },
                { "id": "b", "urgency": "nonUrgent", "channels": [], "target": { "kind": "immediate", "days": 2 }, "due": null, "colour": "red" }
              ],
              "extra": 1
            }
            """;

        var e = Assert.Throws<NhtrcValidationException>(() => ResponsePolicyJson.Parse(json));
        var locations = e.Problems.Select(p => p.Location).ToArray();

        Assert.Equal(
        [
            "$.extra", "$.id",
            "$.calendar.timeZone", "$.calendar.weeklyHours.funday", "$.calendar.weeklyHours.monday[0]",
            "$.calendar.holidayCalendars[0]", "$.calendar.overrides[0].date", "$.calendar.overrides[1]",
            "$.rules[0].urgency", "$.rules[0].channels[0]", "$.rules[0].target.duration", "$.rules[0].due.days",
            "$.rules[1].colour", "$.rules[1].channels", "$.rules[1].target.days", "$.rules[1].due",
        ], locations);
        Assert.Contains("'Mars/Olympus_Mons' is not a time zone", e.Message, System.StringComparison.Ordinal);
        Assert.Contains("'fax' is not one of: phone, text, chat, email, webForm", e.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RulesThatLeaveAPairUncovered_AreRejectedWithThePair()
    {
        const string json = """
            { "id": "p", "calendar": "always-open", "rules": [
              { "id": "u", "urgency": "urgent", "channels": ["phone","text","chat","email","webForm"], "target": {"kind":"immediate"}, "due": {"kind":"immediate"} },
              { "id": "n", "urgency": "nonUrgent", "channels": ["phone"], "target": {"kind":"businessDays","days":1}, "due": {"kind":"businessDays","days":1} } ] }
            """;
        var e = Assert.Throws<NhtrcValidationException>(() => ResponsePolicyJson.Parse(json));
        Assert.Equal(4, e.Problems.Length);
        Assert.All(e.Problems, p => Assert.Equal("$.rules", p.Location));
        Assert.Contains(e.Problems, p => p.Message == "no rule covers non-urgent webForm.");
    }

    [Theory]
    [InlineData("{ \"id\": ", "$.id")]
    [InlineData("{ \"id\": \"p\", \"rules\": 3 }", "$.rules")]
    [InlineData("[]", "$")]
    public void Parse_MalformedJson_IsOneProblemWithItsLocation(string json, string location)
    {
        var e = Assert.Throws<NhtrcValidationException>(() => ResponsePolicyJson.Parse(json));
        Assert.Equal(location, Assert.Single(e.Problems).Location);
    }

    [Fact]
    public void Parse_AnInlineCalendarWithoutId_IsAnError()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => ResponsePolicyJson.Parse(
            PartnerPolicy.Replace("\"id\": \"partner-hours\",", string.Empty, System.StringComparison.Ordinal)));

        Assert.Contains(e.Problems, p => p.Location == "$.calendar.id" && p.Message == "is required.");
    }

    [Fact]
    public void Parse_UnknownCalendarId_ListsTheKnownOnes()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => ResponsePolicyJson.Parse("""{ "id": "p", "calendar": "weekends", "rules": [] }"""));
        Assert.Equal(["$.calendar", "$.rules"], e.Problems.Select(p => p.Location));
        Assert.Contains("nhtrc-business-hours", e.Problems[0].Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FromAStream_ReadsUtf8()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(PartnerPolicy));
        Assert.Equal("partner", ResponsePolicyJson.Load(stream).Id);
    }
}
