using System.Collections.Generic;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Triage.Json;

/// <summary>Turns a <see cref="TriageRulesDocument"/> into <see cref="TriageRules"/>, listing every problem with its JSON path.</summary>
internal static class TriageRulesDocumentReader
{
    public const string Subject = "triage rules document";

    private const string ConditionForms =
        "all, any, not, requestKind, channel, role, traffickingType, signal, anonymous or hasConsent";

    public static TriageRules ToRules(TriageRulesDocument? d)
    {
        var problems = new ProblemList();
        if (d is null)
        {
            problems.Add("$", "must be a JSON object, not null.");
            problems.ThrowIfAny(Subject);
        }

        DocumentFields.Unknown(problems, "$", d!.Unknown);
        problems.Check("$.id", ContactRules.OpaqueId(d.Id));
        var rules = new List<TriageRule>();
        var documents = d.Rules ?? [];
        for (var i = 0; i < documents.Count; i++)
        {
            if (Rule(problems, $"$.rules[{i}]", documents[i]) is { } rule)
            {
                rules.Add(rule);
            }
        }

        // By the documents' ids, so that a rule that cannot be read does not hide a repeated id.
        TriageRules.ValidateRules(problems, "$.", documents.Count, i => documents[i]?.Id);

        problems.ThrowIfAny(Subject);
        return new TriageRules(d.Id!, rules);
    }

    private static TriageRule? Rule(ProblemList problems, string path, TriageRuleDocument? d)
    {
        if (d is null)
        {
            problems.Add(path, "must be an object.");
            return null;
        }

        var before = problems.Count;
        DocumentFields.Unknown(problems, path, d.Unknown);
        var when = d.When is null ? TriageCondition.Always : Condition(problems, path + ".when", d.When);
        var urgency = DocumentFields.Enum<Urgency>(problems, path + ".urgency", d.Urgency, required: false);
        var queue = DocumentFields.Enum<TriageQueue>(problems, path + ".queue", d.Queue, required: false);
        var unreadable = (d.Urgency is not null && urgency is null) || (d.Queue is not null && queue is null);

        var escalations = new List<EscalationAction>();
        var escalationDocuments = d.Escalations ?? [];
        for (var i = 0; i < escalationDocuments.Count; i++)
        {
            if (Escalation(problems, $"{path}.escalations[{i}]", escalationDocuments[i]) is { } escalation)
            {
                escalations.Add(escalation);
            }
        }

        var ta = new List<TechnicalAssistanceKind>();
        var taDocuments = d.OfferTechnicalAssistance ?? [];
        for (var i = 0; i < taDocuments.Count; i++)
        {
            if (DocumentFields.Enum<TechnicalAssistanceKind>(problems, $"{path}.offerTechnicalAssistance[{i}]", taDocuments[i], required: true) is { } kind)
            {
                ta.Add(kind);
            }
        }

        // Items that could not be read are left out of the cross-checks, whose messages name items by index.
        var needs = d.OfferReferralNeeds ?? [];
        var escalationsRead = escalations.Count == escalationDocuments.Count;
        var taRead = ta.Count == taDocuments.Count;
        TriageRule.Validate(
            problems, path + ".", d.Id, d.Reason, when, urgency, queue,
            escalationsRead ? escalations : [], needs, taRead ? ta : [], actionsIncomplete: unreadable || !escalationsRead || !taRead);

        return problems.Count > before
            ? null
            : new TriageRule(d.Id!, d.Reason!, when!, urgency, queue, escalations, needs.Select(n => ReferralNeed.FromValidId(n!)), ta);
    }

    private static EscalationAction? Escalation(ProblemList problems, string path, EscalationActionDocument? d)
    {
        if (d is null)
        {
            problems.Add(path, "must be an object.");
            return null;
        }

        var before = problems.Count;
        DocumentFields.Unknown(problems, path, d.Unknown);
        var kind = DocumentFields.Enum<Triage.EscalationKind>(problems, path + ".kind", d.Kind, required: true);
        var basis = DocumentFields.Enum<EscalationBasis>(problems, path + ".basis", d.Basis, required: true);
        if (kind is { } k && basis is { } b)
        {
            EscalationAction.Validate(problems, path + ".", k, d.Recipient, b, d.LegalBasis);
        }
        else
        {
            problems.Check(path + ".recipient", ContactRules.Recipient(d.Recipient));
        }

        return problems.Count > before ? null : new EscalationAction(kind!.Value, d.Recipient!, basis!.Value, d.LegalBasis);
    }

