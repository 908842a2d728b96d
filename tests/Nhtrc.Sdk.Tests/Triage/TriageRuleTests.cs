using System;
using System.Linq;
using System.Threading.Tasks;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Triage;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Tests.Triage;

public class TriageRuleTests
{
    [Fact]
    public void Constructor_ListsEveryProblem_ByMemberName()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => new TriageRule(
            "bad id",
            "",
            TriageCondition.HasConsent(ConsentScope.Callback, "nhtrc"),
            queue: TriageQueue.TwentyFourSevenLine,
            escalations: [new EscalationAction(EscalationKind.EmergencyServices, "911", EscalationBasis.ImminentHarm)],
            offerReferralNeeds: [ReferralNeed.Parse("ok"), ReferralNeed.Parse("ok")]));

        Assert.Equal(["id", "reason", "escalations[0]", "offerReferralNeeds[1]", "when"], e.Problems.Select(p => p.Location));
    }

    [Fact]
    public void Constructor_WithoutAction_Throws()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => new TriageRule("r", "Does nothing.", TriageCondition.Always));

        Assert.Equal("rule", Assert.Single(e.Problems).Location);
    }

    [Fact]
    public void EscalationAction_ChecksBasisPerKind_AndLegalBasis()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => new EscalationAction(EscalationKind.Supervisor, "*", EscalationBasis.MandatoryReport));

        Assert.Equal(["recipient", "basis", "legalBasis"], e.Problems.Select(p => p.Location));
        Assert.Contains("use hotlinePolicy", e.Message, StringComparison.Ordinal);
        Assert.Equal("fbi", new EscalationAction(EscalationKind.LawEnforcement, "FBI", EscalationBasis.Consent).Recipient);
    }

    [Fact]
    public void Conditions_ValidateTheirArguments()
    {
        Assert.Throws<NhtrcValidationException>(() => TriageCondition.Any());
        Assert.Throws<NhtrcValidationException>(() => TriageCondition.RequestKindIn());
        Assert.Throws<NhtrcValidationException>(() => TriageCondition.ChannelIn((ContactChannel)42));
        Assert.Throws<NhtrcValidationException>(() => TriageCondition.Signal((TriageSignal)0));
        Assert.Throws<NhtrcValidationException>(() => TriageCondition.HasConsent(ConsentScope.LawEnforcementReport, "*"));
        Assert.Throws<ArgumentNullException>(() => TriageCondition.Not(null!));
        Assert.Throws<ArgumentNullException>(() => TriageCondition.All([null!]));
        Assert.True(TriageCondition.All().Matches(TriageExamples.Contact(), TriageExamples.ThursdayAfternoon));
    }

    [Theory]
    [InlineData(CallerRole.LawEnforcement, true)]
    [InlineData(CallerRole.Student, false)]
    public void RoleIn_MatchesTheCallersRole(CallerRole role, bool expected)
    {
        var condition = TriageCondition.RoleIn(CallerRole.LawEnforcement, CallerRole.FederalOfficial);

        Assert.Equal(expected, condition.Matches(TriageExamples.Contact(role: role), TriageExamples.ThursdayAfternoon));
    }

    [Fact]
    public void Signal_TestsEachFlag()
    {
        foreach (var signal in Enum.GetValues<TriageSignal>())
        {
            var name = signal.ToString();
            var signals = (ContactSignals)typeof(ContactSignals).GetMethod("<Clone>$")!.Invoke(ContactSignals.None, null)!;
            typeof(ContactSignals).GetProperty(name)!.SetValue(signals, true);
            var condition = TriageCondition.Signal(signal);

            Assert.True(condition.Matches(TriageExamples.Contact(signals: signals), TriageExamples.ThursdayAfternoon), name);
            Assert.False(condition.Matches(TriageExamples.Contact(), TriageExamples.ThursdayAfternoon), name);
        }
    }

    [Fact]
    public void TriageRules_RejectsDuplicateIdsAndEmptySets()
    {
        var rule = new TriageRule("r", "Urgent.", TriageCondition.Always, Urgency.Urgent);

        var e = Assert.Throws<NhtrcValidationException>(() => new TriageRules("", [rule, rule]));
        Assert.Equal(["id", "rules[1].id"], e.Problems.Select(p => p.Location));
        Assert.Equal(["rules"], Assert.Throws<NhtrcValidationException>(() => new TriageRules("x", [])).Problems.Select(p => p.Location));
    }

    [Fact]
    public void TriageRules_NamesTheFirstRuleWithTheSameId_ForEveryRepeat()
    {
        TriageRule Rule(string id) => new(id, "Urgent.", TriageCondition.Always, Urgency.Urgent);

        var e = Assert.Throws<NhtrcValidationException>(() => new TriageRules("x", [Rule("a"), Rule("b"), Rule("a"), Rule("A"), Rule("b"), Rule("a")]));

        Assert.Equal(["rules[2].id", "rules[4].id", "rules[5].id"], e.Problems.Select(p => p.Location));
        Assert.Equal(
            ["'a' is already the id of rules[0].", "'b' is already the id of rules[1].", "'a' is already the id of rules[0]."],
            e.Problems.Select(p => p.Message));
    }

    [Fact]
    public async Task TriageRules_WithAHundredThousandRules_ChecksTheirIdsInLinearTime()
    {
        // The ids were compared pairwise: 5 billion comparisons for 100,000 rules.
        var rules = Enumerable.Range(0, 100_000).Select(i => new TriageRule($"rule-{i:D6}", "Urgent.", TriageCondition.Always, Urgency.Urgent)).ToList();
        rules.Add(rules[^1]);

        var check = Task.Run(() => Assert.Throws<NhtrcValidationException>(() => new TriageRules("big", rules)));

        Assert.Same(check, await Task.WhenAny(check, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.Equal("rules[100000].id", Assert.Single((await check).Problems).Location);
    }
}
