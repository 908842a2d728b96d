using System;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Triage;
using NodaTime;
using static Nhtrc.Sdk.Tests.Triage.TriageExamples;

namespace Nhtrc.Sdk.Tests.Triage;

/// <summary>Law enforcement for an adult: made only with a valid consent of scope lawEnforcementReport for fbi.</summary>
public class ConsentEscalationTests
{
    private static readonly Instant Granted = ThursdayAfternoon;
    private static readonly Instant At = ThursdayAfternoon + Duration.FromHours(1);

    private static Escalation LawEnforcement(Instant at, params Consent[] consents)
    {
        var contact = Contact(RequestKind.Tip, new ContactSignals { ForceFraudOrCoercionIndicated = true }, receivedAt: Granted - Duration.FromHours(1), consents: consents);
        var escalation = Find(Engine.Triage(contact, at), EscalationKind.LawEnforcement)!;
        Assert.Equal(EscalationBasis.Consent, escalation.Basis);
        Assert.Equal("adult-law-enforcement-with-consent", escalation.Rule.Id);
        return escalation;
    }

    private static Consent Report(string recipient = "fbi", Instant? granted = null, Instant? expires = null, Instant? revoked = null) =>
        new(ConsentScope.LawEnforcementReport, recipient, granted ?? Granted, expires, revoked);

    [Fact]
    public void NoConsent_ReportIsNotMade_AndSaysWhy()
    {
        var escalation = LawEnforcement(At);

        Assert.False(escalation.IsMade);
        Assert.Equal(ConsentStatus.None, escalation.Consent);
        Assert.Equal("law enforcement (fbi): not made: no consent was given; a law-enforcement report about an adult needs the person's consent", escalation.Explanation);
    }

