namespace Nhtrc.Sdk.Triage;

/// <summary>
/// A yes/no signal of <see cref="Contacts.ContactSignals"/> that a triage rule can test with
/// <see cref="TriageCondition.Signal"/>. JSON names are the camelCase member names, the same as in the
/// contact document (<c>immediateDanger</c>, <c>minorInvolved</c>).
/// </summary>
public enum TriageSignal
{
    /// <summary><see cref="Contacts.ContactSignals.ImmediateDanger"/>.</summary>
    ImmediateDanger = 1,

    /// <summary><see cref="Contacts.ContactSignals.MayInvolveMinor"/>: the flag, or a disclosed age under 18.</summary>
    MinorInvolved = 2,

    /// <summary><see cref="Contacts.ContactSignals.VictimCurrentlyInSituation"/>.</summary>
    VictimCurrentlyInSituation = 3,

    /// <summary><see cref="Contacts.ContactSignals.MedicalEmergency"/>.</summary>
    MedicalEmergency = 4,

    /// <summary><see cref="Contacts.ContactSignals.ResponseNeededWithin24Hours"/>.</summary>
    ResponseNeededWithin24Hours = 5,

    /// <summary><see cref="Contacts.ContactSignals.CallerIsVictim"/>.</summary>
    CallerIsVictim = 6,

    /// <summary><see cref="Contacts.ContactSignals.CallerHasDirectKnowledge"/>.</summary>
    CallerHasDirectKnowledge = 7,

    /// <summary><see cref="Contacts.ContactSignals.ForceFraudOrCoercionIndicated"/>.</summary>
    ForceFraudOrCoercionIndicated = 8,

    /// <summary><see cref="Contacts.ContactSignals.ForeignNational"/>.</summary>
    ForeignNational = 9,

    /// <summary><see cref="Contacts.ContactSignals.NeedsShelterTonight"/>.</summary>
    NeedsShelterTonight = 10,

    /// <summary><see cref="Contacts.ContactSignals.LanguageInterpretationNeeded"/>.</summary>
    LanguageInterpretationNeeded = 11,
}
