using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.OpenReferral.Tests;

/// <summary>The taxonomy mapping table: its JSON form, its defaults and the precedence rule.</summary>
public class HsdsTaxonomyMapTests
{
    private static ServiceType[] Types(HsdsTaxonomyMap map, string taxonomy, string code) =>
        map.TryMatch(taxonomy, code, out var m) ? [.. m.Types] : [];

    [Theory]
    [InlineData("AIRS", "BH-1800.8500", ServiceType.EmergencyShelter)]
    [InlineData("211/AIRS", "BH-1800", ServiceType.EmergencyShelter)]
    [InlineData("airs", "bh-1800.8000", ServiceType.EmergencyShelter)]
    [InlineData("211 LA", "BH-8400", ServiceType.Housing)]
    [InlineData("AIRS", "FT-3200", ServiceType.LegalServices)]
    [InlineData("AIRS", "FT-3600.3500", ServiceType.ImmigrationLegalServices)]
    [InlineData("AIRS", "RX-8450", ServiceType.SubstanceUseTreatment)]
    [InlineData("AIRS", "RM-3300", ServiceType.MentalHealth)]
    [InlineData("AIRS", "LN-1500", ServiceType.MedicalCare)]
    [InlineData("AIRS", "BT-4500", ServiceType.Transportation)]
    [InlineData("AIRS", "BD-1800.2000", ServiceType.BasicNeeds)]
    [InlineData("AIRS", "BM-6500.1500", ServiceType.BasicNeeds)]
    [InlineData("AIRS", "ND-6500", ServiceType.EmploymentAndEducation)]
    [InlineData("AIRS", "PH-1000", ServiceType.CaseManagement)]
    [InlineData("Open Eligibility", "emergency-shelter", ServiceType.EmergencyShelter)]
    [InlineData("open_eligibility", "Housing", ServiceType.Housing)]
    [InlineData("OPEN-ELIGIBILITY", "legal", ServiceType.LegalServices)]
    [InlineData("Open Eligibility", "immigration", ServiceType.ImmigrationLegalServices)]
    [InlineData("Open Eligibility", "mental-health-care", ServiceType.MentalHealth)]
    [InlineData("Open Eligibility", "medical-care", ServiceType.MedicalCare)]
    [InlineData("Open Eligibility", "addiction-recovery", ServiceType.SubstanceUseTreatment)]
    [InlineData("Open Eligibility", "transportation", ServiceType.Transportation)]
    [InlineData("Open Eligibility", "clothing", ServiceType.BasicNeeds)]
    [InlineData("Open Eligibility", "food-pantry", ServiceType.BasicNeeds)]
    [InlineData("Open Eligibility", "interpretation", ServiceType.Interpretation)]
    [InlineData("Open Eligibility", "job-training", ServiceType.EmploymentAndEducation)]
    [InlineData("Open Eligibility", "victim-advocacy", ServiceType.VictimAdvocacy)]
    [InlineData("Open Eligibility", "case-management", ServiceType.CaseManagement)]
    [InlineData("Open Eligibility", "hotlines", ServiceType.CrisisHotline)]
    public void The_default_table_maps_the_common_vocabularies(string taxonomy, string code, ServiceType first)
    {
        Assert.Equal(first, Types(HsdsTaxonomyMap.Default, taxonomy, code).First());
    }

    [Theory]
    [InlineData("AIRS", "ZZ-9999.9999")]
    [InlineData("Local", "knit-circle")]
    [InlineData("Open Eligibility", "knit-circle")]
    [InlineData("nhtrc", "survivors")]
    [InlineData("AIRS", "")]
    [InlineData("AIRS", "   ")]
    public void Unknown_vocabularies_and_codes_match_nothing(string taxonomy, string code)
    {
        Assert.False(HsdsTaxonomyMap.Default.TryMatch(taxonomy, code, out var mapping));
        Assert.Null(mapping);
        Assert.False(HsdsTaxonomyMap.Default.TryMatch(null, code, out _));
        Assert.False(HsdsTaxonomyMap.Default.TryMatch(taxonomy, null, out _));
    }

