using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Triage;

/// <summary>
/// One rule of a <see cref="TriageRules"/> set: when a contact meets <see cref="When"/>, the rule fires and
/// contributes its actions (an urgency, a queue, escalations, follow-ups to offer), explained by
/// <see cref="Reason"/>. Immutable and thread-safe; holds no personal data.
/// </summary>
/// <remarks>
/// A rule that escalates to emergency services must also make the contact urgent. A rule whose condition tests
/// consent (<see cref="TriageCondition.HasConsent"/>) may only escalate: consent is never a condition of service,
/// so it cannot change urgency, queue or follow-ups.
/// </remarks>
public sealed class TriageRule
{
    /// <summary>The longest <see cref="Reason"/> accepted, in characters.</summary>
    public const int MaxReasonLength = 500;

    /// <summary>Creates a rule.</summary>
    /// <param name="id">A short unique id such as <c>crisis</c>: 1 to 128 ASCII letters, digits, '.', '_', ':' or '-'.</param>
    /// <param name="reason">Why the rule exists, in words a supervisor can read: non-blank, at most <see cref="MaxReasonLength"/> characters.</param>
    /// <param name="when">When the rule fires.</param>
    /// <param name="urgency">The urgency the rule asks for, or null for none.</param>
    /// <param name="queue">The queue the rule asks for, or null; <see cref="TriageQueue.BusinessHours"/> cannot go with <see cref="Urgency.Urgent"/>.</param>
    /// <param name="escalations">The escalations the rule asks for.</param>
    /// <param name="offerReferralNeeds">
    /// Needs to offer referrals for, without duplicates: service types (which convert implicitly), or needs outside the
    /// vocabulary read with <see cref="ReferralNeed.Parse"/>.
    /// </param>
    /// <param name="offerTechnicalAssistance">Kinds of technical assistance to offer, without duplicates.</param>
    /// <exception cref="ArgumentNullException"><paramref name="when"/> is null, or a collection holds null.</exception>
    /// <exception cref="NhtrcValidationException">Any value is invalid, or the rule has no action; every problem is listed.</exception>
    public TriageRule(
        string id,
        string reason,
        TriageCondition when,
        Urgency? urgency = null,
        TriageQueue? queue = null,
        IEnumerable<EscalationAction>? escalations = null,
        IEnumerable<ReferralNeed>? offerReferralNeeds = null,
        IEnumerable<TechnicalAssistanceKind>? offerTechnicalAssistance = null)
    {
        ArgumentNullException.ThrowIfNull(when);
        var escalationList = escalations?.ToImmutableArray() ?? [];
        var needs = offerReferralNeeds?.ToImmutableArray() ?? [];
        var ta = offerTechnicalAssistance?.ToImmutableArray() ?? [];
        if (escalationList.Contains(null!) || needs.Contains(null!))
        {
            throw new ArgumentNullException(escalationList.Contains(null!) ? nameof(escalations) : nameof(offerReferralNeeds), "The collection contains null.");
        }

        var problems = new ProblemList();
        Validate(problems, string.Empty, id, reason, when, urgency, queue, escalationList, [.. needs.Select(n => n.Id)], ta);
        problems.ThrowIfAny("triage rule");
        Id = id;
        Reason = reason;
        When = when;
        Urgency = urgency;
        Queue = queue;
        Escalations = escalationList;
        OfferReferralNeeds = needs;
        OfferTechnicalAssistance = ta;
    }

    /// <summary>The rule's id, unique in its set.</summary>
    public string Id { get; }

    /// <summary>Why the rule exists, for a supervisor.</summary>
    public string Reason { get; }

    /// <summary>When the rule fires.</summary>
    public TriageCondition When { get; }

    /// <summary>The urgency asked for, or null.</summary>
    public Urgency? Urgency { get; }

    /// <summary>The queue asked for, or null.</summary>
    public TriageQueue? Queue { get; }

    /// <summary>The escalations asked for, in order.</summary>
    public ImmutableArray<EscalationAction> Escalations { get; }

