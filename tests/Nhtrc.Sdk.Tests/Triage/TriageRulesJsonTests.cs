using System;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Triage;
using Nhtrc.Sdk.Validation;
using static Nhtrc.Sdk.Tests.Triage.TriageExamples;

namespace Nhtrc.Sdk.Tests.Triage;

public class TriageRulesJsonTests
{
    private static string[] Locations(string json) =>
        Assert.Throws<NhtrcValidationException>(() => TriageRulesJson.Parse(json)).Problems.Select(p => p.Location).ToArray();

    [Fact]
    public void Parse_ReadsEveryConditionForm()
    {
        var rules = TriageRulesJson.Parse("""
            {
              "id": "custom",
              "rules": [
                {
                  "id": "everything",
                  "reason": "Exercises every test.",
                  "when": { "all": [
                    { "requestKind": ["tip", "crisis"] },
                    { "channel": ["webForm"] },
                    { "role": ["communityMember"] },
                    { "traffickingType": ["labor", "both"] },
                    { "signal": "callerHasDirectKnowledge" },
                    { "anonymous": true },
                    { "not": { "any": [ { "signal": "minorInvolved" }, { "channel": ["phone"] } ] } }
                  ] },
                  "queue": "twentyFourSevenLine",
                  "offerReferralNeeds": ["legalServices"],
                  "offerTechnicalAssistance": ["directReferral"]
                },
                { "id": "consented", "reason": "Escalation only.", "when": { "hasConsent": { "scope": "lawEnforcementReport", "recipient": "HSI" } },
                  "escalations": [ { "kind": "lawEnforcement", "recipient": "hsi", "basis": "consent" } ] }
              ]
            }
            """);

        var rule = rules.Rules[0];
        Assert.Equal(
            "all(requestKind in [tip, crisis], channel in [webForm], role in [communityMember], traffickingType in [labor, both], " +
            "signal callerHasDirectKnowledge, anonymous true, not(any(signal minorInvolved, channel in [phone])))",
            rule.When.ToString());
        Assert.Equal("hasConsent lawEnforcementReport to hsi", rules.Rules[1].When.ToString());

        var signals = new ContactSignals { CallerHasDirectKnowledge = true, TraffickingType = TraffickingType.Labor };
        var engine = new TriageEngine(rules, Sdk.ResponseTimes.ResponsePolicy.NhtrcDefault, Sdk.Scheduling.KnownServiceCalendars.NhtrcBusinessHours);
        var matching = Contact(RequestKind.Tip, signals, ContactChannel.WebForm, anonymous: true, receivedAt: Saturday);
        var outcome = engine.Triage(matching, Saturday);
        Assert.Equal(Urgency.NonUrgent, outcome.Urgency);
        Assert.Equal(TriageQueue.TwentyFourSevenLine, outcome.Queue);
        Assert.True(outcome.IsQueueOpen);
        Assert.Equal(["legalServices"], outcome.ReferralNeeds.Select(n => n.Id));
        Assert.Equal([TechnicalAssistanceKind.DirectReferral], outcome.TechnicalAssistance.ToArray());
        Assert.Empty(engine.Triage(Contact(RequestKind.Tip, signals, ContactChannel.Phone, anonymous: true), ThursdayAfternoon).FiredRules);
        Assert.Empty(engine.Triage(Contact(RequestKind.Tip, signals, ContactChannel.WebForm, anonymous: false), ThursdayAfternoon).FiredRules);
        Assert.Empty(engine.Triage(Contact(RequestKind.Tip, signals with { MinorInvolved = true }, ContactChannel.WebForm, anonymous: true), ThursdayAfternoon).FiredRules);
    }