    private static TriageCondition? Condition(ProblemList problems, string path, TriageConditionDocument? d)
    {
        if (d is null)
        {
            problems.Add(path, $"must be a condition object with one of {ConditionForms}.");
            return null;
        }

        var before = problems.Count;
        DocumentFields.Unknown(problems, path, d.Unknown);
        var forms = new List<string>();
        Note(forms, d.All, "all");
        Note(forms, d.Any, "any");
        Note(forms, d.Not, "not");
        Note(forms, d.RequestKind, "requestKind");
        Note(forms, d.Channel, "channel");
        Note(forms, d.Role, "role");
        Note(forms, d.TraffickingType, "traffickingType");
        Note(forms, d.Signal, "signal");
        Note(forms, d.Anonymous, "anonymous");
        Note(forms, d.HasConsent, "hasConsent");
        if (forms.Count != 1)
        {
            if (forms.Count == 0 && d.Unknown is null)
            {
                problems.Add(path, $"must have one of {ConditionForms}.");
            }
            else if (forms.Count > 1)
            {
                problems.Add(path, $"has {forms.Count} tests ({string.Join(", ", forms)}); put one test in each object and combine them with all or any.");
            }

            return null;
        }

        TriageCondition? result = forms[0] switch
        {
            "all" => List(problems, path + ".all", d.All!, all: true),
            "any" => List(problems, path + ".any", d.Any!, all: false),
            "not" => Condition(problems, path + ".not", d.Not) is { } inner ? TriageCondition.Not(inner) : null,
            "requestKind" => Values<RequestKind>(problems, path + ".requestKind", d.RequestKind!) is { } kinds ? TriageCondition.RequestKindIn(kinds) : null,
            "channel" => Values<ContactChannel>(problems, path + ".channel", d.Channel!) is { } channels ? TriageCondition.ChannelIn(channels) : null,
            "role" => Values<CallerRole>(problems, path + ".role", d.Role!) is { } roles ? TriageCondition.RoleIn(roles) : null,
            "traffickingType" => Values<TraffickingType>(problems, path + ".traffickingType", d.TraffickingType!) is { } types ? TriageCondition.TraffickingTypeIn(types) : null,
            "signal" => DocumentFields.Enum<TriageSignal>(problems, path + ".signal", d.Signal, required: true) is { } signal ? TriageCondition.Signal(signal) : null,
            "anonymous" => TriageCondition.Anonymous(d.Anonymous!.Value),
            _ => Consent(problems, path + ".hasConsent", d.HasConsent!),
        };
        return problems.Count > before ? null : result;
    }

    private static TriageCondition? List(ProblemList problems, string path, List<TriageConditionDocument?> items, bool all)
    {
        if (items.Count == 0)
        {
            problems.Add(path, "must list at least one condition.");
            return null;
        }

        var conditions = new List<TriageCondition>();
        for (var i = 0; i < items.Count; i++)
        {
            if (Condition(problems, $"{path}[{i}]", items[i]) is { } condition)
            {
                conditions.Add(condition);
            }
        }

        if (conditions.Count != items.Count)
        {
            return null;
        }

        return all ? TriageCondition.All(conditions) : TriageCondition.Any(conditions);
    }

    private static List<T>? Values<T>(ProblemList problems, string path, List<string?> items)
        where T : struct, System.Enum
    {
        if (items.Count == 0)
        {
            problems.Add(path, "must list at least one value.");
            return null;
        }

        var values = new List<T>();
        for (var i = 0; i < items.Count; i++)
        {
            if (DocumentFields.Enum<T>(problems, $"{path}[{i}]", items[i], required: true) is { } value)
            {
                if (values.Contains(value))
                {
                    problems.Add($"{path}[{i}]", "repeats an earlier value.");
                }

                values.Add(value);
            }
        }

        return values.Count == items.Count ? values : null;
    }

    private static TriageCondition? Consent(ProblemList problems, string path, ConsentTestDocument d)
    {
        var before = problems.Count;
        DocumentFields.Unknown(problems, path, d.Unknown);
        var scope = DocumentFields.Enum<ConsentScope>(problems, path + ".scope", d.Scope, required: true);
        problems.Check(path + ".recipient", ContactRules.Recipient(d.Recipient));
        return problems.Count > before ? null : TriageCondition.HasConsent(scope!.Value, d.Recipient!);
    }

    private static void Note(List<string> forms, object? value, string name)
    {
        if (value is not null)
        {
            forms.Add(name);
        }
    }
}
