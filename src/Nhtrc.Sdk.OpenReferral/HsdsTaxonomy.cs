using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Text;
using static Nhtrc.Sdk.OpenReferral.HsdsReader;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// Reads the taxonomy terms HSDS 3.0 links to a record through its <c>attributes</c> (each with a
/// <c>taxonomy_term</c> carrying <c>code</c> and <c>taxonomy</c>). Our own vocabularies are read here (docs/open-referral.md,
/// "Attributes"): <see cref="ServiceTypeTaxonomy"/> (codes are the JSON names of <see cref="ServiceType"/>, what the HSDS
/// export writes, so a round trip is exact), <see cref="PopulationTaxonomy"/>, <see cref="CapacityTaxonomy"/> and
/// <see cref="WarmTransferTaxonomy"/>; every other term goes through the source's <see cref="HsdsTaxonomyMap"/>. A term
/// that adds nothing (no code, no entry, or a code our vocabulary does not know) is an unmapped term: a warning naming
/// its vocabulary and code (which are not personal data).
/// </summary>
internal static class HsdsTaxonomy
{
    /// <summary>The taxonomy name of our service types.</summary>
    public const string ServiceTypeTaxonomy = "nhtrc-service-type";

    /// <summary>Our private population vocabulary: codes <c>gender:W</c>, <c>trafficking-type:W</c>, <c>immigration-status:W</c>.</summary>
    public const string PopulationTaxonomy = "nhtrc-population";

    /// <summary>Our private capacity vocabulary: codes <c>accepting</c>, <c>waitlist</c>, <c>full</c>.</summary>
    public const string CapacityTaxonomy = "nhtrc-capacity";

    /// <summary>Our private warm-transfer vocabulary: code <c>accepts</c>.</summary>
    public const string WarmTransferTaxonomy = "nhtrc-warm-transfer";

    /// <summary>The term code that marks a location confidential (on the location's attributes).</summary>
    public const string ConfidentialLocationCode = "confidential-location";

    private const int MaxEchoedLength = 64;

    /// <summary>Every (taxonomy, code) pair linked to the record, in document order.</summary>
    public static IEnumerable<(string? Taxonomy, string Code, string Path)> Terms(JsonElement record, string path)
    {
        foreach (var (taxonomy, code, index) in AllTerms(record))
        {
            if (code is not null)
            {
                yield return (taxonomy, code, TermPath(path, index));
            }
        }
    }

    /// <summary>What the terms of a service say: its types, population facets, capacity and warm transfers; unmapped terms are warned about and counted.</summary>
    public static ServiceTerms Read(JsonElement service, string path, HsdsTaxonomyMap map, Action<string, string> warn)
    {
        var terms = new ServiceTerms();
        foreach (var (taxonomy, code, index) in AllTerms(service))
        {
            // The path is formatted only for a warning (most terms map).
            var termPath = new TermPathText(path, index);
            if (code is null)
            {
                Unmapped(warn, termPath, "has no code; the term maps to nothing.");
                continue;
            }

            switch (OwnVocabulary(taxonomy))
            {
                case ServiceTypeTaxonomy:
                    if (WireNames.TryParse<ServiceType>(code, out var type))
                    {
                        Add(terms.Types, type);
                    }
                    else
                    {
                        Unmapped(warn, termPath, $"code {Echo(code)} is not a service type of {ServiceTypeTaxonomy} ({WireNames.Expected<ServiceType>()}); the term maps to nothing.");
                    }

                    break;
                case PopulationTaxonomy:
                    if (!Population(terms, code))
                    {
                        Unmapped(warn, termPath, $"code {Echo(code)} is not a code of {PopulationTaxonomy} (gender:, trafficking-type: sex or labor, immigration-status:, then a JSON name); the term maps to nothing.");
                    }

                    break;
                case CapacityTaxonomy:
                    Capacity(terms, code, termPath, warn);
                    break;
                case WarmTransferTaxonomy:
                    if (string.Equals(code, "accepts", StringComparison.Ordinal))
                    {
                        terms.AcceptsWarmTransfers = true;
                    }
                    else
                    {
                        Unmapped(warn, termPath, $"code {Echo(code)} is not a code of {WarmTransferTaxonomy} (accepts); the term maps to nothing.");
                    }

                    break;
                default:
                    if (map.TryMatch(taxonomy, code, out var mapping))
                    {
                        terms.Apply(mapping);
                    }
                    else
                    {
                        Unmapped(warn, termPath, taxonomy is null
                            ? $"has code {Echo(code)} and no taxonomy name; the term maps to nothing."
                            : $"taxonomy {Echo(taxonomy)} code {Echo(code)} matches no entry of the taxonomy map; the term maps to nothing.");
                    }

                    break;
            }
        }

        return terms;
    }

