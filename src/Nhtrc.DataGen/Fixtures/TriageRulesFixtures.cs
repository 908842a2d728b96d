using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Triage.Json;
using Nhtrc.Sdk.Triage;

namespace Nhtrc.DataGen.Fixtures;

/// <summary>
/// Triage rule sets written with the source-generated <see cref="TriageRulesJsonContext"/> (there is no public
/// writer), derived from the default rules by deterministic subsets, shuffles and changes: new conditions of
/// every form, other urgencies, queues, recipients, follow-ups, and added rules (consent-tested escalations, a rule
/// without a condition). Every change keeps the rules valid. Plus the default rules file exactly as embedded.
/// </summary>
internal static class TriageRulesFixtures
{
    private const int Seed = 5_000_000;
    private const string DefaultResource = "Nhtrc.Sdk.Triage.nhtrc-default.triage.json";

    private static readonly string[] RequestKinds = Names<RequestKind>();
    private static readonly string[] Channels = Names<ContactChannel>();
    private static readonly string[] Roles = Names<CallerRole>();
    private static readonly string[] TraffickingTypes = Names<TraffickingType>();
    private static readonly string[] Signals = Names<TriageSignal>();
    private static readonly string[] Scopes = Names<ConsentScope>();
    private static readonly string[] AssistanceKinds = Names<TechnicalAssistanceKind>();
    private static readonly string[] Urgencies = Names<Urgency>();
    private static readonly string[] Recipients = ["fbi", "hsi", "local-law-enforcement", "State-Police", "task-force:region_4"];

    public static IReadOnlyList<FixtureDocument> Build(int count)
    {
        var defaultText = SdkResource.ReadText(DefaultResource);
        var documents = new List<FixtureDocument>(count + 1);
        for (var i = 0; i < count; i++)
        {
            var r = new FixtureRandom(Seed + i);
            var document = JsonSerializer.Deserialize(defaultText, TriageRulesJsonContext.Default.TriageRulesDocument)!;
            Vary(i, document, r);
            documents.Add(new FixtureDocument(
                string.Create(CultureInfo.InvariantCulture, $"rules-{i:D3}.json"),
                JsonSerializer.Serialize(document, TriageRulesJsonContext.Default.TriageRulesDocument)));
        }

        documents.Add(new FixtureDocument("nhtrc-default.json", defaultText));
        return documents;
    }

    private static void Vary(int i, TriageRulesDocument document, FixtureRandom r)
    {
        document.Id = string.Create(CultureInfo.InvariantCulture, $"fixture-rules-{i:D3}");
        var rules = document.Rules!.Select(rule => rule!).ToList();

        // A few of the rules (the whole set is the default fixture), in the default order or shuffled.
        var keep = r.Distinct(rules, r.Between(1, 7));
        rules = r.Chance(50) ? [.. rules.Where(keep.Contains)] : keep;
        foreach (var rule in rules)
        {
            if (r.Chance(35))
            {
                rule.When = Condition(r, depth: 0, consent: false);
            }

            if (r.Chance(20))
            {
                rule.Reason += string.Create(CultureInfo.InvariantCulture, $" (fixture variant {i})");
            }

            VaryActions(rule, r);
        }

        for (var added = r.Chance(60) ? r.Between(1, 3) : 0; added > 0; added--)
        {
            rules.Insert(r.Next(rules.Count + 1), Added(i, added, r));
        }

        document.Rules = [.. rules];
    }

