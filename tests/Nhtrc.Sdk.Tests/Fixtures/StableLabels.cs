using System;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Resources;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Triage;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Fixtures;

/// <summary>
/// The labels the golden descriptions give enum values, written out by hand so that renaming a member (or the
/// wire names) leaves the goldens as they are. A value without a label is an error: a new value needs one.
/// </summary>
internal static class StableLabels
{
    public static string Of(ContactChannel value) => value switch
    {
        ContactChannel.Phone => "phone",
        ContactChannel.Text => "text",
        ContactChannel.Chat => "chat",
        ContactChannel.Email => "email",
        ContactChannel.WebForm => "web form",
        _ => Unlabelled(value),
    };

    public static string Of(RequestKind value) => value switch
    {
        RequestKind.Crisis => "crisis",
        RequestKind.Tip => "tip",
        RequestKind.Referral => "referral",
        RequestKind.TrainingAndTechnicalAssistance => "training and technical assistance",
        RequestKind.GeneralInformation => "general information",
        RequestKind.HighRisk => "high risk",
        _ => Unlabelled(value),
    };

    public static string Of(CallerRole value) => value switch
    {
        CallerRole.PossibleVictim => "possible victim",
        CallerRole.CommunityMember => "community member",
        CallerRole.LawEnforcement => "law enforcement",
        CallerRole.FederalOfficial => "federal official",
        CallerRole.StateOfficial => "state official",
        CallerRole.MedicalProfessional => "medical professional",
        CallerRole.LegalProfessional => "legal professional",
        CallerRole.Student => "student",
        CallerRole.PolicyMaker => "policy maker",
        CallerRole.ServiceProvider => "service provider",
        CallerRole.Other => "other",
        _ => Unlabelled(value),
    };

    public static string Of(TechnicalAssistanceKind value) => value switch
    {
        TechnicalAssistanceKind.DirectReferral => "direct referral",
        TechnicalAssistanceKind.PublicAwarenessMaterials => "public awareness materials",
        TechnicalAssistanceKind.PhoneConsultation => "phone consultation",
        TechnicalAssistanceKind.SpecializedInformationRequest => "specialized information request",
        TechnicalAssistanceKind.ThirdPartyMaterialsReview => "third-party materials review",
        TechnicalAssistanceKind.SpeakersAndTrainers => "speakers and trainers",
        _ => Unlabelled(value),
    };

    public static string Of(TraffickingType value) => value switch
    {
        TraffickingType.Unknown => "unknown",
        TraffickingType.Sex => "sex",
        TraffickingType.Labor => "labor",
        TraffickingType.Both => "both",
        _ => Unlabelled(value),
    };

    public static string Of(ConsentScope value) => value switch
    {
        ConsentScope.LawEnforcementReport => "law enforcement report",
        ConsentScope.ReferralSharing => "referral sharing",
        ConsentScope.Callback => "callback",
        _ => Unlabelled(value),
    };

    public static string Of(Urgency value) => value switch
    {
        Urgency.Urgent => "urgent",
        Urgency.NonUrgent => "non-urgent",
        _ => Unlabelled(value),
    };

    public static string Of(ResponseTargetKind value) => value switch
    {
        ResponseTargetKind.Immediate => "immediate",
        ResponseTargetKind.Elapsed => "elapsed",
        ResponseTargetKind.BusinessTime => "business time",
        ResponseTargetKind.BusinessDays => "business days",
        _ => Unlabelled(value),
    };

    public static string Of(ResourceTopic value) => value switch
    {
        ResourceTopic.LaborTrafficking => "labor trafficking",
        ResourceTopic.SexTrafficking => "sex trafficking",
        ResourceTopic.VictimIdentification => "victim identification",
        ResourceTopic.ScreeningTools => "screening tools",
        ResourceTopic.ImmigrationRelief => "immigration relief",
        ResourceTopic.Youth => "youth",
        ResourceTopic.Healthcare => "healthcare",
        ResourceTopic.LawEnforcementResponse => "law enforcement response",
        ResourceTopic.ServiceProviderTraining => "service provider training",
        ResourceTopic.PublicAwareness => "public awareness",
        ResourceTopic.LegalRights => "legal rights",
        ResourceTopic.HotlineInformation => "hotline information",
        _ => Unlabelled(value),
    };

