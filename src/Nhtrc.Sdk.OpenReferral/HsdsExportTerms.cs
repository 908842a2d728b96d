using System;
using System.Text;
using System.Text.Json;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// The taxonomy terms the HSDS export links through <c>attributes</c> (the contract with the import,
/// docs/open-referral.md): our service types, the confidential-location mark, and the private vocabularies
/// (populations, capacity, warm transfers, the IANA zone of a schedule). A term's id is derived from its taxonomy and
/// code, so the same term has the same id wherever it appears.
/// </summary>
internal static class HsdsExportTerms
{
    /// <summary>Our general vocabulary, holding the confidential-location mark.</summary>
    public const string NhtrcTaxonomy = "nhtrc";

    /// <summary>Private: who a service is for (<c>gender:</c>, <c>trafficking-type:</c>, <c>immigration-status:</c> wire names).</summary>
    public const string PopulationTaxonomy = "nhtrc-population";

    /// <summary>Private: whether a service takes new clients (<c>accepting</c>, <c>waitlist</c>, <c>full</c>).</summary>
    public const string CapacityTaxonomy = "nhtrc-capacity";

    /// <summary>Private: the hotline can conference a caller straight in (<c>accepts</c>).</summary>
    public const string WarmTransferTaxonomy = "nhtrc-warm-transfer";

    /// <summary>Private, on a schedule: the IANA zone id of its local times.</summary>
    public const string TimeZoneTaxonomy = "nhtrc-timezone";

    /// <summary>The code of <see cref="WarmTransferTaxonomy"/>.</summary>
    public const string AcceptsCode = "accepts";

    /// <summary>
    /// Writes one attribute linking <paramref name="linkId"/> (a record of <paramref name="linkEntity"/>) to the term
    /// <paramref name="code"/> of <paramref name="taxonomy"/>; the attribute's id is derived from the owner's key and the index.
    /// </summary>
    public static void WriteAttribute(Utf8JsonWriter w, string ownerKey, string linkId, string linkEntity, int index, string taxonomy, string code)
    {
        var termId = HsdsExportWriter.DerivedId("taxonomy:" + taxonomy, "term:" + code, 0);
        w.WriteStartObject();
        w.WriteString("id", HsdsExportWriter.DerivedId(ownerKey, "attribute", index));
        w.WriteString("link_id", linkId);
        w.WriteString("link_type", linkEntity);
        w.WriteString("link_entity", linkEntity);
        w.WriteString("taxonomy_term_id", termId);
        w.WritePropertyName("taxonomy_term");
        w.WriteStartObject();
        w.WriteString("id", termId);
        w.WriteString("code", code);
        w.WriteString("name", Name(taxonomy, code));
        w.WriteString("description", Description(taxonomy));
        w.WriteString("taxonomy", taxonomy);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A readable name for a term: <c>emergencyShelter</c> is "Emergency shelter", <c>gender:female</c> "Gender: female".</summary>
    public static string Name(string taxonomy, string code) => taxonomy switch
    {
        HsdsTaxonomy.ServiceTypeTaxonomy => Words(code),
        NhtrcTaxonomy when code == HsdsTaxonomy.ConfidentialLocationCode => "Confidential location",
        PopulationTaxonomy when code.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon =>
            Words(code[..colon]) + ": " + Words(code[(colon + 1)..]).ToLowerInvariant(),
        CapacityTaxonomy => "Capacity: " + Words(code).ToLowerInvariant(),
        WarmTransferTaxonomy => "Accepts warm transfers",
        _ => code,
    };

    private static string Description(string taxonomy) => taxonomy switch
    {
        HsdsTaxonomy.ServiceTypeTaxonomy => "What the service offers, in the NHTRC referral directory's service types.",
        NhtrcTaxonomy => "The location's name, address and coordinates are withheld to protect the people it serves.",
        PopulationTaxonomy => "Who the service is for, in the NHTRC referral directory's terms.",
        CapacityTaxonomy => "Whether the service takes new clients.",
        WarmTransferTaxonomy => "The hotline can conference a caller straight in to the service.",
        _ => "The IANA time zone of the schedule's local times (HSDS timezone holds only a UTC offset).",
    };

    /// <summary>Splits a camelCase or kebab-case name into words, the first capitalized: <c>immigrationLegalServices</c> is "Immigration legal services".</summary>
    private static string Words(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            if (c == '-')
            {
                text.Append(' ');
            }
            else if (char.IsAsciiLetterUpper(c) && text.Length > 0)
            {
                text.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(text.Length == 0 ? char.ToUpperInvariant(c) : c);
            }
        }

        return text.ToString();
    }
}
