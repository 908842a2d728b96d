namespace Nhtrc.Sdk.Triage;

/// <summary>
/// Who a contact is escalated to. JSON names are <c>emergencyServices</c>, <c>childWelfare</c>,
/// <c>lawEnforcement</c> and <c>supervisor</c>.
/// </summary>
public enum EscalationKind
{
    /// <summary>Emergency services (911): only on imminent harm, and without waiting for consent.</summary>
    EmergencyServices = 1,

    /// <summary>The child-welfare agency (child protective services): a mandatory report when a minor may be abused.</summary>
    ChildWelfare = 2,

    /// <summary>A law-enforcement agency: mandatory for a minor; for an adult only with valid consent to that agency.</summary>
    LawEnforcement = 3,

    /// <summary>The hotline's shift supervisor: alerted on every potential trafficking case.</summary>
    Supervisor = 4,
}