    public static string Of(ResourceFormat value) => value switch
    {
        ResourceFormat.FactSheet => "fact sheet",
        ResourceFormat.Toolkit => "toolkit",
        ResourceFormat.Report => "report",
        ResourceFormat.Webinar => "webinar",
        ResourceFormat.Video => "video",
        ResourceFormat.Poster => "poster",
        ResourceFormat.Brochure => "brochure",
        ResourceFormat.TrainingCurriculum => "training curriculum",
        ResourceFormat.ScreeningTool => "screening tool",
        ResourceFormat.Guide => "guide",
        ResourceFormat.Infographic => "infographic",
        ResourceFormat.PolicyBrief => "policy brief",
        _ => Unlabelled(value),
    };

    public static string Of(OrganizationKind value) => value switch
    {
        OrganizationKind.ServiceProvider => "service provider",
        OrganizationKind.TaskForce => "task force",
        OrganizationKind.Coalition => "coalition",
        OrganizationKind.LawEnforcement => "law enforcement",
        OrganizationKind.GovernmentAgency => "government agency",
        OrganizationKind.TrainerOrSpeaker => "trainer or speaker",
        _ => Unlabelled(value),
    };

    public static string Of(ServiceType value) => value switch
    {
        ServiceType.EmergencyShelter => "emergency shelter",
        ServiceType.Housing => "housing",
        ServiceType.CaseManagement => "case management",
        ServiceType.LegalServices => "legal services",
        ServiceType.ImmigrationLegalServices => "immigration legal services",
        ServiceType.MentalHealth => "mental health",
        ServiceType.MedicalCare => "medical care",
        ServiceType.SubstanceUseTreatment => "substance use treatment",
        ServiceType.Transportation => "transportation",
        ServiceType.BasicNeeds => "basic needs",
        ServiceType.Interpretation => "interpretation",
        ServiceType.EmploymentAndEducation => "employment and education",
        ServiceType.VictimAdvocacy => "victim advocacy",
        ServiceType.LawEnforcement => "law enforcement",
        ServiceType.TaskForce => "task force",
        ServiceType.Coalition => "coalition",
        ServiceType.CrisisHotline => "crisis hotline",
        ServiceType.ChildWelfare => "child welfare",
        ServiceType.Repatriation => "repatriation",
        ServiceType.TrainingAndTechnicalAssistance => "training and technical assistance",
        ServiceType.SpeakersAndTrainers => "speakers and trainers",
        ServiceType.PublicAwarenessMaterials => "public awareness materials",
        _ => Unlabelled(value),
    };

    public static string Of(Capacity value) => value switch
    {
        Capacity.Accepting => "accepting",
        Capacity.Waitlist => "waitlist",
        Capacity.Full => "full",
        _ => Unlabelled(value),
    };

    public static string Of(Gender value) => value switch
    {
        Gender.Female => "female",
        Gender.Male => "male",
        Gender.NonBinary => "non-binary",
        _ => Unlabelled(value),
    };

    public static string Of(ImmigrationStatus value) => value switch
    {
        ImmigrationStatus.ForeignNational => "foreign national",
        ImmigrationStatus.UsCitizen => "US citizen",
        ImmigrationStatus.LawfulPermanentResident => "lawful permanent resident",
        _ => Unlabelled(value),
    };

    public static string Of(TriageQueue value) => value switch
    {
        TriageQueue.TwentyFourSevenLine => "24/7 line",
        TriageQueue.BusinessHours => "business hours",
        _ => Unlabelled(value),
    };

    public static string Of(EscalationKind value) => value switch
    {
        EscalationKind.EmergencyServices => "emergency services",
        EscalationKind.ChildWelfare => "child welfare",
        EscalationKind.LawEnforcement => "law enforcement",
        EscalationKind.Supervisor => "supervisor",
        _ => Unlabelled(value),
    };

    public static string Of(EscalationBasis value) => value switch
    {
        EscalationBasis.ImminentHarm => "imminent harm",
        EscalationBasis.MandatoryReport => "mandatory report",
        EscalationBasis.Consent => "consent",
        EscalationBasis.HotlinePolicy => "hotline policy",
        _ => Unlabelled(value),
    };

    public static string Of(IsoDayOfWeek value) => value switch
    {
        IsoDayOfWeek.Monday => "monday",
        IsoDayOfWeek.Tuesday => "tuesday",
        IsoDayOfWeek.Wednesday => "wednesday",
        IsoDayOfWeek.Thursday => "thursday",
        IsoDayOfWeek.Friday => "friday",
        IsoDayOfWeek.Saturday => "saturday",
        IsoDayOfWeek.Sunday => "sunday",
        _ => Unlabelled(value),
    };

    private static string Unlabelled<T>(T value)
        where T : struct, Enum =>
        throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(T).Name} value {value} has no stable label; give it one in StableLabels.");
}
