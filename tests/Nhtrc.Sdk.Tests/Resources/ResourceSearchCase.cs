using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Resources;

namespace Nhtrc.Sdk.Tests.Resources;

/// <summary>A random small library and a random query over a small vocabulary, so words, topics and ties collide often.</summary>
public sealed record ResourceSearchCase(IReadOnlyList<ResourceMaterial> Materials, ResourceQuery Query)
{
    public override string ToString() =>
        $"query '{Query.Text}' topics [{string.Join(",", Query.Topics)}] audience {Query.Audience} language {Query.Language} max {Query.MaxResults}; "
        + $"materials: {string.Join(" | ", Materials.Select(m => $"{m.Id} '{m.Title}' '{m.Summary}' [{string.Join(",", m.Topics)}] [{string.Join(",", m.Audiences)}] [{string.Join(",", m.Languages)}]"))}";
}

public static class ResourceArbitraries
{
    // Stop words, plurals, case and accents on purpose: "Victims" and "victim" are one token, "the" is none.
    private static readonly string[] Vocabulary =
    [
        "labor", "Labor", "trafficking", "victim", "Victims", "youth", "health", "guide", "rights", "visa",
        "farm", "farms", "hotline", "poster", "agency", "agencies", "the", "of", "para", "niños", "NINOS",
        "víctima", "sex", "law", "screening", "tools", "2024", "status",
    ];

    private static readonly string[] Separators = [" ", " ", " ", ", ", ": ", "-", "/", " (", ") "];

    private static readonly string[] Languages = ["en", "es", "es-MX", "fr", "vi", "zh-Hans"];

    private static readonly string[] QueryLanguages = [.. Languages, "es-ES", "ko"];

    private static readonly ResourceTopic[] Topics = Enum.GetValues<ResourceTopic>();

    private static readonly CallerRole[] Roles = Enum.GetValues<CallerRole>();

    public static Arbitrary<ResourceSearchCase> Cases() => Arb.From(CaseGen);

    public static Gen<string> TextGen(int minWords, int maxWords) =>
        from count in Gen.Choose(minWords, maxWords)
        from words in Gen.ArrayOf(Gen.Elements(Vocabulary), count)
        from separators in Gen.ArrayOf(Gen.Elements(Separators), count)
        select string.Concat(words.Zip(separators, (w, s) => w + s)).Trim();

    public static Gen<T[]> DistinctNonEmpty<T>(T[] values, int max) =>
        from count in Gen.Choose(1, max)
        from items in Gen.ArrayOf(Gen.Elements(values), count)
        select items.Distinct().ToArray();

    public static Gen<ResourceMaterial> MaterialGen(string id) =>
        from title in TextGen(1, 6)
        from summary in TextGen(1, 12)
        from topics in DistinctNonEmpty(Topics, 3)
        from audiences in DistinctNonEmpty(Roles, 4)
        from languages in DistinctNonEmpty(Languages, 3)
        from format in Gen.Elements(Enum.GetValues<ResourceFormat>())
        select new ResourceMaterial(id, title, summary, topics, audiences, [.. languages.Select(LanguageTag.Parse)], format,
            new Uri($"https://example.org/{id}"));

    public static Gen<ResourceQuery> QueryGen =>
        from text in Gen.Frequency((1, Gen.Constant<string?>(null)), (5, TextGen(1, 4).Select(t => (string?)t)), (1, Gen.Constant<string?>("unheard-of words")))
        from topicCount in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(1, 3)))
        from topics in Gen.ArrayOf(Gen.Elements(Topics), topicCount)
        from audience in Gen.Frequency((2, Gen.Constant<CallerRole?>(null)), (1, Gen.Elements(Roles).Select(r => (CallerRole?)r)))
        from language in Gen.Frequency((2, Gen.Constant<LanguageTag?>(null)), (1, Gen.Elements(QueryLanguages).Select(l => (LanguageTag?)LanguageTag.Parse(l))))
        from max in Gen.Frequency((1, Gen.Choose(1, 3)), (3, Gen.Choose(4, 40)))
        select new ResourceQuery(text) { Topics = [.. topics], Audience = audience, Language = language, MaxResults = max };

    public static Gen<ResourceSearchCase> CaseGen =>
        from count in Gen.Choose(0, 25)
        from ids in Gen.Shuffle(Enumerable.Range(0, count).Select(i => $"m-{i}").ToArray())
        from materials in Gen.CollectToArray(ids, MaterialGen)
        from query in QueryGen
        select new ResourceSearchCase(materials, query);
}
