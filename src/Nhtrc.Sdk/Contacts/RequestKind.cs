namespace Nhtrc.Sdk.Contacts;

/// <summary>
/// What a contact asks of the hotline, from the hotline's published call definitions. JSON names are the
/// camelCase member names (<c>crisis</c>, <c>trainingAndTechnicalAssistance</c>, <c>highRisk</c>).
/// </summary>
public enum RequestKind
{
    /// <summary>
    /// A potential victim, or someone with or calling for one, needs immediate emergency help or a
    /// social-service or law-enforcement response within 24 hours; or the caller has direct knowledge of
    /// a victim in immediate danger.
    /// </summary>
    Crisis = 1,

    /// <summary>Information about a specific situation of possible trafficking, with no known immediate danger.</summary>
    Tip = 2,

    /// <summary>A request for services for a victim or survivor (shelter, legal, medical, case management...).</summary>
    Referral = 3,

    /// <summary>
    /// A request for training and technical assistance (TTA); what is asked is listed as
    /// <see cref="TechnicalAssistanceKind"/> values on the contact.
    /// </summary>
    TrainingAndTechnicalAssistance = 4,

    /// <summary>A general question about human trafficking or the hotline, not about a specific situation.</summary>
    GeneralInformation = 5,

    /// <summary>
    /// Exploitation without clear indicators of force, fraud or coercion, such as domestic violence, child
    /// abuse or runaway youth: not (yet) a trafficking case, but a situation at risk of becoming one.
    /// </summary>
    HighRisk = 6,
}