    /// <summary>Needs to offer referrals for, in order.</summary>
    public ImmutableArray<ReferralNeed> OfferReferralNeeds { get; }

    /// <summary>Kinds of technical assistance to offer, in order.</summary>
    public ImmutableArray<TechnicalAssistanceKind> OfferTechnicalAssistance { get; }

    /// <summary>Returns <c>id: reason</c>.</summary>
    public override string ToString() => $"{Id}: {Reason}";

    /// <summary>
    /// Checks a rule's values; <paramref name="prefix"/> is put before each member name (empty for a rule built in
    /// code, <c>$.rules[3].</c> for one read from JSON, whose property names are the parameter names).
    /// <paramref name="actionsIncomplete"/> is true when some escalations or offers could not be read and are left out.
    /// </summary>
    internal static void Validate(
        ProblemList problems,
        string prefix,
        string? id,
        string? reason,
        TriageCondition? when,
        Urgency? urgency,
        TriageQueue? queue,
        IReadOnlyList<EscalationAction> escalations,
        IReadOnlyList<string?> needs,
        IReadOnlyList<TechnicalAssistanceKind> ta,
        bool actionsIncomplete = false)
    {
        problems.Check(prefix + "id", ContactRules.OpaqueId(id));
        if (string.IsNullOrWhiteSpace(reason))
        {
            problems.Add(prefix + "reason", "is required: say why the rule exists, for a supervisor.");
        }
        else if (reason.Length > MaxReasonLength)
        {
            problems.Add(prefix + "reason", $"must be at most {MaxReasonLength} characters.");
        }

        if (urgency is { } u)
        {
            problems.Check(prefix + "urgency", ContactRules.Defined(u));
        }

        if (queue is { } q)
        {
            problems.Check(prefix + "queue", ContactRules.Defined(q));
            if (q == TriageQueue.BusinessHours && urgency == Contacts.Urgency.Urgent)
            {
                problems.Add(prefix + "queue", "must not be businessHours for an urgent rule: urgent contacts go to the 24/7 line.");
            }
        }

        for (var i = 0; i < escalations.Count; i++)
        {
            var escalation = escalations[i];
            if (escalation.Kind == EscalationKind.EmergencyServices && urgency != Contacts.Urgency.Urgent)
            {
                problems.Add($"{prefix}escalations[{i}]", "escalates to emergency services, so the rule must set urgency to urgent.");
            }

            for (var j = 0; j < i; j++)
            {
                if (escalations[j].Kind == escalation.Kind && escalations[j].Recipient == escalation.Recipient)
                {
                    problems.Add($"{prefix}escalations[{i}]", $"repeats escalations[{j}] ({TriageText.Wire(escalation.Kind)} {escalation.Recipient}).");
                    break;
                }
            }
        }

        Contact.ValidateReferralNeedIds(problems, needs!, i => $"{prefix}offerReferralNeeds[{i}]");
        for (var i = 0; i < ta.Count; i++)
        {
            problems.Check($"{prefix}offerTechnicalAssistance[{i}]", ContactRules.Defined(ta[i]));
            for (var j = 0; j < i; j++)
            {
                if (ta[j] == ta[i])
                {
                    problems.Add($"{prefix}offerTechnicalAssistance[{i}]", "repeats an earlier kind of technical assistance.");
                    break;
                }
            }
        }

        var servesContact = urgency is not null || queue is not null || needs.Count > 0 || ta.Count > 0;
        if (!servesContact && escalations.Count == 0 && !actionsIncomplete)
        {
            problems.Add(prefix.Length == 0 ? "rule" : prefix.TrimEnd('.'), "has no action: give at least one of urgency, queue, escalations, offerReferralNeeds, offerTechnicalAssistance.");
        }

        if (when is not null && when.TestsConsent && servesContact)
        {
            problems.Add(prefix + "when", "tests consent, so the rule may only escalate: consent is never a condition of service (urgency, queue and follow-ups must not depend on it).");
        }
    }
}
