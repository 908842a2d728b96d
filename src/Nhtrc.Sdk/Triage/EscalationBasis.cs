namespace Nhtrc.Sdk.Triage;

/// <summary>
/// Why an escalation may be made. Each <see cref="EscalationKind"/> allows some bases only (see
/// <see cref="EscalationAction"/>). JSON names are <c>imminentHarm</c>, <c>mandatoryReport</c>,
/// <c>consent</c> and <c>hotlinePolicy</c>.
/// </summary>
public enum EscalationBasis
{
    /// <summary>Someone faces imminent harm; made at once, with no consent needed (emergency services only).</summary>
    ImminentHarm = 1,

    /// <summary>A report the hotline must make by law, such as suspected child abuse; made without consent, with its legal basis recorded.</summary>
    MandatoryReport = 2,

    /// <summary>Made only if the contact holds a valid consent of the matching scope for that recipient at the triage instant (law enforcement only).</summary>
    Consent = 3,

    /// <summary>An internal notification required by the hotline's own procedures (supervisor alerts); no personal data leaves the hotline.</summary>
    HotlinePolicy = 4,
}
