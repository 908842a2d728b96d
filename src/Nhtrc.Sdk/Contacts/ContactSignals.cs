using System;

namespace Nhtrc.Sdk.Contacts;

/// <summary>
/// The structured facts an advocate records about a contact, which triage rules read to decide urgency,
/// escalations and queue. Every flag defaults to false (not observed) and <see cref="TraffickingType"/> to
/// <see cref="TraffickingType.Unknown"/>. Immutable (set with object initializers or <c>with</c>);
/// equality is by value. Holds no personal data.
/// </summary>
public sealed record ContactSignals
{
    private readonly TraffickingType _traffickingType;

    /// <summary>No signals observed: every flag false, trafficking type unknown.</summary>
    public static ContactSignals None { get; } = new();

    /// <summary>Someone is in immediate danger of serious harm now (imminent violence, threat to life).</summary>
    public bool ImmediateDanger { get; init; }

    /// <summary>
    /// The advocate recorded that a person under 18 is or may be involved as a victim; triggers the mandatory
    /// child-welfare path. A disclosed <see cref="Age"/> under 18 does the same without this flag: triage reads
    /// <see cref="MayInvolveMinor"/>.
    /// </summary>
    public bool MinorInvolved { get; init; }

    /// <summary>
    /// The age or age range of the person the contact is about (the potential victim), when disclosed; null when not.
    /// </summary>
    public AgeRange? Age { get; init; }

    /// <summary>
    /// True when a minor is or may be involved: <see cref="MinorInvolved"/> was recorded, or the disclosed
    /// <see cref="Age"/> reaches below 18 (<see cref="AgeRange.MayBeMinor"/>). The triage signal
    /// <c>minorInvolved</c> tests this.
    /// </summary>
    public bool MayInvolveMinor => MinorInvolved || Age is { MayBeMinor: true };

    /// <summary>The potential victim is still in the trafficking situation (has not left or been removed).</summary>
    public bool VictimCurrentlyInSituation { get; init; }

    /// <summary>Someone needs emergency medical care now.</summary>
    public bool MedicalEmergency { get; init; }

    /// <summary>A social-service or law-enforcement response is needed within 24 hours (part of the crisis definition).</summary>
    public bool ResponseNeededWithin24Hours { get; init; }

    /// <summary>The caller is the potential victim, speaking for themselves.</summary>
    public bool CallerIsVictim { get; init; }

    /// <summary>
    /// The caller has direct, first-hand knowledge of the situation (saw or was told by the victim), as
    /// opposed to a rumour or a news story; part of the crisis definition for third-party callers.
    /// </summary>
    public bool CallerHasDirectKnowledge { get; init; }

    /// <summary>
    /// Indicators of force, fraud or coercion are present: distinguishes a potential trafficking case
    /// (supervisor alert) from a high-risk situation without them.
    /// </summary>
    public bool ForceFraudOrCoercionIndicated { get; init; }

    /// <summary>The potential victim is a foreign national or has an immigration concern (visa, status, documents held by someone else).</summary>
    public bool ForeignNational { get; init; }

    /// <summary>The potential victim needs a safe place to sleep tonight.</summary>
    public bool NeedsShelterTonight { get; init; }

    /// <summary>The caller or victim needs an interpreter (see <see cref="Caller.PreferredLanguage"/> for the language).</summary>
    public bool LanguageInterpretationNeeded { get; init; }

    /// <summary>The form of trafficking the contact appears to concern; <see cref="TraffickingType.Unknown"/> by default.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Set to a value that is not defined.</exception>
    public TraffickingType TraffickingType
    {
        get => _traffickingType;
        init => _traffickingType = Enum.IsDefined(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown trafficking type.");
    }
}
