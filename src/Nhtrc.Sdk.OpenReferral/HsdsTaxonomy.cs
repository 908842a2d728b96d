using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Text;
using static Nhtrc.Sdk.OpenReferral.HsdsReader;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// Reads the taxonomy terms HSDS 3.0 links to a record through its <c>attributes</c> (each with a
/// <c>taxonomy_term</c> carrying <c>code</c> and <c>taxonomy</c>). This slice knows one vocabulary: our own,
/// <see cref="ServiceTypeTaxonomy"/>, whose codes are the JSON names of <see cref="ServiceType"/> (what the HSDS
/// export writes, so a round trip is exact); the mapping table for Open Eligibility and 211/AIRS codes builds on it.
/// </summary>
internal static class HsdsTaxonomy
{
    /// <summary>The taxonomy name of our service types.</summary>
    public const string ServiceTypeTaxonomy = "nhtrc-service-type";

    /// <summary>The term code that marks a location confidential (on the location's attributes) in this slice.</summary>
    public const string ConfidentialLocationCode = "confidential-location";

    /// <summary>Every (taxonomy, code) pair linked to the record, in document order.</summary>
    public static IEnumerable<(string? Taxonomy, string Code, string Path)> Terms(JsonElement record, string path)
    {
        foreach (var (attribute, attributePath) in Items(record, "attributes", path))
        {
            if (attribute.ValueKind == JsonValueKind.Object &&
                attribute.TryGetProperty("taxonomy_term", out var term) && term.ValueKind == JsonValueKind.Object &&
                GetString(term, "code")?.Trim() is { Length: > 0 } code)
            {
                yield return (GetString(term, "taxonomy")?.Trim(), code, attributePath + ".taxonomy_term");
            }
        }
    }

    /// <summary>The service types of the record's terms in our own vocabulary, distinct, in document order.</summary>
    public static ImmutableArray<ServiceType> ServiceTypes(JsonElement record)
    {
        var types = new List<ServiceType>();
        foreach (var (taxonomy, code, _) in Terms(record, "$"))
        {
            if (string.Equals(taxonomy, ServiceTypeTaxonomy, StringComparison.Ordinal) &&
                WireNames.TryParse<ServiceType>(code, out var type) && !types.Contains(type))
            {
                types.Add(type);
            }
        }

        return [.. types];
    }

    /// <summary>Whether a location's attributes carry the confidential-location term.</summary>
    public static bool IsConfidentialLocation(JsonElement location)
    {
        foreach (var (_, code, _) in Terms(location, "$"))
        {
            if (string.Equals(code, ConfidentialLocationCode, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
