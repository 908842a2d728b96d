using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Testing;
using Nhtrc.Sdk.Tests.Contacts;
using Nhtrc.Sdk.Triage;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Triage;

// Contacts with the instant they are triaged, biased to ages near 18 and to consents around the receipt, come from the
// testing package (NhtrcGenerators.TriageScenarios); personal data to search for, from NhtrcGenerators.DistinctivePersonalData.
[Properties(Arbitrary = [typeof(NhtrcArbitraries), typeof(PrivacyArbitraries)], MaxTest = 300)]
public class TriageProperties
{
    /// <summary>The naive reading of "a minor may be involved": the advocate said so, or some disclosed age is under 18.</summary>
    private static bool MayBeAMinor(ContactSignals signals) =>
        signals.MinorInvolved || (signals.Age is { } age && Enumerable.Range(age.Minimum, age.Maximum - age.Minimum + 1).Any(a => a < 18));

    /// <summary>
    /// The naive reading of the published crisis definition: a crisis, someone in immediate danger or needing emergency
    /// medical care, or a social-service or law-enforcement response needed within 24 hours (shelter tonight is one),
    /// whatever the request kind. Nothing else makes a contact urgent.
    /// </summary>
    private static bool IsACrisis(Contact contact) =>
        contact.RequestKind == RequestKind.Crisis || NeedsImmediateHelp(contact.Signals) || NeedsAResponseWithin24Hours(contact.Signals);

    private static bool NeedsImmediateHelp(ContactSignals signals) => signals.ImmediateDanger || signals.MedicalEmergency;

    private static bool NeedsAResponseWithin24Hours(ContactSignals signals) => signals.ResponseNeededWithin24Hours || signals.NeedsShelterTonight;

    private static readonly TriageEngine Engine = TriageEngine.NhtrcDefault;

    [Property]
    public void Urgency_IsExactlyThePublishedCrisisDefinition(TriageScenario input)
    {
        var outcome = Engine.Triage(input.Contact, input.At);

        Assert.Equal(IsACrisis(input.Contact) ? Urgency.Urgent : Urgency.NonUrgent, outcome.Urgency);
    }

    [Property]
    public void AResponseNeededWithin24Hours_IsUrgent_OnThe247Line_WithThePolicysUrgentDeadline_WhateverTheKind(TriageScenario input)
    {
        var contact = input.Contact;
        if (!NeedsAResponseWithin24Hours(contact.Signals))
        {
            return;
        }

        var outcome = Engine.Triage(contact, input.At);
        var urgent = ResponsePolicy.NhtrcDefault.ComputeDeadline(contact.ReceivedAt, contact.Channel, Urgency.Urgent);
        Assert.Equal(Urgency.Urgent, outcome.Urgency);
        Assert.Contains("response-within-24h", TriageExamples.Ids(outcome.UrgencyRules));
        Assert.Equal(TriageQueue.TwentyFourSevenLine, outcome.Queue);
        Assert.True(outcome.IsQueueOpen);
        Assert.Equal(urgent.TargetBy, outcome.Deadline.TargetBy);
        Assert.Equal(urgent.DueBy, outcome.Deadline.DueBy);
        Assert.Equal(urgent.Rule.Id, outcome.Deadline.Rule.Id);
    }

    [Property]
    public void Urgent_GetsThe247Line_AndADeadlineNoLaterThanThePolicyAllows(TriageScenario input)
    {
        var contact = input.Contact;
        var outcome = Engine.Triage(contact, input.At);
        if (outcome.Urgency != Urgency.Urgent)
        {
            return;
        }

        var allowed = ResponsePolicy.NhtrcDefault.ComputeDeadline(contact.ReceivedAt, contact.Channel, Urgency.Urgent);
        Assert.Equal(TriageQueue.TwentyFourSevenLine, outcome.Queue);
        Assert.True(outcome.IsQueueOpen);
        Assert.Null(outcome.QueueOpensAt);
        Assert.True(outcome.Deadline.DueBy <= allowed.DueBy);
        Assert.True(outcome.Deadline.TargetBy <= outcome.Deadline.DueBy);
        Assert.True(outcome.Deadline.DueBy <= contact.ReceivedAt + Duration.FromHours(12));
        Assert.NotEmpty(outcome.UrgencyRules);
        Assert.All(outcome.UrgencyRules, r => Assert.Equal(Urgency.Urgent, r.Urgency));
    }

    [Property]
    public void NonUrgent_NeverEscalatesToEmergencyServices_AndWaitsForTheNextOpening(TriageScenario input)
    {
        var outcome = Engine.Triage(input.Contact, input.At);
        if (outcome.Urgency != Urgency.NonUrgent)
        {
            return;
        }

        Assert.DoesNotContain(outcome.Escalations, e => e.Kind == EscalationKind.EmergencyServices);
        Assert.Equal(TriageQueue.BusinessHours, outcome.Queue);
        Assert.Equal(Engine.BusinessCalendar.IsOpen(input.At), outcome.IsQueueOpen);
        if (!outcome.IsQueueOpen)
        {
            Assert.True(outcome.QueueOpensAt > input.At);
            Assert.True(Engine.BusinessCalendar.IsOpen(outcome.QueueOpensAt!.Value));
        }
    }