    [Fact]
    public void The_most_specific_pattern_wins_in_the_default_table()
    {
        var map = HsdsTaxonomyMap.Default;
        Assert.Equal([ServiceType.Housing], Types(map, "AIRS", "BH-3800.7000"));
        Assert.Equal([ServiceType.EmergencyShelter], Types(map, "AIRS", "BH-1800.8500"));
        Assert.Equal([ServiceType.EmergencyShelter, ServiceType.VictimAdvocacy], Types(map, "AIRS", "BH-1800.1500-100"));
        Assert.Equal([ServiceType.CrisisHotline, ServiceType.MentalHealth], Types(map, "AIRS", "RP-1400.8000"));
        Assert.Equal([ServiceType.CrisisHotline, ServiceType.MentalHealth, ServiceType.VictimAdvocacy], Types(map, "AIRS", "RP-1400.8000-327"));
        Assert.Equal("RP-1400.8000-327*", map.TryMatch("AIRS", "RP-1400.8000-327", out var m) ? m.Pattern : null);
    }

    [Fact]
    public void The_default_table_has_population_facets_and_is_shared()
    {
        Assert.Same(HsdsTaxonomyMap.Default, HsdsTaxonomyMap.Default);
        Assert.True(HsdsTaxonomyMap.Default.TryMatch("Open Eligibility", "women", out var women));
        Assert.Equal([Gender.Female], women.Genders.ToArray());
        Assert.Empty(women.Types);
        Assert.True(HsdsTaxonomyMap.Default.TryMatch("Open Eligibility", "undocumented", out var undocumented));
        Assert.Equal([ImmigrationStatus.ForeignNational], undocumented.ImmigrationStatuses.ToArray());
        Assert.True(HsdsTaxonomyMap.Default.Entries.Length > 90);
    }

