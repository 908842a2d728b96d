namespace Nhtrc.Sdk.Triage;

/// <summary>
/// What the contact's consents say about one escalation. For an escalation on <see cref="EscalationBasis.Consent"/>
/// only <see cref="Valid"/> lets it be made; every other value says why it is not. JSON names are the
/// camelCase member names.
/// </summary>
public enum ConsentStatus
{
    /// <summary>The escalation's basis does not depend on consent (imminent harm, mandatory report, hotline policy).</summary>
    NotRequired = 1,

    /// <summary>A consent of the right scope for this recipient is valid at the triage instant.</summary>
    Valid = 2,

    /// <summary>The contact holds no consent at all.</summary>
    None = 3,

    /// <summary>Consents exist, but none is of the scope this escalation needs.</summary>
    WrongScope = 4,

    /// <summary>A consent of the right scope exists, but only for other recipients.</summary>
    WrongRecipient = 5,

    /// <summary>The consent of the right scope for this recipient is granted only after the triage instant.</summary>
    NotYetGranted = 6,

    /// <summary>The consent of the right scope for this recipient expired at or before the triage instant.</summary>
    Expired = 7,

    /// <summary>The consent of the right scope for this recipient was revoked at or before the triage instant.</summary>
    Revoked = 8,
}
