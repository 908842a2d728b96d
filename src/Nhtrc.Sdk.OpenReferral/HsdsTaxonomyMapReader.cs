using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.OpenReferral;

/// <summary>
/// Reads the JSON form of an <see cref="HsdsTaxonomyMap"/> with <see cref="JsonDocument"/> (no reflection), collecting
/// every problem with its JSON path before throwing one <see cref="NhtrcValidationException"/>.
/// </summary>
internal static class HsdsTaxonomyMapReader
{
    /// <summary>The largest table read: 4 MiB.</summary>
    public const int MaxBytes = 4 << 20;

    /// <summary>The longest code pattern: 100 characters.</summary>
    public const int MaxPatternLength = 100;

    private const string Subject = "taxonomy map";

    public static NhtrcValidationException TooLong() => new(Subject, [new ValidationProblem("$", $"is longer than {MaxBytes} bytes.")]);

    public static HsdsTaxonomyMap Read(ReadOnlyMemory<byte> utf8, HsdsTaxonomyMap? defaults)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new NhtrcValidationException(Subject, [new ValidationProblem("$", $"is not well-formed JSON (line {(e.LineNumber ?? 0) + 1}).")]);
        }

        using (document)
        {
            var problems = new List<ValidationProblem>();
            var entries = Root(document.RootElement, defaults, problems);
            if (problems.Count > 0)
            {
                throw new NhtrcValidationException(Subject, problems);
            }

            return new HsdsTaxonomyMap(entries);
        }
    }

    private static List<HsdsTermMapping> Root(JsonElement root, HsdsTaxonomyMap? defaults, List<ValidationProblem> problems)
    {
        var entries = new List<HsdsTermMapping>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new("$", "must be an object with a taxonomies array."));
            return entries;
        }

        var extends = false;
        var sawTaxonomies = false;
        foreach (var property in root.EnumerateObject())
        {
            var path = Member("$", property.Name);
            switch (property.Name)
            {
                case "comment":
                    Comment(property.Value, path, problems);
                    break;
                case "extends":
                    if (defaults is not null && property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() == "default")
                    {
                        extends = true;
                    }
                    else
                    {
                        problems.Add(new(path, defaults is null ? "is not allowed in the default table." : "must be \"default\" (the only table a map can extend)."));
                    }

                    break;
                case "taxonomies":
                    sawTaxonomies = true;
                    Taxonomies(property.Value, path, entries, problems);
                    break;
                default:
                    problems.Add(new(path, "is not a property of a taxonomy map (comment, extends, taxonomies)."));
                    break;
            }
        }

        if (!sawTaxonomies)
        {
            problems.Add(new("$.taxonomies", "is required."));
        }

        if (extends)
        {
            entries.AddRange(defaults!.Entries);
        }

        return entries;
    }

    private static void Taxonomies(JsonElement taxonomies, string path, List<HsdsTermMapping> entries, List<ValidationProblem> problems)
    {
        if (taxonomies.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new(path, "must be an array."));
            return;
        }

        var namesSeen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var taxonomy in taxonomies.EnumerateArray())
        {
            Taxonomy(taxonomy, $"{path}[{i++}]", namesSeen, entries, problems);
        }
    }

    private static void Taxonomy(JsonElement taxonomy, string path, HashSet<string> namesSeen, List<HsdsTermMapping> entries, List<ValidationProblem> problems)
    {
        if (taxonomy.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(path, "must be an object with names and terms."));
            return;
        }

        ImmutableArray<string> names = [];
        JsonElement? terms = null;
        foreach (var property in taxonomy.EnumerateObject())
        {
            var member = Member(path, property.Name);
            switch (property.Name)
            {
                case "comment":
                    Comment(property.Value, member, problems);
                    break;
                case "names":
                    names = Names(property.Value, member, namesSeen, problems);
                    break;
                case "terms":
                    terms = property.Value;
                    break;
                default:
                    problems.Add(new(member, "is not a property of a taxonomy (comment, names, terms)."));
                    break;
            }
        }

        if (!taxonomy.TryGetProperty("names", out _))
        {
            problems.Add(new(path + ".names", "is required."));
        }

        if (terms is not { } list)
        {
            problems.Add(new(path + ".terms", "is required."));
            return;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new(path + ".terms", "must be an array."));
            return;
        }

        var patterns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var j = 0;
        foreach (var term in list.EnumerateArray())
        {
            if (Term(term, $"{path}.terms[{j++}]", names, patterns, problems) is { } entry && !names.IsEmpty)
            {
                entries.Add(entry);
            }
        }
    }

    private static ImmutableArray<string> Names(JsonElement names, string path, HashSet<string> namesSeen, List<ValidationProblem> problems)
    {
        if (names.ValueKind != JsonValueKind.Array || names.GetArrayLength() == 0)
        {
            problems.Add(new(path, "must be a non-empty array of vocabulary names."));
            return [];
        }

        var result = ImmutableArray.CreateBuilder<string>();
        var k = 0;
        foreach (var name in names.EnumerateArray())
        {
            var at = $"{path}[{k++}]";
            var text = name.ValueKind == JsonValueKind.String ? name.GetString()!.Trim() : null;
            var key = text is null ? "" : HsdsTaxonomyMap.NormalizeName(text);
            if (key.Length == 0)
            {
                problems.Add(new(at, "must be a name with at least one letter or digit."));
            }
            else if (key.StartsWith("nhtrc", StringComparison.Ordinal))
            {
                problems.Add(new(at, "is reserved: vocabularies whose names start with nhtrc are read by the importer itself."));
            }
            else if (!namesSeen.Add(key))
            {
                problems.Add(new(at, "repeats a vocabulary name of this table (names compare by letters and digits, ignoring case)."));
            }
            else
            {
                result.Add(text!);
            }
        }

        return result.Count == names.GetArrayLength() ? result.ToImmutable() : [];
    }

    private static HsdsTermMapping? Term(JsonElement term, string path, ImmutableArray<string> names, HashSet<string> patterns, List<ValidationProblem> problems)
    {
        if (term.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new(path, "must be an object with a code."));
            return null;
        }

        var before = problems.Count;
        string? pattern = null;
        ImmutableArray<ServiceType> types = [];
        ImmutableArray<Gender> genders = [];
        ImmutableArray<TraffickingType> trafficking = [];
        ImmutableArray<ImmigrationStatus> statuses = [];
        foreach (var property in term.EnumerateObject())
        {
            var member = Member(path, property.Name);
            switch (property.Name)
            {
                case "comment":
                    Comment(property.Value, member, problems);
                    break;
                case "code":
                    pattern = Pattern(property.Value, member, patterns, problems);
                    break;
                case "types":
                    types = List<ServiceType>(property.Value, member, problems, null);
                    break;
                case "genders":
                    genders = List<Gender>(property.Value, member, problems, null);
                    break;
                case "traffickingTypes":
                    trafficking = List(property.Value, member, problems, static (TraffickingType t) => t is TraffickingType.Sex or TraffickingType.Labor);
                    break;
                case "immigrationStatuses":
                    statuses = List<ImmigrationStatus>(property.Value, member, problems, null);
                    break;
                default:
                    problems.Add(new(member, "is not a property of a term (comment, code, types, genders, traffickingTypes, immigrationStatuses)."));
                    break;
            }
        }

        if (!term.TryGetProperty("code", out _))
        {
            problems.Add(new(path + ".code", "is required."));
        }

        if (problems.Count == before && types.IsEmpty && genders.IsEmpty && trafficking.IsEmpty && statuses.IsEmpty)
        {
            problems.Add(new(path, "maps to nothing: give types, or a population facet (genders, traffickingTypes, immigrationStatuses)."));
        }

        return problems.Count == before && pattern is not null ? new HsdsTermMapping(names, pattern, types, genders, trafficking, statuses) : null;
    }

    private static string? Pattern(JsonElement code, string path, HashSet<string> patterns, List<ValidationProblem> problems)
    {
        var text = code.ValueKind == JsonValueKind.String ? code.GetString()!.Trim() : null;
        if (string.IsNullOrEmpty(text))
        {
            problems.Add(new(path, "must be a non-blank code, or a prefix followed by *."));
            return null;
        }

        if (text.Length > MaxPatternLength)
        {
            problems.Add(new(path, $"is longer than {MaxPatternLength} characters."));
            return null;
        }

        if (text.IndexOf('*', StringComparison.Ordinal) is var star && star >= 0 && star != text.Length - 1)
        {
            problems.Add(new(path, "may hold * only as its last character (a prefix wildcard)."));
            return null;
        }

        if (!patterns.Add(text))
        {
            problems.Add(new(path, "repeats a code pattern of this taxonomy (codes compare ignoring case)."));
            return null;
        }

        return text;
    }

    private static ImmutableArray<T> List<T>(JsonElement list, string path, List<ValidationProblem> problems, Func<T, bool>? allowed)
        where T : struct, Enum
    {
        if (list.ValueKind != JsonValueKind.Array)
        {
            problems.Add(new(path, "must be an array of names."));
            return [];
        }

        var result = new List<T>();
        var k = 0;
        foreach (var item in list.EnumerateArray())
        {
            var at = $"{path}[{k++}]";
            if (item.ValueKind == JsonValueKind.String && WireNames.TryParse<T>(item.GetString(), out var value) && (allowed is null || allowed(value)))
            {
                if (!result.Contains(value))
                {
                    result.Add(value);
                }
            }
            else
            {
                problems.Add(new(at, allowed is null
                    ? $"must be one of: {WireNames.Expected<T>()}."
                    : "must be one of: sex, labor."));
            }
        }

        return [.. result];
    }

    private static void Comment(JsonElement value, string path, List<ValidationProblem> problems)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(new(path, "must be a string."));
        }
    }

    private static string Member(string path, string name)
    {
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return $"{path}[{JsonSerializerEscaped(name)}]";
            }
        }

        return name.Length == 0 ? path + "['']" : $"{path}.{name}";
    }

    private static string JsonSerializerEscaped(string name) =>
        name.Length > 40 ? $"'a {name.Length}-character name'" : "'" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
