using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nhtrc.Sdk.Triage.Json;

// The wire shape of a triage rule set (docs/triage.md). Everything is nullable and strings, so the reader can report
// every missing or invalid value with its path; unknown properties land in Unknown and are reported too.

internal sealed class TriageRulesDocument
{
    public string? Id { get; set; }

    public List<TriageRuleDocument?>? Rules { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class TriageRuleDocument
{
    public string? Id { get; set; }

    public string? Reason { get; set; }

    public TriageConditionDocument? When { get; set; }

    public string? Urgency { get; set; }

    public string? Queue { get; set; }

    public List<EscalationActionDocument?>? Escalations { get; set; }

    public List<string?>? OfferReferralNeeds { get; set; }

    public List<string?>? OfferTechnicalAssistance { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

/// <summary>Exactly one property is set: a combinator (all, any, not) or a simple test.</summary>
internal sealed class TriageConditionDocument
{
    public List<TriageConditionDocument?>? All { get; set; }

    public List<TriageConditionDocument?>? Any { get; set; }

    public TriageConditionDocument? Not { get; set; }

    public List<string?>? RequestKind { get; set; }

    public List<string?>? Channel { get; set; }

    public List<string?>? Role { get; set; }

    public List<string?>? TraffickingType { get; set; }

    public string? Signal { get; set; }

    public bool? Anonymous { get; set; }

    public ConsentTestDocument? HasConsent { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class ConsentTestDocument
{
    public string? Scope { get; set; }

    public string? Recipient { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}

internal sealed class EscalationActionDocument
{
    public string? Kind { get; set; }

    public string? Recipient { get; set; }

    public string? Basis { get; set; }

    public string? LegalBasis { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Unknown { get; set; }
}
