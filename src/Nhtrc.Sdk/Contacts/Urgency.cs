namespace Nhtrc.Sdk.Contacts;

/// <summary>
/// How soon a request must be answered. Urgent work is handled 24/7; non-urgent work in business hours.
/// JSON names are <c>urgent</c> and <c>nonUrgent</c>.
/// </summary>
public enum Urgency
{
    /// <summary>Handled around the clock: crisis contacts, tips with immediate danger, urgent referrals and TTA.</summary>
    Urgent = 1,

    /// <summary>Handled in business hours.</summary>
    NonUrgent = 2,
}
