namespace Nhtrc.Sdk.Contacts;

/// <summary>
/// What a service does, as the hotline's directory classifies it. JSON and CLI ids are the camelCase
/// member names (<c>emergencyShelter</c>, <c>immigrationLegalServices</c>); see <see cref="Text.WireNames"/>.
/// </summary>
public enum ServiceType
{
    /// <summary>Emergency shelter, tonight or within days.</summary>
    EmergencyShelter = 1,

    /// <summary>Transitional or long-term housing.</summary>
    Housing = 2,

    /// <summary>Comprehensive case management.</summary>
    CaseManagement = 3,

    /// <summary>Civil and criminal legal services (not immigration).</summary>
    LegalServices = 4,

    /// <summary>Immigration legal services: T visas, U visas, continued presence.</summary>
    ImmigrationLegalServices = 5,

    /// <summary>Mental health care and counselling.</summary>
    MentalHealth = 6,

    /// <summary>Medical care.</summary>
    MedicalCare = 7,

    /// <summary>Substance use treatment.</summary>
    SubstanceUseTreatment = 8,

    /// <summary>Transportation.</summary>
    Transportation = 9,

    /// <summary>Food, clothing, hygiene and other basic needs.</summary>
    BasicNeeds = 10,

    /// <summary>Interpretation and translation.</summary>
    Interpretation = 11,

    /// <summary>Employment, job training and education.</summary>
    EmploymentAndEducation = 12,

    /// <summary>Victim advocacy.</summary>
    VictimAdvocacy = 13,

    /// <summary>A law-enforcement response or investigation.</summary>
    LawEnforcement = 14,

    /// <summary>An anti-trafficking task force.</summary>
    TaskForce = 15,

    /// <summary>An anti-trafficking coalition.</summary>
    Coalition = 16,

    /// <summary>A crisis hotline.</summary>
    CrisisHotline = 17,

    /// <summary>Child welfare (child protective services).</summary>
    ChildWelfare = 18,

    /// <summary>Repatriation assistance for foreign nationals who wish to return home.</summary>
    Repatriation = 19,

    /// <summary>Training and technical assistance for professionals.</summary>
    TrainingAndTechnicalAssistance = 20,

    /// <summary>Speakers and trainers for events.</summary>
    SpeakersAndTrainers = 21,

    /// <summary>Public awareness materials.</summary>
    PublicAwarenessMaterials = 22,
}
