using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk.Triage.Json;

/// <summary>
/// Turns <see cref="TriageRules"/> into the <see cref="TriageRulesDocument"/> that <see cref="TriageRulesDocumentReader"/>
/// reads back to equal rules; a rule that applies always is written without <c>when</c>.
/// </summary>
internal static class TriageRulesDocumentWriter
{
    public static TriageRulesDocument ToDocument(TriageRules rules) => new()
    {
        Id = rules.Id,
        Rules = [.. rules.Rules.Select(r => (TriageRuleDocument?)Rule(r))],
    };

    private static TriageRuleDocument Rule(TriageRule r) => new()
    {
        Id = r.Id,
        Reason = r.Reason,
        When = ReferenceEquals(r.When, TriageCondition.Always) ? null : r.When.ToDocument(),
        Urgency = r.Urgency is { } urgency ? WireName<Urgency>.Of(urgency) : null,
        Queue = r.Queue is { } queue ? WireName<TriageQueue>.Of(queue) : null,
        Escalations = r.Escalations.IsEmpty ? null : [.. r.Escalations.Select(e => (EscalationActionDocument?)new EscalationActionDocument
        {
            Kind = WireName<EscalationKind>.Of(e.Kind),
            Recipient = e.Recipient,
            Basis = WireName<EscalationBasis>.Of(e.Basis),
            LegalBasis = e.LegalBasis,
        })],
        OfferReferralNeeds = r.OfferReferralNeeds.IsEmpty ? null : [.. r.OfferReferralNeeds.Select(n => n.Id)],
        OfferTechnicalAssistance = r.OfferTechnicalAssistance.IsEmpty ? null : [.. r.OfferTechnicalAssistance.Select(k => (string?)WireName<TechnicalAssistanceKind>.Of(k))],
    };
}
