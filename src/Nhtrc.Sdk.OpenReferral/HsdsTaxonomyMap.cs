using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Text;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// Maps the taxonomy terms of an HSDS 3.0 feed (a vocabulary name and a term code, such as <c>AIRS</c> and
/// <c>BH-1800.8500</c>, or <c>Open Eligibility</c> and <c>emergency-shelter</c>) to our service types and, optionally,
/// to population facets. Read from JSON (docs/open-referral.md, "Taxonomy mapping table") by <see cref="Load"/> or
/// <see cref="Parse"/>; <see cref="Default"/> is the table shipped in the package, with codes and our mapping only (no
/// licensed AIRS/211 term names or definitions).
/// <para>
/// Matching: vocabulary names compare by their letters and digits only, case-insensitively (<c>Open Eligibility</c>,
/// <c>open_eligibility</c> and <c>OPEN-ELIGIBILITY</c> are one name). A code pattern is either exact or a prefix wildcard
/// ending in <c>*</c> (<c>BH-1800*</c> matches <c>BH-1800</c> and <c>BH-1800.8500</c>); codes compare case-insensitively
/// after trimming. Of the patterns that match, the most specific wins: an exact pattern before any wildcard, then the
/// wildcard with the longest prefix; patterns equally specific (only possible between a table and the default table it
/// extends) are decided by table order, the extending table first. Our own vocabularies (names starting with
/// <c>nhtrc</c>) are read by the importer itself and cannot be mapped here.
/// </para>
/// Immutable and thread-safe.
/// </summary>
public sealed class HsdsTaxonomyMap
{
    private const string DefaultResource = "Nhtrc.Sdk.OpenReferral.Data.taxonomy-map.json";

    private static readonly Lazy<HsdsTaxonomyMap> DefaultInstance = new(LoadDefault, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, Vocabulary> _vocabularies;
    private readonly FrozenDictionary<string, Vocabulary>.AlternateLookup<ReadOnlySpan<char>> _vocabulariesBySpan;

    internal HsdsTaxonomyMap(IReadOnlyList<HsdsTermMapping> entries)
    {
        Entries = [.. entries];
        var byName = new Dictionary<string, (Dictionary<string, HsdsTermMapping> Exact, List<HsdsTermMapping> Wildcards)>(StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            foreach (var name in entry.Names)
            {
                var key = NormalizeName(name);
                if (!byName.TryGetValue(key, out var vocabulary))
                {
                    vocabulary = (new Dictionary<string, HsdsTermMapping>(StringComparer.OrdinalIgnoreCase), []);
                    byName.Add(key, vocabulary);
                }

                if (!entry.IsWildcard)
                {
                    vocabulary.Exact.TryAdd(entry.Pattern, entry);
                }
                else if (!vocabulary.Wildcards.Any(w => string.Equals(w.Pattern, entry.Pattern, StringComparison.OrdinalIgnoreCase)))
                {
                    vocabulary.Wildcards.Add(entry);
                }
            }
        }

        // Longest prefix first; the stable sort keeps table order among prefixes of one length.
        _vocabularies = byName.ToFrozenDictionary(
            p => p.Key,
            p => new Vocabulary(p.Value.Exact.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase), [.. p.Value.Wildcards.OrderByDescending(w => w.Prefix.Length)]),
            StringComparer.Ordinal);
        _vocabulariesBySpan = _vocabularies.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The table shipped in the package (Open Eligibility slugs and 211/AIRS code prefixes), loaded once.</summary>
    public static HsdsTaxonomyMap Default => DefaultInstance.Value;

    /// <summary>Every entry in table order (for a table that extends the default one, its own entries, then the default's).</summary>
    public ImmutableArray<HsdsTermMapping> Entries { get; }

    /// <summary>Reads a table from UTF-8 JSON.</summary>
    /// <param name="utf8Json">The table; read to its end, not closed.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="Validation.NhtrcValidationException">The table is malformed; every problem is named with its JSON path.</exception>
    public static HsdsTaxonomyMap Load(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = utf8Json.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > HsdsTaxonomyMapReader.MaxBytes)
            {
                throw HsdsTaxonomyMapReader.TooLong();
            }

            buffer.Write(chunk, 0, read);
        }

        return HsdsTaxonomyMapReader.Read(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), Default);
    }

    /// <summary>Reads a table from JSON text.</summary>
    /// <param name="json">The table.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="Validation.NhtrcValidationException">The table is malformed; every problem is named with its JSON path.</exception>
    public static HsdsTaxonomyMap Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (Encoding.UTF8.GetMaxByteCount(json.Length) > HsdsTaxonomyMapReader.MaxBytes && Encoding.UTF8.GetByteCount(json) > HsdsTaxonomyMapReader.MaxBytes)
        {
            throw HsdsTaxonomyMapReader.TooLong();
        }

        return HsdsTaxonomyMapReader.Read(Encoding.UTF8.GetBytes(json), Default);
    }

    /// <summary>The entry a term maps through, by the precedence rule of the class summary; false when none matches.</summary>
    /// <param name="taxonomy">The term's vocabulary name (<c>taxonomy_term.taxonomy</c>); null matches nothing.</param>
    /// <param name="code">The term's code; null matches nothing.</param>
    /// <param name="mapping">The entry that wins.</param>
    /// <returns>Whether an entry matches.</returns>
    public bool TryMatch(string? taxonomy, string? code, [NotNullWhen(true)] out HsdsTermMapping? mapping)
    {
        mapping = null;
        if (taxonomy is null || code is null || !TryGetVocabulary(taxonomy, out var vocabulary))
        {
            return false;
        }

        var trimmed = code.Trim();
        if (trimmed.Length == 0)
        {
            return false;
        }

        if (vocabulary.Exact.TryGetValue(trimmed, out mapping))
        {
            return true;
        }

        foreach (var wildcard in vocabulary.Wildcards)
        {
            if (trimmed.StartsWith(wildcard.Prefix, StringComparison.OrdinalIgnoreCase))
            {
                mapping = wildcard;
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public override string ToString() => $"HsdsTaxonomyMap: {Entries.Length} entries";

    /// <summary>A vocabulary name as compared: its ASCII letters and digits, lower-cased (other letters kept, lower-cased).</summary>
    internal static string NormalizeName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }

    // The vocabulary of a name, normalized into a stack buffer when short, so a lookup allocates nothing.
    private bool TryGetVocabulary(string taxonomy, [NotNullWhen(true)] out Vocabulary? vocabulary)
    {
        const int MaxStackName = 128;
        if (taxonomy.Length > MaxStackName)
        {
            return _vocabularies.TryGetValue(NormalizeName(taxonomy), out vocabulary);
        }

        Span<char> buffer = stackalloc char[MaxStackName];
        var n = 0;
        foreach (var c in taxonomy)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[n++] = char.ToLowerInvariant(c);
            }
        }

        return _vocabulariesBySpan.TryGetValue(buffer[..n], out vocabulary);
    }

    private static HsdsTaxonomyMap LoadDefault()
    {
        using var stream = typeof(HsdsTaxonomyMap).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"The embedded resource {DefaultResource} is missing from the package.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return HsdsTaxonomyMapReader.Read(buffer.ToArray(), null);
    }

    private sealed record Vocabulary(FrozenDictionary<string, HsdsTermMapping> Exact, ImmutableArray<HsdsTermMapping> Wildcards);
}
