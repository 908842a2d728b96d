using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using FsCheck;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Testing;
using Nhtrc.Sdk.Tests.Contacts;
using Nhtrc.Sdk.Tests.Text;
using Nhtrc.Sdk.Triage;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Triage;

/// <summary>A type of a user's own, holding results, in a source-generated context of the user's own.</summary>
public sealed class UserReport
{
    public required TriageOutcome Outcome { get; init; }

    public required SlaState State { get; init; }
}

[JsonSerializable(typeof(UserReport))]
internal sealed partial class UserJsonContext : JsonSerializerContext
{
}

[Properties(Arbitrary = [typeof(NhtrcArbitraries), typeof(PrivacyArbitraries)], MaxTest = 200)]
public sealed class TriageOutcomeJsonTests
{
    private static readonly TriageEngine Engine = TriageEngine.NhtrcDefault;

    /// <summary>
    /// A tip about a minor at night who needs an interpreter: non-urgent, mandatory reports, the queue closed until
    /// Monday. (It said shelter tonight until the default rules followed the crisis definition, which makes that
    /// urgent.)
    /// </summary>
    private static TriageOutcome MinorTipAtNight() => TriageExamples.TriageAt(TriageExamples.Contact(
        RequestKind.Tip,
        new ContactSignals { MinorInvolved = true, LanguageInterpretationNeeded = true },
        receivedAt: TriageExamples.ThursdayClose,
        referralNeeds: ["legalServices"]));

    [Fact]
    public void Golden_NonUrgentMinorTip()
    {
        const string Reason = "mandatory reporting of suspected child abuse (state mandated-reporter laws; 34 U.S.C. 20341 for covered professionals); confirm the requirements of the state concerned";
        var outcome = MinorTipAtNight();
        var rules = outcome.FiredRules.ToDictionary(r => r.Id, r => JsonSerializer.Serialize(r.Reason));

        Assert.Equal(
            "{\"contactId\":\"t-0001\",\"triagedAt\":\"2026-07-02T23:00:00Z\",\"ruleSetId\":\"nhtrc-default\",\"urgency\":\"nonUrgent\","
            + $"\"urgencyRules\":[{{\"id\":\"routine\",\"reason\":{rules["routine"]}}}],"
            + "\"queue\":{\"name\":\"businessHours\",\"openNow\":false,\"opensAt\":\"2026-07-06T13:00:00Z\"},"
            + "\"deadline\":{\"receivedAt\":\"2026-07-02T23:00:00Z\",\"channel\":\"phone\",\"urgency\":\"nonUrgent\",\"targetBy\":\"2026-07-06T23:00:00Z\",\"dueBy\":\"2026-07-08T23:00:00Z\",\"policyId\":\"nhtrc-default\",\"ruleId\":\"non-urgent\","
            + $"\"explanation\":{JsonSerializer.Serialize(outcome.Deadline.Explanation)}}},"
            + "\"escalations\":["
            + $"{{\"kind\":\"childWelfare\",\"recipient\":\"child-protective-services\",\"basis\":\"mandatoryReport\",\"legalBasis\":{JsonSerializer.Serialize(Reason)},\"made\":true,\"consent\":\"notRequired\",\"explanation\":{JsonSerializer.Serialize(outcome.Escalations[0].Explanation)},\"ruleId\":\"minor-may-be-abused\"}},"
            + $"{{\"kind\":\"lawEnforcement\",\"recipient\":\"local-law-enforcement\",\"basis\":\"mandatoryReport\",\"legalBasis\":{JsonSerializer.Serialize(Reason)},\"made\":true,\"consent\":\"notRequired\",\"explanation\":{JsonSerializer.Serialize(outcome.Escalations[1].Explanation)},\"ruleId\":\"minor-may-be-abused\"}},"
            + $"{{\"kind\":\"supervisor\",\"recipient\":\"shift-supervisor\",\"basis\":\"hotlinePolicy\",\"legalBasis\":null,\"made\":true,\"consent\":\"notRequired\",\"explanation\":{JsonSerializer.Serialize(outcome.Escalations[2].Explanation)},\"ruleId\":\"potential-trafficking\"}}],"
            + "\"followUps\":{\"referralNeeds\":[\"legalServices\",\"interpretation\"],\"technicalAssistance\":[]},"
            + "\"firedRules\":["
            + string.Join(",", outcome.FiredRules.Select(r => $"{{\"id\":\"{r.Id}\",\"reason\":{rules[r.Id]}}}"))
            + "],\"callerTimeZone\":\"America/Chicago\"}",
            TriageOutcomeJson.Serialize(outcome));
        Assert.Equal(["minor-may-be-abused", "potential-trafficking", "interpretation", "routine"], outcome.FiredRules.Select(r => r.Id));
    }

    [Fact]
    public void OpenQueue_HasNullOpensAt_AndEscalationWithoutLegalBasisHasNull()
    {
        var outcome = TriageExamples.TriageAt(TriageExamples.Contact(RequestKind.Crisis, new ContactSignals { ImmediateDanger = true }));
        var json = ResultJsonAssert.Parse(TriageOutcomeJson.Serialize(outcome));

        Assert.Equal(["name", "openNow", "opensAt"], ResultJsonAssert.Names(json["queue"]));
        Assert.Null(json["queue"]!["opensAt"]);
        Assert.True(json["queue"]!["openNow"]!.GetValue<bool>());
        Assert.All(json["escalations"]!.AsArray(), e => Assert.True(e!.AsObject().ContainsKey("legalBasis")));
        Assert.Equal("emergencyServices", json["escalations"]![0]!["kind"]!.GetValue<string>());
    }