    [Fact]
    public void ValidConsent_ReportIsMade()
    {
        var escalation = LawEnforcement(At, Report(expires: At + Duration.FromDays(30)));

        Assert.True(escalation.IsMade);
        Assert.Equal(ConsentStatus.Valid, escalation.Consent);
        Assert.Contains("notify: consent to a law-enforcement report for fbi is valid (granted 2026-07-02T18:00:00Z, expires", escalation.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Consent_IsValidFromTheInstantItIsGranted_AndNotBefore()
    {
        Assert.Equal(ConsentStatus.Valid, LawEnforcement(Granted, Report()).Consent);

        var early = LawEnforcement(Granted - Duration.Epsilon, Report());
        Assert.Equal(ConsentStatus.NotYetGranted, early.Consent);
        Assert.False(early.IsMade);
    }

    [Fact]
    public void Expired_AtTheExpiryInstant_IsNotMade_ButATickBeforeIs()
    {
        var consent = Report(expires: At);

        Assert.Equal(ConsentStatus.Valid, LawEnforcement(At - Duration.Epsilon, consent).Consent);
        var expired = LawEnforcement(At, consent);
        Assert.Equal(ConsentStatus.Expired, expired.Consent);
        Assert.False(expired.IsMade);
        Assert.EndsWith("expired at 2026-07-02T19:00:00Z", expired.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Revoked_AtTheRevocationInstant_IsNotMade_ButATickBeforeIs()
    {
        var consent = Report(revoked: At);

        Assert.Equal(ConsentStatus.Valid, LawEnforcement(At - Duration.Epsilon, consent).Consent);
        var revoked = LawEnforcement(At, consent);
        Assert.Equal(ConsentStatus.Revoked, revoked.Consent);
        Assert.False(revoked.IsMade);
        Assert.EndsWith("was revoked at 2026-07-02T19:00:00Z", revoked.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void RevokedBeforeItExpires_IsReportedAsRevoked()
    {
        Assert.Equal(ConsentStatus.Revoked, LawEnforcement(At, Report(expires: At, revoked: At - Duration.FromMinutes(1))).Consent);
    }

    [Fact]
    public void WrongScope_IsNotMade()
    {
        var escalation = LawEnforcement(At, new Consent(ConsentScope.Callback, "fbi", Granted), new Consent(ConsentScope.ReferralSharing, "legal-aid", Granted));

        Assert.Equal(ConsentStatus.WrongScope, escalation.Consent);
        Assert.False(escalation.IsMade);
        Assert.EndsWith("(only to callback, referralSharing)", escalation.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongRecipient_IsNotMade_ConsentForOneAgencyNeverCoversAnother()
    {
        var escalation = LawEnforcement(At, Report("hsi"), Report("local-pd"));

        Assert.Equal(ConsentStatus.WrongRecipient, escalation.Consent);
        Assert.False(escalation.IsMade);
        Assert.Contains("only for hsi, local-pd, not fbi", escalation.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void OneValidConsent_AmongInvalidOnes_IsEnough()
    {
        var escalation = LawEnforcement(At, Report(revoked: At), Report("hsi"), Report(expires: At + Duration.FromHours(1)));

        Assert.True(escalation.IsMade);
    }

    [Fact]
    public void RecipientCase_DoesNotMatter()
    {
        Assert.True(LawEnforcement(At, Report("FBI")).IsMade);
    }

    [Fact]
    public void Minor_LawEnforcementIsMandatory_AndNeedsNoConsent()
    {
        var contact = Contact(RequestKind.Tip, new ContactSignals { MinorInvolved = true, TraffickingType = TraffickingType.Sex });

        var outcome = Engine.Triage(contact, At);

        var lawEnforcement = Assert.Single(outcome.Escalations, e => e.Kind == EscalationKind.LawEnforcement);
        Assert.True(lawEnforcement.IsMade);
        Assert.Equal(EscalationBasis.MandatoryReport, lawEnforcement.Basis);
        Assert.Equal("local-law-enforcement", lawEnforcement.Recipient);
        Assert.True(Find(outcome, EscalationKind.ChildWelfare)!.IsMade);
    }

    [Fact]
    public void ConsentChangesNothingButTheConsentBasedEscalation()
    {
        var signals = new ContactSignals { ImmediateDanger = true, ForceFraudOrCoercionIndicated = true, NeedsShelterTonight = true };
        var without = Engine.Triage(Contact(RequestKind.Crisis, signals), At);
        var with = Engine.Triage(Contact(RequestKind.Crisis, signals, consents: [Report()]), At);

        Assert.Equal(without.Urgency, with.Urgency);
        Assert.Equal(without.Queue, with.Queue);
        Assert.Equal(without.Deadline.DueBy, with.Deadline.DueBy);
        Assert.Equal(without.ReferralNeeds.Select(n => n.Id), with.ReferralNeeds.Select(n => n.Id));
        Assert.Equal(Ids(without.FiredRules), Ids(with.FiredRules));
        Assert.False(Find(without, EscalationKind.LawEnforcement)!.IsMade);
        Assert.True(Find(with, EscalationKind.LawEnforcement)!.IsMade);
    }

    [Fact]
    public void HasConsentCondition_CanGateAnEscalation()
    {
        var rules = new TriageRules("custom",
        [
            new TriageRule("share-with-legal-aid", "Tell legal aid when the caller agreed to share.",
                TriageCondition.HasConsent(ConsentScope.ReferralSharing, "legal-aid"),
                escalations: [new EscalationAction(EscalationKind.Supervisor, "legal-aid-liaison", EscalationBasis.HotlinePolicy)]),
        ]);
        var engine = new TriageEngine(rules, Sdk.ResponseTimes.ResponsePolicy.NhtrcDefault, Sdk.Scheduling.KnownServiceCalendars.NhtrcBusinessHours);
        var consent = new Consent(ConsentScope.ReferralSharing, "legal-aid", Granted, revokedAt: At);

        Assert.Single(engine.Triage(Contact(consents: [consent]), At - Duration.Epsilon).Escalations);
        Assert.Empty(engine.Triage(Contact(consents: [consent]), At).Escalations);
    }
}