    [Fact]
    public void The_embedded_table_ships_codes_and_our_mapping_only()
    {
        using var stream = typeof(HsdsTaxonomyMap).Assembly.GetManifestResourceStream("Nhtrc.Sdk.OpenReferral.Data.taxonomy-map.json");
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        Assert.DoesNotContain("\"name\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"description\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Shelters", text, StringComparison.Ordinal);
        Assert.Equal(HsdsTaxonomyMap.Default.Entries.Length, HsdsTaxonomyMap.Parse(text).Entries.Length);
    }

    [Fact]
    public void A_table_reads_from_text_and_stream_and_can_extend_the_default()
    {
        const string json = """
            { "comment": "local", "extends": "default",
              "taxonomies": [ { "names": ["Local", "AIRS"], "terms": [
                { "code": "knit-circle", "types": ["basicNeeds"], "comment": "c" },
                { "code": "BH-1800*", "types": ["housing"] },
                { "code": "tt-*", "traffickingTypes": ["sex"], "genders": ["female", "female"] } ] } ] }
            """;
        var parsed = HsdsTaxonomyMap.Parse(json);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var loaded = HsdsTaxonomyMap.Load(stream);
        Assert.Equal(parsed.Entries.Select(e => e.ToString()), loaded.Entries.Select(e => e.ToString()));
        Assert.Equal(3 + HsdsTaxonomyMap.Default.Entries.Length, parsed.Entries.Length);
        Assert.Equal([ServiceType.BasicNeeds], Types(parsed, "local", "KNIT-CIRCLE"));
        Assert.Equal([ServiceType.Housing], Types(parsed, "AIRS", "BH-1800.8000"));
        Assert.Equal([ServiceType.EmergencyShelter], Types(parsed, "211/AIRS", "BH-1800.8000"));
        Assert.Equal([ServiceType.EmergencyShelter, ServiceType.VictimAdvocacy], Types(parsed, "AIRS", "BH-1800.1500-100"));
        Assert.True(parsed.TryMatch("Local", "TT-7", out var tt));
        Assert.Equal([TraffickingType.Sex], tt.TraffickingTypes.ToArray());
        Assert.Equal([Gender.Female], tt.Genders.ToArray());
        Assert.False(HsdsTaxonomyMap.Parse("""{ "taxonomies": [] }""").TryMatch("AIRS", "BH-1800", out _));
    }

    [Theory]
    [InlineData("[]", "$", "must be an object")]
    [InlineData("{", "$", "not well-formed JSON")]
    [InlineData("{}", "$.taxonomies", "is required")]
    [InlineData("""{ "taxonomies": {} }""", "$.taxonomies", "must be an array")]
    [InlineData("""{ "extends": "other", "taxonomies": [] }""", "$.extends", "must be \"default\"")]
    [InlineData("""{ "taxonomies": [], "tables": 1 }""", "$.tables", "is not a property")]
    [InlineData("""{ "taxonomies": [], "odd name": 1 }""", "$['odd name']", "is not a property")]
    [InlineData("""{ "taxonomies": [ 3 ] }""", "$.taxonomies[0]", "must be an object")]
    [InlineData("""{ "taxonomies": [ { "terms": [] } ] }""", "$.taxonomies[0].names", "is required")]
    [InlineData("""{ "taxonomies": [ { "names": [], "terms": [] } ] }""", "$.taxonomies[0].names", "non-empty array")]
    [InlineData("""{ "taxonomies": [ { "names": ["--"], "terms": [] } ] }""", "$.taxonomies[0].names[0]", "at least one letter")]
    [InlineData("""{ "taxonomies": [ { "names": ["NHTRC service type"], "terms": [] } ] }""", "$.taxonomies[0].names[0]", "is reserved")]
    [InlineData("""{ "taxonomies": [ { "names": ["A"], "terms": [] }, { "names": ["a"], "terms": [] } ] }""", "$.taxonomies[1].names[0]", "repeats a vocabulary")]
    [InlineData("""{ "taxonomies": [ { "names": ["A"] } ] }""", "$.taxonomies[0].terms", "is required")]
    [InlineData("""{ "taxonomies": [ { "names": ["A"], "terms": [ { "types": ["housing"] } ] } ] }""", "$.taxonomies[0].terms[0].code", "is required")]
    [InlineData("""{ "taxonomies": [ { "names": ["A"], "terms": [ { "code": " ", "types": ["housing"] } ] } ] }""", "$.taxonomies[0].terms[0].code", "non-blank")]
    [InlineData("""{ "taxonomies": [ { "names": ["A"], "terms": [ { "code": "B*H", "types": ["housing"] } ] } ] }""", "$.taxonomies[0].terms[0].code", "only as its last")]
    [InlineData("""{ "taxonomies": [ { "names": ["A"], "terms": [ { "code": "x", "types": ["housing"] }, { "code": "X", "types": ["legalServices"] } ] } ] }""", "$.taxonomies[0].terms[1].code", "repeats a code pattern")]
    [InlineData("""{ "taxonomies": [ { "names": ["A"], "terms": [ { "code": "x", "types": ["shelter"] } ] } ] }""", "$.taxonomies[0].terms[0].types[0]", "must be one of")]
    [InlineData("""{ "taxonomies": [ { "names": ["A"], "terms": [ { "code": "x", "traffickingTypes": ["both"] } ] } ] }""", "$.taxonomies[0].terms[0].traffickingTypes[0]", "sex, labor")]
    [InlineData("""{ "taxonomies": [ { "names": ["A"], "terms": [ { "code": "x" } ] } ] }""", "$.taxonomies[0].terms[0]", "maps to nothing")]
    [InlineData("""{ "taxonomies": [ { "names": ["A"], "terms": [ { "code": "x", "types": [] } ] } ] }""", "$.taxonomies[0].terms[0]", "maps to nothing")]
    [InlineData("""{ "taxonomies": [ { "names": ["A"], "terms": [ { "code": "x", "types": "housing" } ] } ] }""", "$.taxonomies[0].terms[0].types", "must be an array")]
    [InlineData("""{ "taxonomies": [ { "names": ["A"], "terms": [ { "code": "x", "types": ["housing"], "weight": 2 } ] } ] }""", "$.taxonomies[0].terms[0].weight", "is not a property")]
    [InlineData("""{ "comment": 1, "taxonomies": [] }""", "$.comment", "must be a string")]
    public void A_malformed_table_names_the_problem_and_its_path(string json, string path, string message)
    {
        var e = Assert.Throws<NhtrcValidationException>(() => HsdsTaxonomyMap.Parse(json));
        Assert.Contains(e.Problems, p => p.Location == path && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_problem_of_a_table_is_named_at_once()
    {
        const string json = """
            { "taxonomies": [ { "names": ["A", "nhtrc"], "terms": [
              { "code": "a*b", "types": ["housing"] }, { "code": "c", "types": ["nope"] }, { "code": "d" } ] } ] }
            """;
        var e = Assert.Throws<NhtrcValidationException>(() => HsdsTaxonomyMap.Parse(json));
        Assert.Equal(
            ["$.taxonomies[0].names[1]", "$.taxonomies[0].terms[0].code", "$.taxonomies[0].terms[1].types[0]", "$.taxonomies[0].terms[2]"],
            e.Problems.Select(p => p.Location).ToArray());
    }

    [Fact]
    public void Bad_arguments_and_oversized_tables_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => HsdsTaxonomyMap.Parse(null!));
        Assert.Throws<ArgumentNullException>(() => HsdsTaxonomyMap.Load(null!));
        using var big = new MemoryStream(new byte[HsdsTaxonomyMapReader.MaxBytes + 10]);
        var e = Assert.Throws<NhtrcValidationException>(() => HsdsTaxonomyMap.Load(big));
        Assert.Equal("$", Assert.Single(e.Problems).Location);
    }

    // The law: the entry that wins is the one a naive scan picks: of every entry whose pattern matches (exactly, or
    // as a prefix wildcard, ignoring case), the one of greatest specificity (exact over wildcard, then longer
    // literal), the first in table order among equals.
    private static readonly char[] Alphabet = ['A', 'b', 'B', '-', '1'];

    private static Gen<string> Code(int max) =>
        from n in Gen.Choose(0, max)
        from chars in Gen.Elements(Alphabet).ArrayOf(n)
        select new string(chars);

    private static Gen<(string Pattern, string Name)> EntryGen =>
        from literal in Code(4)
        from wildcard in Gen.Elements(true, false)
        from name in Gen.Elements("A", "a-", "B")
        where wildcard || literal.Length > 0
        select (wildcard ? literal + "*" : literal, name);

    private static HsdsTermMapping Naive(IReadOnlyList<HsdsTermMapping> entries, string taxonomy, string code)
    {
        HsdsTermMapping? best = null;
        var bestScore = -1;
        var key = new string(taxonomy.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        foreach (var e in entries)
        {
            if (!e.Names.Any(n => new string(n.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray()) == key))
            {
                continue;
            }

            var literal = e.Pattern.EndsWith('*') ? e.Pattern[..^1] : e.Pattern;
            var matches = e.Pattern.EndsWith('*')
                ? code.StartsWith(literal, StringComparison.OrdinalIgnoreCase)
                : string.Equals(code, literal, StringComparison.OrdinalIgnoreCase);
            var score = (literal.Length * 2) + (e.Pattern.EndsWith('*') ? 0 : 1);
            if (matches && score > bestScore)
            {
                (best, bestScore) = (e, score);
            }
        }

        return best!;
    }

    [Property(MaxTest = 300)]
    public Property The_winning_entry_is_the_one_a_naive_scan_picks() =>
        Prop.ForAll(
            Arb.From(EntryGen.ListOf()),
            Arb.From(Code(6).ArrayOf()),
            (entries, codes) =>
            {
                var mappings = entries.Select(e => new HsdsTermMapping([e.Name], e.Pattern, [ServiceType.Housing], [], [], [])).ToList();
                var map = new HsdsTaxonomyMap(mappings);
                foreach (var taxonomy in new[] { "A", "b" })
                {
                    foreach (var code in codes.Concat(entries.Select(e => e.Pattern.TrimEnd('*'))))
                    {
                        var expected = code.Trim().Length == 0 ? null : Naive(mappings, taxonomy, code);
                        var found = map.TryMatch(taxonomy, code, out var actual);
                        Assert.Equal(expected is not null, found);
                        Assert.Same(expected, actual);
                    }
                }
            });

    [Property(MaxTest = 200)]
    public Property A_table_written_as_json_matches_like_its_entries() =>
        Prop.ForAll(
            Arb.From(EntryGen.ListOf()),
            Arb.From(Code(6).ArrayOf()),
            (entries, codes) =>
            {
                // Distinct patterns per vocabulary, as a table must have; one vocabulary name.
                var distinct = entries.Select(e => e.Pattern).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                var terms = string.Join(",", distinct.Select((p, i) => $$"""{ "code": "{{p}}", "types": ["{{(i % 2 == 0 ? "housing" : "legalServices")}}"] }"""));
                var map = HsdsTaxonomyMap.Parse($$"""{ "taxonomies": [ { "names": ["Local"], "terms": [{{terms}}] } ] }""");
                var reference = map.Entries.ToList();
                Assert.Equal(distinct, reference.Select(e => e.Pattern));
                foreach (var code in codes)
                {
                    var expected = code.Length == 0 ? null : Naive(reference, "local", code);
                    map.TryMatch("LOCAL", code, out var actual);
                    Assert.Same(expected, actual);
                }
            });
}