    [Fact]
    public void Parse_BadDocument_NamesEveryProblemWithItsPath()
    {
        var locations = Locations("""
            {
              "id": "bad id!",
              "extra": 1,
              "rules": [
                { "id": "a", "reason": " ", "urgency": "soon", "color": "red" },
                { "id": "b", "reason": "Two tests in one object.", "when": { "signal": "onFire", "channel": [] }, "urgency": "urgent" },
                { "id": "c", "reason": "Empty combinators.", "when": { "all": [ { "any": [] }, { "not": { } }, { "requestKind": ["crisis", "crisis", "fax"] } ] }, "urgency": "urgent" },
                { "id": "d", "reason": "Emergency without urgency.", "escalations": [ { "kind": "emergencyServices", "recipient": "911", "basis": "imminentHarm" } ] },
                { "id": "e", "reason": "Bad escalations.", "escalations": [
                  { "kind": "childWelfare", "recipient": "cps", "basis": "consent" },
                  { "kind": "lawEnforcement", "recipient": "*", "basis": "mandatoryReport" },
                  { "kind": "police", "recipient": "x", "basis": "hotlinePolicy", "legalBasis": "none" },
                  { "kind": "supervisor", "recipient": "s", "basis": "hotlinePolicy", "legalBasis": "none" }
                ] },
                { "id": "f", "reason": "Consent-gated service.", "when": { "hasConsent": { "scope": "callback", "recipient": "nhtrc" } }, "urgency": "urgent" },
                { "id": "g", "reason": "Urgent to business hours.", "urgency": "urgent", "queue": "businessHours", "offerReferralNeeds": ["Shelter", "legalServices", "legalServices"], "offerTechnicalAssistance": ["posters"] },
                { "id": "a", "reason": "No action." },
                null
              ]
            }
            """);

        Assert.Equal(
        [
            "$.extra", "$.id",
            "$.rules[0].color", "$.rules[0].urgency", "$.rules[0].reason",
            "$.rules[1].when",
            "$.rules[2].when.all[0].any", "$.rules[2].when.all[1].not", "$.rules[2].when.all[2].requestKind[1]", "$.rules[2].when.all[2].requestKind[2]",
            "$.rules[3].escalations[0]",
            "$.rules[4].escalations[0].basis", "$.rules[4].escalations[1].recipient", "$.rules[4].escalations[1].legalBasis",
            "$.rules[4].escalations[2].kind", "$.rules[4].escalations[3].legalBasis",
            "$.rules[5].when",
            "$.rules[6].offerTechnicalAssistance[0]", "$.rules[6].queue", "$.rules[6].offerReferralNeeds[0]", "$.rules[6].offerReferralNeeds[2]",
            "$.rules[7]",
            "$.rules[8]",
            "$.rules[7].id",
        ],
        locations);
    }

    [Fact]
    public void Parse_Messages_SayWhatIsWrong()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => TriageRulesJson.Parse("""
            { "id": "x", "rules": [ { "id": "r", "reason": "r", "when": { "signal": "onFire" }, "urgency": "urgent" },
              { "id": "r", "reason": "r", "urgency": "urgent" } ] }
            """));

        Assert.Equal("triage rules document", e.Subject);
        Assert.Contains("$.rules[0].when.signal: 'onFire' is not one of: immediateDanger, minorInvolved,", e.Message, StringComparison.Ordinal);
        // A rule that cannot be read does not hide a repeated id.
        Assert.Equal("'r' is already the id of rules[0].", Assert.Single(e.Problems, p => p.Location == "$.rules[1].id").Message);
    }

    [Fact]
    public void Parse_DuplicateIds_AreNamed_WhenEveryRuleIsReadable()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => TriageRulesJson.Parse("""
            { "id": "x", "rules": [ { "id": "r", "reason": "r", "urgency": "urgent" }, { "id": "r", "reason": "r", "urgency": "nonUrgent" } ] }
            """));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("$.rules[1].id", problem.Location);
        Assert.Equal("'r' is already the id of rules[0].", problem.Message);
    }

    [Theory]
    [InlineData("{ \"id\": \"x\", \"rules\": [ { \"id\": \"r\", ", "$.rules[0]")]
    [InlineData("{ \"id\": \"x\", \"rules\": { } }", "$.rules")]
    [InlineData("{ \"id\": \"x\", \"rules\": [ { \"id\": \"r\", \"reason\": \"r\", \"urgency\": \"urgent\", \"when\": { \"anonymous\": \"yes\" } } ] }", "$.rules[0].when.anonymous")]
    public void Parse_MalformedJson_ReportsThePathAndLine(string json, string path)
    {
        var problem = Assert.Single(Assert.Throws<NhtrcValidationException>(() => TriageRulesJson.Parse(json)).Problems);

        Assert.Equal(path, problem.Location);
        Assert.Contains("line 1", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NullOrEmpty_IsAProblem()
    {
        Assert.Equal(["$"], Locations("null"));
        Assert.Equal(["$.id", "$.rules"], Locations("{}"));
    }
}
