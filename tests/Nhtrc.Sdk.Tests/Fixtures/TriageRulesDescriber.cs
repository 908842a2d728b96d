using System;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Triage;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Fixtures;

/// <summary>
/// Describes <see cref="TriageRules"/> through their public members: id and every rule with its reason,
/// condition, urgency, queue, escalations and follow-ups. A condition shows itself only as its documented text
/// (<see cref="TriageCondition.ToString"/>, the form of docs/triage.md), so each is also described by what it
/// does: which of a fixed set of probe contacts it matches.
/// </summary>
internal static class TriageRulesDescriber
{
    private const int ProbeCount = 64;

    // The recipients the fixtures' consent tests name, and some they do not.
    private static readonly string[] ProbeRecipients =
        ["fbi", "hsi", "local-law-enforcement", "state-police", "task-force:region_4", "nhtrc", "child-protective-services"];

    private static readonly Instant ProbeInstant = Instant.FromUtc(2026, 7, 2, 12, 0);

    private static readonly ImmutableArray<Contact> Probes = [.. Enumerable.Range(0, ProbeCount).Select(Probe)];

    public static string Describe(TriageRules rules)
    {
        var w = new DescriptionWriter();
        using (w.Part("triage rules"))
        {
            w.Line("id", DescriptionWriter.Text(rules.Id));
            w.Each("rules", "rule", rules.Rules, rule => Rule(w, rule));
        }

        return w.ToString();
    }

    private static void Rule(DescriptionWriter w, TriageRule rule)
    {
        w.Line("id", DescriptionWriter.Text(rule.Id));
        w.Line("reason", DescriptionWriter.Text(rule.Reason));
        w.Line("when", rule.When.ToString());
        w.Line("matches probes", Matches(rule.When));
        w.Line("urgency", rule.Urgency is { } urgency ? StableLabels.Of(urgency) : DescriptionWriter.None);
        w.Line("queue", rule.Queue is { } queue ? StableLabels.Of(queue) : DescriptionWriter.None);
        w.Each("escalations", "escalation", rule.Escalations, escalation =>
        {
            w.Line("kind", StableLabels.Of(escalation.Kind));
            w.Line("recipient", DescriptionWriter.Text(escalation.Recipient));
            w.Line("basis", StableLabels.Of(escalation.Basis));
            w.Line("legal basis", DescriptionWriter.Text(escalation.LegalBasis));
        });
        w.Items("offer referral needs", rule.OfferReferralNeeds.Select(n => n.Id));
        w.Items("offer technical assistance", rule.OfferTechnicalAssistance.Select(StableLabels.Of));
    }

    // One digit per probe, 1 when it matches, in groups of eight.
    private static string Matches(TriageCondition condition)
    {
        var text = new StringBuilder(ProbeCount + (ProbeCount / 8));
        for (var i = 0; i < Probes.Length; i++)
        {
            text.Append(i > 0 && i % 8 == 0 ? " " : string.Empty).Append(condition.Matches(Probes[i], ProbeInstant) ? '1' : '0');
        }

        return text.ToString();
    }

    // Probe i spreads its request kind, channel, role, trafficking type, anonymity, signals and consents over the
    // possible values with different strides, so that different conditions tend to match different probes.
    private static Contact Probe(int i)
    {
        var bits = Mix(i);
        var kinds = Enum.GetValues<RequestKind>();
        var channels = Enum.GetValues<ContactChannel>();
        var roles = Enum.GetValues<CallerRole>();
        var types = Enum.GetValues<TraffickingType>();
        var scopes = Enum.GetValues<ConsentScope>();
        var kind = kinds[i % kinds.Length];
        var signals = new ContactSignals
        {
            ImmediateDanger = Bit(bits, 0),
            MinorInvolved = Bit(bits, 1),
            VictimCurrentlyInSituation = Bit(bits, 2),
            MedicalEmergency = Bit(bits, 3),
            ResponseNeededWithin24Hours = Bit(bits, 4),
            CallerIsVictim = Bit(bits, 5),
            CallerHasDirectKnowledge = Bit(bits, 6),
            ForceFraudOrCoercionIndicated = Bit(bits, 7),
            ForeignNational = Bit(bits, 8),
            NeedsShelterTonight = Bit(bits, 9),
            LanguageInterpretationNeeded = Bit(bits, 10),
            TraffickingType = types[(i / 3) % types.Length],
        };

        // Two consents: one valid at the probe instant, one expired, revoked or not yet granted.
        var valid = new Consent(scopes[i % scopes.Length], ProbeRecipients[i % ProbeRecipients.Length], ProbeInstant - Duration.FromDays(1));
        var lapsed = ((bits >> 11) & 3) switch
        {
            0 => new Consent(scopes[(i + 1) % scopes.Length], ProbeRecipients[(i + 3) % ProbeRecipients.Length], ProbeInstant - Duration.FromDays(2), ProbeInstant),
            1 => new Consent(scopes[(i + 2) % scopes.Length], ProbeRecipients[(i + 5) % ProbeRecipients.Length], ProbeInstant - Duration.FromDays(2), revokedAt: ProbeInstant - Duration.FromHours(1)),
            _ => new Consent(scopes[(i + 1) % scopes.Length], ProbeRecipients[(i + 2) % ProbeRecipients.Length], ProbeInstant + Duration.FromHours(1)),
        };
        return new Contact(
            $"probe-{i}",
            ProbeInstant,
            channels[(i * 3 + 1) % channels.Length],
            kind,
            new Caller(roles[(i * 7 + 3) % roles.Length], (i / 5) % 2 == 1, LanguageTag.English),
            signals,
            kind == RequestKind.TrainingAndTechnicalAssistance ? [TechnicalAssistanceKind.PhoneConsultation] : null,
            consents: Bit(bits, 13) ? [valid, lapsed] : [lapsed]);
    }

    // A fixed scramble of i (an LCG step), so that the signal bits of neighbouring probes are unrelated.
    private static ulong Mix(int i) => unchecked(((ulong)i * 6364136223846793005UL) + 1442695040888963407UL) >> 20;

    private static bool Bit(ulong bits, int n) => ((bits >> n) & 1) == 1;
}
