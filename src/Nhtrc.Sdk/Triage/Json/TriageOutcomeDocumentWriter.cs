using System.Collections.Immutable;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes.Json;
using Nhtrc.Sdk.Text;

namespace Nhtrc.Sdk.Triage.Json;

/// <summary>Turns a <see cref="TriageOutcome"/> into its result document; a bigger result (a contact outcome) embeds it.</summary>
internal static class TriageOutcomeDocumentWriter
{
    public static TriageOutcomeDocument ToDocument(TriageOutcome outcome) => new()
    {
        ContactId = outcome.ContactId,
        TriagedAt = TriageText.Format(outcome.TriagedAt),
        RuleSetId = outcome.RuleSetId,
        Urgency = WireName<Urgency>.Of(outcome.Urgency),
        UrgencyRules = Rules(outcome.UrgencyRules),
        Queue = new OutcomeQueueDocument
        {
            Name = WireName<TriageQueue>.Of(outcome.Queue),
            OpenNow = outcome.IsQueueOpen,
            OpensAt = outcome.QueueOpensAt is { } opens ? TriageText.Format(opens) : null,
        },
        Deadline = ResponseTimesResultWriter.ToDocument(outcome.Deadline),
        Escalations = Escalations(outcome.Escalations),
        FollowUps = new OutcomeFollowUpsDocument
        {
            ReferralNeeds = [.. outcome.ReferralNeeds.Select(n => n.Id)],
            TechnicalAssistance = Names(outcome.TechnicalAssistance),
        },
        FiredRules = Rules(outcome.FiredRules),
        CallerTimeZone = outcome.CallerTimeZone?.Id,
    };

    private static OutcomeRuleDocument[] Rules(ImmutableArray<TriageRule> rules)
    {
        var documents = new OutcomeRuleDocument[rules.Length];
        for (var i = 0; i < documents.Length; i++)
        {
            documents[i] = new OutcomeRuleDocument { Id = rules[i].Id, Reason = rules[i].Reason };
        }

        return documents;
    }

    private static OutcomeEscalationDocument[] Escalations(ImmutableArray<Escalation> escalations)
    {
        var documents = new OutcomeEscalationDocument[escalations.Length];
        for (var i = 0; i < documents.Length; i++)
        {
            var e = escalations[i];
            documents[i] = new OutcomeEscalationDocument
            {
                Kind = WireName<EscalationKind>.Of(e.Kind),
                Recipient = e.Recipient,
                Basis = WireName<EscalationBasis>.Of(e.Basis),
                LegalBasis = e.LegalBasis,
                Made = e.IsMade,
                Consent = WireName<ConsentStatus>.Of(e.Consent),
                Explanation = e.Explanation,
                RuleId = e.Rule.Id,
            };
        }

        return documents;
    }

    private static string[] Names(ImmutableArray<TechnicalAssistanceKind> kinds)
    {
        var names = new string[kinds.Length];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = WireName<TechnicalAssistanceKind>.Of(kinds[i]);
        }

        return names;
    }
}