    [Fact]
    public void ReflectionSerializer_AndAUsersOwnSourceGeneratedContext_WriteWhatTheFacadeWrites()
    {
        var outcome = MinorTipAtNight();
        var text = TriageOutcomeJson.Serialize(outcome);
        var state = SlaClock.Evaluate(outcome.Deadline, [new SlaEvent(SlaEventKind.Received, outcome.Deadline.ReceivedAt)], outcome.TriagedAt);

        Assert.Equal(text, JsonSerializer.Serialize(outcome));
        Assert.Equal(
            $"{{\"Outcome\":{text},\"State\":{SlaStateJson.Serialize(state)}}}",
            JsonSerializer.Serialize(new UserReport { Outcome = outcome, State = state }, UserJsonContext.Default.UserReport));
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<TriageOutcome>(text));
    }

    [Property]
    public void Json_Parses_WithInstantsAndNamesInTheirWireForms(TriageScenario input)
    {
        var outcome = Engine.Triage(input.Contact, input.At);
        var text = TriageOutcomeJson.Serialize(outcome);
        var json = ResultJsonAssert.Parse(text);

        Assert.Equal(["contactId", "triagedAt", "ruleSetId", "urgency", "urgencyRules", "queue", "deadline", "escalations", "followUps", "firedRules", "callerTimeZone"], ResultJsonAssert.Names(json));
        ResultJsonAssert.Instant(json["triagedAt"], outcome.TriagedAt, "triagedAt");
        ResultJsonAssert.Instant(json["queue"]!["opensAt"], outcome.QueueOpensAt, "queue.opensAt");
        ResultJsonAssert.Instant(json["deadline"]!["receivedAt"], outcome.Deadline.ReceivedAt, "deadline.receivedAt");
        ResultJsonAssert.Instant(json["deadline"]!["targetBy"], outcome.Deadline.TargetBy, "deadline.targetBy");
        ResultJsonAssert.Instant(json["deadline"]!["dueBy"], outcome.Deadline.DueBy, "deadline.dueBy");
        ResultJsonAssert.Enum(json["urgency"], outcome.Urgency, "urgency");
        ResultJsonAssert.Enum(json["queue"]!["name"], outcome.Queue, "queue.name");
        ResultJsonAssert.Enum(json["deadline"]!["channel"], outcome.Deadline.Channel, "deadline.channel");
        var escalations = json["escalations"]!.AsArray();
        Assert.Equal(outcome.Escalations.Length, escalations.Count);
        for (var i = 0; i < escalations.Count; i++)
        {
            var e = outcome.Escalations[i];
            ResultJsonAssert.Enum(escalations[i]!["kind"], e.Kind, "kind");
            ResultJsonAssert.Enum(escalations[i]!["basis"], e.Basis, "basis");
            ResultJsonAssert.Enum(escalations[i]!["consent"], e.Consent, "consent");
            Assert.Equal(e.IsMade, escalations[i]!["made"]!.GetValue<bool>());
            Assert.Equal(e.Rule.Id, escalations[i]!["ruleId"]!.GetValue<string>());
        }

        var ta = json["followUps"]!["technicalAssistance"]!.AsArray();
        Assert.Equal(outcome.TechnicalAssistance.Length, ta.Count);
        for (var i = 0; i < ta.Count; i++)
        {
            ResultJsonAssert.Enum(ta[i], outcome.TechnicalAssistance[i], "technicalAssistance");
        }

        Assert.Equal(outcome.FiredRules.Select(r => r.Id), json["firedRules"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal(outcome.UrgencyRules.Select(r => r.Id), json["urgencyRules"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal(outcome.CallerTimeZone?.Id, json["callerTimeZone"]?.GetValue<string>());
        Assert.Equal(text, JsonSerializer.Serialize(outcome));
    }

    [Property]
    public void Json_IsDeterministic(TriageScenario input)
    {
        var first = Engine.Triage(input.Contact, input.At);
        var second = new TriageEngine(Engine.Rules, Engine.Policy, Engine.BusinessCalendar).Triage(input.Contact, input.At);

        Assert.Equal(TriageOutcomeJson.Serialize(first), TriageOutcomeJson.Serialize(second));
    }

    [Property]
    public void Json_NeverHoldsPersonalData(SecretContact input, NonNegativeInt minutes)
    {
        var contact = input.Contact;
        var outcome = Engine.Triage(contact, contact.ReceivedAt + Duration.FromMinutes(minutes.Get % (60 * 24 * 14)));

        // Both the escaped text and what it reads as: a secret must not hide behind a \u escape.
        var text = TriageOutcomeJson.Serialize(outcome);
        var unescaped = ResultJsonAssert.Unescaped(text);
        foreach (var secret in input.Secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, unescaped, StringComparison.Ordinal);
        }
    }
}