    /// <summary>
    /// The name of our own vocabulary the taxonomy is, compared lower-cased (invariant), else the name lower-cased.
    /// An ASCII name is compared ignoring case, which is the same comparison without allocating the lower-cased copy.
    /// </summary>
    private static string? OwnVocabulary(string? taxonomy)
    {
        if (taxonomy is null || !System.Text.Ascii.IsValid(taxonomy))
        {
            return taxonomy?.ToLowerInvariant();
        }

        foreach (var own in (ReadOnlySpan<string>)[ServiceTypeTaxonomy, PopulationTaxonomy, CapacityTaxonomy, WarmTransferTaxonomy])
        {
            if (string.Equals(taxonomy, own, StringComparison.OrdinalIgnoreCase))
            {
                return own;
            }
        }

        return null;
    }

    /// <summary>A value of the feed's vocabulary, quoted, or its length when long (term codes are not personal data).</summary>
    internal static string Echo(string value)
    {
        if (value.Length > MaxEchoedLength)
        {
            return $"(a {value.Length}-character value)";
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return $"(a {value.Length}-character value with control characters)";
            }
        }

        return "'" + value + "'";
    }

    /// <summary>Every term linked through the record's <c>attributes</c>, with the attribute's index, in document order.</summary>
    private static IEnumerable<(string? Taxonomy, string? Code, int Index)> AllTerms(JsonElement record)
    {
        if (!record.TryGetProperty("attributes"u8, out var attributes) || attributes.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        var index = 0;
        foreach (var attribute in attributes.EnumerateArray())
        {
            if (attribute.ValueKind == JsonValueKind.Object &&
                attribute.TryGetProperty("taxonomy_term"u8, out var term) && term.ValueKind == JsonValueKind.Object)
            {
                var code = GetString(term, "code")?.Trim();
                // The vocabulary: the term's taxonomy text, else the name of its taxonomy_detail (what the CSV form links).
                var taxonomy = GetString(term, "taxonomy")?.Trim() is { Length: > 0 } named ? named
                    : term.TryGetProperty("taxonomy_detail"u8, out var detail) && detail.ValueKind == JsonValueKind.Object ? GetString(detail, "name")?.Trim() : null;
                yield return (taxonomy, code is { Length: > 0 } ? code : null, index);
            }

            index++;
        }
    }

    private static string TermPath(string path, int index) => $"{path}.attributes[{Format(index)}].taxonomy_term";

    /// <summary>A term's path, formatted when a warning needs it.</summary>
    private readonly record struct TermPathText(string Path, int Index)
    {
        public override string ToString() => TermPath(Path, Index);
    }

    private static void Unmapped(Action<string, string> warn, TermPathText path, string message)
    {
        System.Diagnostics.Debug.Assert(message.EndsWith(HsdsMapper.UnmappedTermMessageEnd, StringComparison.Ordinal), "the unmapped-terms count is counted by this ending");
        warn(path.ToString(), message);
    }

    private static bool Population(ServiceTerms terms, string code)
    {
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        var value = code[(colon + 1)..];
        switch (code[..colon])
        {
            case "gender" when WireNames.TryParse<Gender>(value, out var gender):
                Add(terms.Genders, gender);
                return true;
            case "trafficking-type" when WireNames.TryParse<TraffickingType>(value, out var form) && form is TraffickingType.Sex or TraffickingType.Labor:
                Add(terms.TraffickingTypes, form);
                return true;
            case "immigration-status" when WireNames.TryParse<ImmigrationStatus>(value, out var status):
                Add(terms.ImmigrationStatuses, status);
                return true;
            default:
                return false;
        }
    }

    private static void Capacity(ServiceTerms terms, string code, TermPathText path, Action<string, string> warn)
    {
        if (!WireNames.TryParse<Capacity>(code, out var capacity))
        {
            Unmapped(warn, path, $"code {Echo(code)} is not a code of {CapacityTaxonomy} ({WireNames.Expected<Capacity>()}); the term maps to nothing.");
            return;
        }

        if (terms.Capacity is { } earlier && earlier != capacity)
        {
            warn(path.ToString(), $"contradicts an earlier {CapacityTaxonomy} term; the more restrictive capacity applies.");
            capacity = (Capacity)Math.Max((int)earlier, (int)capacity);
        }

        terms.Capacity = capacity;
    }

    private static void Add<T>(List<T> list, T value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    /// <summary>What a service's terms say, distinct, in document order. One service; not thread-safe.</summary>
    internal sealed class ServiceTerms
    {
        public List<ServiceType> Types { get; } = [];

        public List<Gender> Genders { get; } = [];

        public List<TraffickingType> TraffickingTypes { get; } = [];

        public List<ImmigrationStatus> ImmigrationStatuses { get; } = [];

        public Capacity? Capacity { get; set; }

        public bool AcceptsWarmTransfers { get; set; }

        public void Apply(HsdsTermMapping mapping)
        {
            foreach (var type in mapping.Types)
            {
                Add(Types, type);
            }

            foreach (var gender in mapping.Genders)
            {
                Add(Genders, gender);
            }

            foreach (var form in mapping.TraffickingTypes)
            {
                Add(TraffickingTypes, form);
            }

            foreach (var status in mapping.ImmigrationStatuses)
            {
                Add(ImmigrationStatuses, status);
            }
        }

        public ImmutableArray<ServiceType> TypeArray() => [.. Types];
    }
}
