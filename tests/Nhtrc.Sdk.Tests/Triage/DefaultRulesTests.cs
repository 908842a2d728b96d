using System;
using System.IO;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Triage;
using NodaTime;
using static Nhtrc.Sdk.Tests.Triage.TriageExamples;

namespace Nhtrc.Sdk.Tests.Triage;

public class DefaultRulesTests
{
    [Fact]
    public void NhtrcDefault_LoadsTheEmbeddedRules_InOrder()
    {
        var rules = TriageRules.NhtrcDefault;

        Assert.Equal(TriageRules.NhtrcDefaultId, rules.Id);
        Assert.Equal(
            ["imminent-harm", "crisis", "tip-immediate-danger", "response-within-24h", "minor-may-be-abused",
             "adult-law-enforcement-with-consent", "potential-trafficking", "shelter-tonight", "medical-care", "interpretation",
             "foreign-national", "survivor-case-management", "professional-consultation", "information-materials",
             "research-information", "routine"],
            Ids(rules.Rules));
        Assert.All(rules.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Reason)));
        Assert.Same(rules, TriageRules.NhtrcDefault);
    }

    [Fact]
    public void Crisis_OnThePhone_IsUrgent_On247Line_DueImmediately()
    {
        var outcome = TriageAt(Contact(RequestKind.Crisis, receivedAt: Saturday));

        Assert.Equal(Urgency.Urgent, outcome.Urgency);
        Assert.Equal(["crisis"], Ids(outcome.UrgencyRules));
        Assert.Equal(TriageQueue.TwentyFourSevenLine, outcome.Queue);
        Assert.True(outcome.IsQueueOpen);
        Assert.Null(outcome.QueueOpensAt);
        Assert.Equal(Saturday, outcome.Deadline.TargetBy);
        Assert.Equal(Saturday, outcome.Deadline.DueBy);
        Assert.Equal("urgent-live", outcome.Deadline.Rule.Id);
    }

    [Theory]
    [InlineData(ContactChannel.Phone, 0)]
    [InlineData(ContactChannel.Text, 0)]
    [InlineData(ContactChannel.Chat, 0)]
    [InlineData(ContactChannel.Email, 12)]
    [InlineData(ContactChannel.WebForm, 12)]
    public void Crisis_OnEachChannel_IsUrgent_WithThePolicyDeadline(ContactChannel channel, int hours)
    {
        var outcome = TriageAt(Contact(RequestKind.Crisis, channel: channel, receivedAt: Saturday));

        Assert.Equal(Urgency.Urgent, outcome.Urgency);
        Assert.Equal(TriageQueue.TwentyFourSevenLine, outcome.Queue);
        Assert.Equal(Saturday + Duration.FromHours(hours), outcome.Deadline.DueBy);
        Assert.Equal(channel, outcome.Deadline.Channel);
    }

    [Theory]
    [InlineData(ContactChannel.Phone)]
    [InlineData(ContactChannel.Text)]
    [InlineData(ContactChannel.Chat)]
    [InlineData(ContactChannel.Email)]
    [InlineData(ContactChannel.WebForm)]
    public void Tip_WithoutDanger_OnEachChannel_GoesToBusinessHours_WithThePolicyDeadline(ContactChannel channel)
    {
        var contact = Contact(RequestKind.Tip, channel: channel);
        var outcome = TriageAt(contact);
        var expected = ResponsePolicy.NhtrcDefault.ComputeDeadline(contact.ReceivedAt, channel, Urgency.NonUrgent);

        Assert.Equal(Urgency.NonUrgent, outcome.Urgency);
        Assert.Equal(["routine"], Ids(outcome.UrgencyRules));
        Assert.Equal(TriageQueue.BusinessHours, outcome.Queue);
        Assert.True(outcome.IsQueueOpen);
        Assert.Equal(expected.TargetBy, outcome.Deadline.TargetBy);
        Assert.Equal(expected.DueBy, outcome.Deadline.DueBy);
    }

    [Fact]
    public void Tip_WithImmediateDanger_IsUrgent_AndCallsEmergencyServices()
    {
        var outcome = TriageAt(Contact(RequestKind.Tip, new ContactSignals { ImmediateDanger = true }));

        Assert.Equal(Urgency.Urgent, outcome.Urgency);
        Assert.Equal(["imminent-harm", "tip-immediate-danger"], Ids(outcome.UrgencyRules));
        var emergency = Find(outcome, EscalationKind.EmergencyServices)!;
        Assert.True(emergency.IsMade);
        Assert.Equal(EscalationBasis.ImminentHarm, emergency.Basis);
        Assert.Equal(ConsentStatus.NotRequired, emergency.Consent);
        Assert.Equal("911", emergency.Recipient);
        Assert.Equal("imminent-harm", emergency.Rule.Id);
    }

    [Fact]
    public void MedicalEmergency_InAnyRequest_IsUrgent_CallsEmergencyServices_AndOffersMedicalCare()
    {
        var outcome = TriageAt(Contact(RequestKind.GeneralInformation, new ContactSignals { MedicalEmergency = true }));

        Assert.Equal(Urgency.Urgent, outcome.Urgency);
        Assert.True(Find(outcome, EscalationKind.EmergencyServices)!.IsMade);
        Assert.Contains(ReferralNeed.Parse("medicalCare"), outcome.ReferralNeeds);
    }

    [Theory]
    [InlineData(true, false, false, new[] { "response-within-24h" })]
    [InlineData(false, true, false, new[] { "response-within-24h" })]
    [InlineData(false, false, true, new[] { "imminent-harm" })]
    [InlineData(false, false, false, new[] { "routine" })]
    public void Referral_IsUrgent_OnlyWhenNeededWithin24Hours(bool within24Hours, bool shelterTonight, bool medical, string[] urgencyRules)
    {
        var signals = new ContactSignals { ResponseNeededWithin24Hours = within24Hours, NeedsShelterTonight = shelterTonight, MedicalEmergency = medical };
        var outcome = TriageAt(Contact(RequestKind.Referral, signals));

        Assert.Equal(urgencyRules[0] == "routine" ? Urgency.NonUrgent : Urgency.Urgent, outcome.Urgency);
        Assert.Equal(urgencyRules, Ids(outcome.UrgencyRules));
    }

    [Fact]
    public void Referral_ShelterTonight_OffersEmergencyShelter_AfterTheCallersOwnNeeds()
    {
        var contact = Contact(RequestKind.Referral, new ContactSignals { NeedsShelterTonight = true }, referralNeeds: ["legalServices", "emergencyShelter"]);

        Assert.Equal(["legalServices", "emergencyShelter"], TriageAt(contact).ReferralNeeds.Select(n => n.Id));
    }

    [Fact]
    public void Tta_NeededWithin24Hours_IsUrgent_OtherwiseNot()
    {
        var urgent = TriageAt(Contact(RequestKind.TrainingAndTechnicalAssistance, new ContactSignals { ResponseNeededWithin24Hours = true }, role: CallerRole.LawEnforcement));
        var routine = TriageAt(Contact(RequestKind.TrainingAndTechnicalAssistance, role: CallerRole.LawEnforcement));

        Assert.Equal(Urgency.Urgent, urgent.Urgency);
        Assert.Equal(["response-within-24h"], Ids(urgent.UrgencyRules));
        Assert.Equal(Urgency.NonUrgent, routine.Urgency);
        Assert.Empty(routine.Escalations);
        Assert.Equal([TechnicalAssistanceKind.SpeakersAndTrainers, TechnicalAssistanceKind.PhoneConsultation], routine.TechnicalAssistance.ToArray());
    }

    [Fact]
    public void GeneralInformation_FromAnonymousStudent_IsRoutine_WithMaterials_AndNoEscalation()
    {
        var outcome = TriageAt(Contact(RequestKind.GeneralInformation, channel: ContactChannel.Text, role: CallerRole.Student, anonymous: true));

        Assert.Equal(Urgency.NonUrgent, outcome.Urgency);
        Assert.Empty(outcome.Escalations);
        Assert.Equal([TechnicalAssistanceKind.PublicAwarenessMaterials, TechnicalAssistanceKind.SpecializedInformationRequest], outcome.TechnicalAssistance.ToArray());
        Assert.Equal(["information-materials", "research-information", "routine"], Ids(outcome.FiredRules));
    }

    [Fact]
    public void HighRisk_WithMinor_ReportsToChildWelfareAndLawEnforcement_Mandatorily_WithoutConsent()
    {
        var outcome = TriageAt(Contact(RequestKind.HighRisk, new ContactSignals { MinorInvolved = true }));

        Assert.Equal(Urgency.NonUrgent, outcome.Urgency);
        Assert.Equal(
            [EscalationKind.ChildWelfare, EscalationKind.LawEnforcement, EscalationKind.Supervisor],
            outcome.Escalations.Select(e => e.Kind));
        foreach (var escalation in outcome.Escalations.Take(2))
        {
            Assert.True(escalation.IsMade);
            Assert.Equal(EscalationBasis.MandatoryReport, escalation.Basis);
            Assert.Equal(ConsentStatus.NotRequired, escalation.Consent);
            Assert.Contains("mandated-reporter", escalation.LegalBasis, StringComparison.Ordinal);
            Assert.Contains("34 U.S.C. 20341", escalation.Explanation, StringComparison.Ordinal);
        }

        Assert.Null(Find(outcome, EscalationKind.EmergencyServices));
        Assert.DoesNotContain(outcome.Escalations, e => e.Basis == EscalationBasis.Consent);
    }

    [Fact]
    public void HighRisk_WithoutMinorOrTraffickingIndicators_HasNoEscalation()
    {
        var outcome = TriageAt(Contact(RequestKind.HighRisk));

        Assert.Empty(outcome.Escalations);
        Assert.Equal(Urgency.NonUrgent, outcome.Urgency);
    }

    [Theory]
    [InlineData(RequestKind.Crisis)]
    [InlineData(RequestKind.Tip)]
    public void PotentialTrafficking_AlertsTheSupervisor(RequestKind kind)
    {
        var supervisor = Find(TriageAt(Contact(kind)), EscalationKind.Supervisor)!;

        Assert.True(supervisor.IsMade);
        Assert.Equal(EscalationBasis.HotlinePolicy, supervisor.Basis);
        Assert.Equal("potential-trafficking", supervisor.Rule.Id);
    }

    [Fact]
    public void Referral_WithAKnownTraffickingType_IsAPotentialCase()
    {
        var outcome = TriageAt(Contact(RequestKind.Referral, new ContactSignals { TraffickingType = TraffickingType.Labor, ForeignNational = true }));

        Assert.NotNull(Find(outcome, EscalationKind.Supervisor));
        Assert.Equal(ConsentStatus.None, Find(outcome, EscalationKind.LawEnforcement)!.Consent);
        Assert.Equal(["immigrationLegalServices"], outcome.ReferralNeeds.Select(n => n.Id));
    }

    [Theory]
    [InlineData(RequestKind.Crisis)]
    [InlineData(RequestKind.Tip)]
    [InlineData(RequestKind.HighRisk)]
    [InlineData(RequestKind.GeneralInformation)]
    public void AnonymousCallers_GetTheSameOutcome(RequestKind kind)
    {
        var signals = new ContactSignals { MinorInvolved = kind == RequestKind.HighRisk, CallerIsVictim = kind == RequestKind.Crisis };

        Assert.Equal(
            TriageAt(Contact(kind, signals, anonymous: false)),
            TriageAt(Contact(kind, signals, anonymous: true)));
    }

    [Fact]
    public void NonUrgent_ReceivedAfterClose_BeforeAHoliday_WaitsForMonday()
    {
        var outcome = TriageAt(Contact(RequestKind.Tip, receivedAt: ThursdayClose));

        Assert.Equal(TriageQueue.BusinessHours, outcome.Queue);
        Assert.False(outcome.IsQueueOpen);
        Assert.Equal(MondayOpening, outcome.QueueOpensAt);
        Assert.Contains("Independence Day (observed)", outcome.Deadline.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void NonUrgent_ReceivedOnAWeekend_WaitsForMonday_AndTheQueueOpeningFollowsTheTriageInstant()
    {
        var contact = Contact(RequestKind.GeneralInformation, receivedAt: Saturday);

        var atReceipt = TriageAt(contact);
        var onMonday = TriageAt(contact, NextMondayOpening);

        Assert.False(atReceipt.IsQueueOpen);
        Assert.Equal(NextMondayOpening, atReceipt.QueueOpensAt);
        Assert.True(onMonday.IsQueueOpen);
        Assert.Null(onMonday.QueueOpensAt);
        Assert.Equal(atReceipt.Deadline.DueBy, onMonday.Deadline.DueBy);
    }

    [Fact]
    public void Urgent_ReceivedOutsideHours_IsStillOpenOnThe247Line()
    {
        var outcome = TriageAt(Contact(RequestKind.Crisis, receivedAt: ThursdayClose));

        Assert.True(outcome.IsQueueOpen);
        Assert.Equal(TriageQueue.TwentyFourSevenLine, outcome.Queue);
    }

    [Fact]
    public void Triage_BeforeReceipt_Throws()
    {
        var contact = Contact();

        Assert.Throws<ArgumentOutOfRangeException>(() => Engine.Triage(contact, contact.ReceivedAt - Duration.Epsilon));
        Assert.Throws<ArgumentNullException>(() => Engine.Triage(null!, contact.ReceivedAt));
    }

    [Fact]
    public void Triage_IsDeterministic_AcrossEnginesAndThreads()
    {
        var contact = ContactJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "contacts", "crisis.json")));
        var fresh = new TriageEngine(
            TriageRulesJson.Load(typeof(TriageRules).Assembly.GetManifestResourceStream("Nhtrc.Sdk.Triage.nhtrc-default.triage.json")!),
            ResponsePolicy.NhtrcDefault,
            Sdk.Scheduling.KnownServiceCalendars.NhtrcBusinessHours);
        var expected = Engine.Triage(contact, contact.ReceivedAt);

        var outcomes = Enumerable.Range(0, 16).AsParallel().Select(_ => Engine.Triage(contact, contact.ReceivedAt)).ToList();

        Assert.All(outcomes, o => Assert.Equal(expected, o));
        Assert.Equal(expected, fresh.Triage(contact, contact.ReceivedAt));
        Assert.Equal(expected.ToString(), fresh.Triage(contact, contact.ReceivedAt).ToString());
    }

    [Fact]
    public void SampleCrisis_AtReceipt_IsUrgent_WithEmergencyServices_AndNoLawEnforcementReportYet()
    {
        var contact = ContactJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "contacts", "crisis.json")));

        var outcome = TriageAt(contact);

        Assert.Equal(Urgency.Urgent, outcome.Urgency);
        Assert.Equal(["imminent-harm", "crisis", "response-within-24h"], Ids(outcome.UrgencyRules));
        Assert.Equal(
            [EscalationKind.EmergencyServices, EscalationKind.LawEnforcement, EscalationKind.Supervisor],
            outcome.Escalations.Select(e => e.Kind));
        Assert.Equal(ConsentStatus.NotYetGranted, Find(outcome, EscalationKind.LawEnforcement)!.Consent);
        Assert.Equal(["emergencyShelter", "medicalCare", "interpretation", "immigrationLegalServices", "caseManagement"], outcome.ReferralNeeds.Select(n => n.Id));

        var later = TriageAt(contact, Instant.FromUtc(2026, 7, 2, 23, 10));
        Assert.True(Find(later, EscalationKind.LawEnforcement)!.IsMade);
        Assert.Equal(ConsentStatus.Valid, Find(later, EscalationKind.LawEnforcement)!.Consent);
    }

    [Theory]
    [InlineData("crisis.json", Urgency.Urgent)]
    [InlineData("tip.json", Urgency.NonUrgent)]
    [InlineData("referral.json", Urgency.NonUrgent)]
    [InlineData("tta.json", Urgency.NonUrgent)]
    [InlineData("general-information.json", Urgency.NonUrgent)]
    [InlineData("high-risk.json", Urgency.NonUrgent)]
    public void Samples_TriageAsDocumented(string file, Urgency urgency)
    {
        var contact = ContactJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "contacts", file)));

        var outcome = TriageAt(contact);

        Assert.Equal(urgency, outcome.Urgency);
        Assert.Equal(urgency == Urgency.Urgent ? TriageQueue.TwentyFourSevenLine : TriageQueue.BusinessHours, outcome.Queue);
        Assert.Equal(contact.Id, outcome.ContactId);
    }
}
