namespace Nhtrc.Sdk.Triage;

/// <summary>
/// One escalation decided by triage: who is notified, on what basis, whether it is made and, when it depends on
/// consent, what the contact's consents say. An escalation on <see cref="EscalationBasis.Consent"/> that finds no
/// valid consent is kept with <see cref="IsMade"/> false so the outcome says the report is not made and why.
/// Immutable; holds no personal data.
/// </summary>
public sealed class Escalation
{
    internal Escalation(EscalationAction action, TriageRule rule, ConsentStatus consent, string explanation)
    {
        Action = action;
        Rule = rule;
        Consent = consent;
        Explanation = explanation;
    }

    /// <summary>Who is notified.</summary>
    public EscalationKind Kind => Action.Kind;

    /// <summary>The id of the agency or person notified.</summary>
    public string Recipient => Action.Recipient;

    /// <summary>Why the escalation may be made.</summary>
    public EscalationBasis Basis => Action.Basis;

    /// <summary>The law requiring a mandatory report, or null.</summary>
    public string? LegalBasis => Action.LegalBasis;

    /// <summary>The action of the rule that asked for it.</summary>
    public EscalationAction Action { get; }

    /// <summary>The rule that asked for it.</summary>
    public TriageRule Rule { get; }

    /// <summary>What the contact's consents say; <see cref="ConsentStatus.NotRequired"/> unless <see cref="Basis"/> is consent.</summary>
    public ConsentStatus Consent { get; }

    /// <summary>True when the escalation is to be made: always, unless it needs consent and <see cref="Consent"/> is not <see cref="ConsentStatus.Valid"/>.</summary>
    public bool IsMade => Consent is ConsentStatus.NotRequired or ConsentStatus.Valid;

    /// <summary>
    /// One line for a supervisor, for example <c>law enforcement (fbi): not made: the consent to a law-enforcement
    /// report for fbi was revoked at 2026-07-03T10:00:00Z</c>.
    /// </summary>
    public string Explanation { get; }

    /// <summary>Returns <see cref="Explanation"/> followed by the rule id in brackets.</summary>
    public override string ToString() => $"{Explanation} [{Rule.Id}]";

    internal bool Equivalent(Escalation other) =>
        Action == other.Action && Rule.Id == other.Rule.Id && Consent == other.Consent && Explanation == other.Explanation;
}