    [Property]
    public void ImminentHarm_IsUrgent_WithEmergencyServices_AndAMinorIsAlwaysReported(TriageScenario input)
    {
        var contact = input.Contact;
        var outcome = Engine.Triage(contact, input.At);

        var harm = contact.Signals.ImmediateDanger || contact.Signals.MedicalEmergency;
        Assert.Equal(harm, outcome.Escalations.Any(e => e.Kind == EscalationKind.EmergencyServices && e.IsMade));
        if (contact.RequestKind == RequestKind.Crisis || harm)
        {
            Assert.Equal(Urgency.Urgent, outcome.Urgency);
        }

        if (MayBeAMinor(contact.Signals))
        {
            Assert.Contains(outcome.Escalations, e => e.Kind == EscalationKind.ChildWelfare && e.IsMade && e.LegalBasis is not null);
            Assert.Contains(outcome.Escalations, e => e.Kind == EscalationKind.LawEnforcement && e.IsMade && e.Basis == EscalationBasis.MandatoryReport);
        }
    }

    [Property]
    public void ConsentBasedEscalations_AreMade_ExactlyWhenAConsentIsValid(TriageScenario input)
    {
        var contact = input.Contact;
        foreach (var escalation in Engine.Triage(contact, input.At).Escalations.Where(e => e.Basis == EscalationBasis.Consent))
        {
            Assert.Equal(contact.HasConsent(input.At, ConsentScope.LawEnforcementReport, escalation.Recipient), escalation.IsMade);
            Assert.Equal(escalation.IsMade, escalation.Consent == ConsentStatus.Valid);
            Assert.False(MayBeAMinor(contact.Signals));
        }
    }

    [Property]
    public void Consent_IsNeverAConditionOfService(TriageScenario input)
    {
        var contact = input.Contact;
        var without = new Contact(contact.Id, contact.ReceivedAt, contact.Channel, contact.RequestKind, contact.Caller, contact.Signals, contact.TechnicalAssistance, contact.ReferralNeeds);

        var a = Engine.Triage(contact, input.At);
        var b = Engine.Triage(without, input.At);

        Assert.Equal(a.Urgency, b.Urgency);
        Assert.Equal(a.Queue, b.Queue);
        Assert.Equal(a.QueueOpensAt, b.QueueOpensAt);
        Assert.Equal(a.Deadline.TargetBy, b.Deadline.TargetBy);
        Assert.Equal(a.Deadline.DueBy, b.Deadline.DueBy);
        Assert.Equal(a.ReferralNeeds.Select(n => n.Id), b.ReferralNeeds.Select(n => n.Id));
        Assert.Equal(a.TechnicalAssistance.ToArray(), b.TechnicalAssistance.ToArray());
        Assert.Equal(TriageExamples.Ids(a.FiredRules), TriageExamples.Ids(b.FiredRules));
        Assert.Equal(a.Escalations.Select(e => e.Action), b.Escalations.Select(e => e.Action));
        Assert.All(b.Escalations.Where(e => e.Basis == EscalationBasis.Consent), e => Assert.Equal(ConsentStatus.None, e.Consent));
    }

    [Property]
    public void Triage_IsDeterministic(TriageScenario input)
    {
        var first = Engine.Triage(input.Contact, input.At);
        var second = new TriageEngine(Engine.Rules, Engine.Policy, Engine.BusinessCalendar).Triage(input.Contact, input.At);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.Equal(first.ToString(), second.ToString());
    }

    [Property]
    public void Outcome_NeverRevealsPersonalData(SecretContact input, NonNegativeInt minutes)
    {
        var contact = input.Contact;
        var at = contact.ReceivedAt + Duration.FromMinutes(minutes.Get % (60 * 24 * 14));
        var outcome = Engine.Triage(contact, at);
        var texts = new List<string>
        {
            outcome.ToString(),
            outcome.Deadline.ToString(),
            Engine.ToString(),
            $"{outcome}",
        };
        texts.AddRange(outcome.Escalations.Select(e => e.ToString()));
        texts.AddRange(outcome.Escalations.Select(e => e.Explanation));
        texts.AddRange(outcome.Escalations.Select(e => e.Action.ToString()));
        texts.AddRange(outcome.FiredRules.Select(r => r.ToString() + r.When));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Engine.Triage(contact, contact.ReceivedAt - Duration.FromSeconds(1)));
        texts.Add(e.ToString());

        foreach (var text in texts)
        {
            foreach (var secret in input.Secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }
}