    private static void VaryActions(TriageRuleDocument rule, FixtureRandom r)
    {
        var escalations = rule.Escalations ?? [];
        var emergency = escalations.Any(e => e!.Kind == "emergencyServices");
        foreach (var escalation in escalations)
        {
            if (r.Chance(25) && escalation!.Kind is "lawEnforcement" or "supervisor")
            {
                escalation.Recipient = r.Pick(Recipients);
            }
        }

        // Urgency may change unless an emergency escalation needs it urgent; a business-hours queue needs it not urgent.
        if (!emergency && r.Chance(20))
        {
            rule.Urgency = rule.Queue == "businessHours" ? "nonUrgent" : r.Pick(Urgencies);
        }

        if (rule.Urgency == "urgent" && rule.Queue is null && r.Chance(30))
        {
            rule.Queue = "twentyFourSevenLine";
        }

        if (rule.OfferReferralNeeds is not null && r.Chance(30))
        {
            rule.OfferReferralNeeds = [.. r.Distinct(WireNames.All<ServiceType>(), r.Between(1, 3))];
        }

        if (rule.OfferTechnicalAssistance is not null && r.Chance(30))
        {
            rule.OfferTechnicalAssistance = [.. r.Distinct(AssistanceKinds, r.Between(1, 3))];
        }
    }

    // A consent-tested escalation (which may only escalate), or a follow-up that applies to every contact.
    private static TriageRuleDocument Added(int i, int n, FixtureRandom r)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"fixture-{i}-added-{n}");
        if (r.Chance(50))
        {
            var recipient = r.Pick(Recipients);
            return new TriageRuleDocument
            {
                Id = id,
                Reason = "Fixture rule: report to the agency the caller consented to.",
                When = new TriageConditionDocument
                {
                    All =
                    [
                        Condition(r, depth: 1, consent: false),
                        new TriageConditionDocument { HasConsent = new ConsentTestDocument { Scope = "lawEnforcementReport", Recipient = recipient } },
                    ],
                },
                Escalations = [new EscalationActionDocument { Kind = "lawEnforcement", Recipient = recipient, Basis = "consent" }],
            };
        }

        return new TriageRuleDocument
        {
            Id = id,
            Reason = "Fixture rule: always offer a follow-up.",
            OfferReferralNeeds = r.Chance(50) ? [r.Pick(WireNames.All<ServiceType>())] : null,
            OfferTechnicalAssistance = [r.Pick(AssistanceKinds)],
            Escalations = r.Chance(30) ? [new EscalationActionDocument { Kind = "supervisor", Recipient = "shift-supervisor", Basis = "hotlinePolicy" }] : null,
        };
    }

    private static TriageConditionDocument Condition(FixtureRandom r, int depth, bool consent)
    {
        var form = depth >= 2 ? 3 + r.Next(7) : r.Next(consent ? 11 : 10);
        return form switch
        {
            0 => new TriageConditionDocument { All = Children(r, depth) },
            1 => new TriageConditionDocument { Any = Children(r, depth) },
            2 => new TriageConditionDocument { Not = Condition(r, depth + 1, consent) },
            3 => new TriageConditionDocument { RequestKind = Subset(r, RequestKinds) },
            4 => new TriageConditionDocument { Channel = Subset(r, Channels) },
            5 => new TriageConditionDocument { Role = Subset(r, Roles) },
            6 => new TriageConditionDocument { TraffickingType = Subset(r, TraffickingTypes) },
            7 or 8 => new TriageConditionDocument { Signal = r.Pick(Signals) },
            9 => new TriageConditionDocument { Anonymous = r.Chance(50) },
            _ => new TriageConditionDocument { HasConsent = new ConsentTestDocument { Scope = r.Pick(Scopes), Recipient = r.Pick(Recipients) } },
        };
    }

    private static List<TriageConditionDocument?> Children(FixtureRandom r, int depth)
    {
        var children = new List<TriageConditionDocument?>();
        for (var n = r.Between(1, 3); n > 0; n--)
        {
            children.Add(Condition(r, depth + 1, consent: false));
        }

        return children;
    }

    private static List<string?> Subset(FixtureRandom r, string[] names) => [.. r.Distinct(names, r.Between(1, Math.Min(4, names.Length)))];

    private static string[] Names<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(WireName<T>.Of)];
}
