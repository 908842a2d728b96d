using System;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Triage;

/// <summary>
/// What a <see cref="TriageRule"/> asks for when it escalates: notify <see cref="Recipient"/>, an agency of
/// kind <see cref="Kind"/>, on <see cref="Basis"/>. Allowed bases: emergency services on imminent harm;
/// child welfare on a mandatory report; law enforcement on a mandatory report or on consent; the supervisor
/// on hotline policy. A mandatory report records its <see cref="LegalBasis"/>. Immutable; equality is by value.
/// </summary>
public sealed record EscalationAction
{
    /// <summary>The longest <see cref="LegalBasis"/> accepted, in characters.</summary>
    public const int MaxLegalBasisLength = 500;

    /// <summary>Creates an escalation action.</summary>
    /// <param name="kind">Who is notified.</param>
    /// <param name="recipient">The id of the agency or person notified, such as <c>child-protective-services</c>: an opaque id as for <see cref="Consent.Recipient"/>; stored lowercase.</param>
    /// <param name="basis">Why it may be made; must be allowed for <paramref name="kind"/>.</param>
    /// <param name="legalBasis">The law that requires a mandatory report; required for <see cref="EscalationBasis.MandatoryReport"/> and not allowed otherwise.</param>
    /// <exception cref="NhtrcValidationException">Any argument is invalid; every problem is listed.</exception>
    public EscalationAction(EscalationKind kind, string recipient, EscalationBasis basis, string? legalBasis = null)
    {
        var problems = new ProblemList();
        Validate(problems, string.Empty, kind, recipient, basis, legalBasis);
        problems.ThrowIfAny("escalation action");
        Kind = kind;
        Recipient = recipient.ToLowerInvariant();
        Basis = basis;
        LegalBasis = legalBasis;
    }

    /// <summary>Who is notified.</summary>
    public EscalationKind Kind { get; }

    /// <summary>The lowercase id of the agency or person notified.</summary>
    public string Recipient { get; }

    /// <summary>Why the escalation may be made.</summary>
    public EscalationBasis Basis { get; }

    /// <summary>The law that requires a mandatory report, or null for other bases.</summary>
    public string? LegalBasis { get; }

    /// <summary>The consent scope an escalation on <see cref="EscalationBasis.Consent"/> needs: a law-enforcement report.</summary>
    internal static ConsentScope RequiredScope => ConsentScope.LawEnforcementReport;

    /// <summary>Returns for example <c>lawEnforcement fbi on consent</c>.</summary>
    public override string ToString() => $"{TriageText.Wire(Kind)} {Recipient} on {TriageText.Wire(Basis)}";

    internal static bool IsAllowed(EscalationKind kind, EscalationBasis basis) => kind switch
    {
        EscalationKind.EmergencyServices => basis == EscalationBasis.ImminentHarm,
        EscalationKind.ChildWelfare => basis == EscalationBasis.MandatoryReport,
        EscalationKind.LawEnforcement => basis is EscalationBasis.MandatoryReport or EscalationBasis.Consent,
        EscalationKind.Supervisor => basis == EscalationBasis.HotlinePolicy,
        _ => false,
    };

    internal static void Validate(ProblemList problems, string prefix, EscalationKind kind, string? recipient, EscalationBasis basis, string? legalBasis)
    {
        var kindProblem = ContactRules.Defined(kind);
        var basisProblem = ContactRules.Defined(basis);
        problems.Check(prefix + "kind", kindProblem);
        problems.Check(prefix + "recipient", ContactRules.Recipient(recipient));
        problems.Check(prefix + "basis", basisProblem);
        if (kindProblem is null && basisProblem is null && !IsAllowed(kind, basis))
        {
            problems.Add(prefix + "basis", $"{TriageText.Wire(basis)} is not allowed for {TriageText.Wire(kind)}; use {AllowedFor(kind)}.");
        }

        if (basis == EscalationBasis.MandatoryReport)
        {
            if (string.IsNullOrWhiteSpace(legalBasis))
            {
                problems.Add(prefix + "legalBasis", "is required for a mandatory report: name the law that requires it.");
            }
            else if (legalBasis.Length > MaxLegalBasisLength)
            {
                problems.Add(prefix + "legalBasis", $"must be at most {MaxLegalBasisLength} characters.");
            }
        }
        else if (legalBasis is not null && basisProblem is null)
        {
            problems.Add(prefix + "legalBasis", "applies only to a mandatoryReport escalation.");
        }
    }

    private static string AllowedFor(EscalationKind kind)
    {
        var names = string.Empty;
        foreach (var basis in Enum.GetValues<EscalationBasis>())
        {
            if (IsAllowed(kind, basis))
            {
                names += (names.Length == 0 ? string.Empty : " or ") + TriageText.Wire(basis);
            }
        }

        return names;
    }
}
