using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Resources;

/// <summary>
/// An immutable snapshot of resource materials with an inverted index for ranked, explainable search
/// (docs/resources.md). Built once; thread-safe: any number of threads may search one library at once.
/// </summary>
public sealed class ResourceLibrary
{
    // The ranking constants of docs/resources.md; the differential tests keep their own copies on purpose.
    internal const double K1 = 1.2;
    internal const double B = 0.75;
    internal const int TitleWeight = 3;
    internal const int SummaryWeight = 1;
    internal const int TopicWeight = 2;
    internal const double TopicBoost = 1.0;
    internal const double AudienceBoost = 0.5;
    internal const double LanguageBoost = 0.5;

    private const string SampleResourceName = "Nhtrc.Sdk.Resources.SampleLibrary.json";

    private static readonly Lazy<ResourceLibrary> SampleLibrary = new(LoadSample, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, int> _byId;
    private readonly FrozenDictionary<string, Posting[]> _postings;
    private readonly double[] _lengthNorms;

    /// <summary>Builds a library and its index.</summary>
    /// <param name="materials">The materials, in any order; ids must be distinct.</param>
    /// <exception cref="ArgumentNullException"><paramref name="materials"/> is null or contains null.</exception>
    /// <exception cref="NhtrcValidationException">Two materials have the same id; every repeat is listed as <c>materials[i]</c>.</exception>
    public ResourceLibrary(IEnumerable<ResourceMaterial> materials)
    {
        ArgumentNullException.ThrowIfNull(materials);
        var given = materials.ToImmutableArray();
        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var problems = new ProblemList();
        for (var i = 0; i < given.Length; i++)
        {
            if (given[i] is null)
            {
                throw new ArgumentNullException(nameof(materials), "The collection contains null.");
            }

            if (!firstIndex.TryAdd(given[i].Id, i))
            {
                problems.Add($"materials[{i}]", $"repeats the id '{given[i].Id}' of materials[{firstIndex[given[i].Id]}].");
            }
        }

        problems.ThrowIfAny("resource library");
        Materials = [.. given.OrderBy(m => m.Id, StringComparer.Ordinal)];
        _byId = Materials.Select((m, i) => KeyValuePair.Create(m.Id, i)).ToFrozenDictionary(StringComparer.Ordinal);
        (_postings, _lengthNorms) = BuildIndex(Materials);
    }

    /// <summary>
    /// The embedded sample library: about forty clearly fictional materials (titles start with "Sample", links
    /// are on https://example.org) in several languages and for every audience, for demos and tests. Loaded on
    /// first use, once, thread-safely.
    /// </summary>
    public static ResourceLibrary Sample => SampleLibrary.Value;

    /// <summary>Every material, ordered by id (ordinal).</summary>
    public ImmutableArray<ResourceMaterial> Materials { get; }

    /// <summary>The number of materials.</summary>
    public int Count => Materials.Length;

    /// <summary>The material with <paramref name="id"/> (compared ordinally).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
    /// <exception cref="NhtrcValidationException">The library has no material with that id.</exception>
    public ResourceMaterial GetMaterial(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return TryGetMaterial(id, out var material)
            ? material
            : throw new NhtrcValidationException("material id", [new ValidationProblem("id", $"{InputText.Describe(id)} is not the id of a material in the library.")]);
    }

    /// <summary>Finds the material with <paramref name="id"/> (compared ordinally); false, with null, when there is none.</summary>
    public bool TryGetMaterial(string? id, [NotNullWhen(true)] out ResourceMaterial? material)
    {
        material = id is not null && _byId.TryGetValue(id, out var i) ? Materials[i] : null;
        return material is not null;
    }

    /// <summary>
    /// Finds the materials that meet every filter of <paramref name="query"/> and match at least one of its
    /// words, best first: by descending <see cref="ResourceMatch.Score"/>, then by id (ordinal). At most
    /// <see cref="ResourceQuery.MaxResults"/> results. Deterministic: the same library and query always give
    /// the same results in the same order.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    public ImmutableArray<ResourceMatch> Search(ResourceQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var terms = Terms(query.Text);
        var topics = query.Topics.Distinct().ToArray();
        var scores = new double[Materials.Length];
        var candidates = new List<int>();
        if (terms.Count == 0)
        {
            for (var m = 0; m < Materials.Length; m++)
            {
                if (Passes(Materials[m], topics, query.Audience, query.Language))
                {
                    candidates.Add(m);
                }
            }
        }
        else
        {
            // 0 = not seen yet, 1 = passes the filters, -1 = filtered out; each material is checked once.
            var state = new sbyte[Materials.Length];
            foreach (var term in terms)
            {
                if (!_postings.TryGetValue(term, out var postings))
                {
                    continue;
                }

                var idf = Idf(Materials.Length, postings.Length);
                foreach (var p in postings)
                {
                    if (state[p.Material] == 0)
                    {
                        state[p.Material] = Passes(Materials[p.Material], topics, query.Audience, query.Language) ? (sbyte)1 : (sbyte)-1;
                        if (state[p.Material] == 1)
                        {
                            candidates.Add(p.Material);
                        }
                    }

                    if (state[p.Material] == 1)
                    {
                        scores[p.Material] += TermScore(idf, p.WeightedCount, _lengthNorms[p.Material]);
                    }
                }
            }
        }

        foreach (var m in candidates)
        {
            scores[m] += Boosts(Materials[m], topics, query.Audience, query.Language);
        }

        // Material indexes follow id order, so comparing them breaks ties by id.
        candidates.Sort((a, b) => scores[a] != scores[b] ? scores[b].CompareTo(scores[a]) : a.CompareTo(b));
        var count = Math.Min(query.MaxResults, candidates.Count);
        var results = ImmutableArray.CreateBuilder<ResourceMatch>(count);
        for (var i = 0; i < count; i++)
        {
            var m = candidates[i];
            results.Add(new ResourceMatch(Materials[m], scores[m], Reasons(m, terms, topics, query.Audience, query.Language)));
        }

        return results.MoveToImmutable();
    }

    /// <summary>The distinct tokens of the query text, in the order they first appear.</summary>
    internal static List<string> Terms(string? text)
    {
        var tokens = text is null ? [] : SearchText.Tokenize(text);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        tokens.RemoveAll(t => !seen.Add(t));
        return tokens;
    }

    private static double Idf(int materialCount, int documentFrequency) =>
        Math.Log(1 + ((materialCount - documentFrequency + 0.5) / (documentFrequency + 0.5)));

    private static double TermScore(double idf, double weightedCount, double lengthNorm) =>
        idf * (weightedCount * (K1 + 1)) / (weightedCount + lengthNorm);

    private static bool Passes(ResourceMaterial material, ResourceTopic[] topics, CallerRole? audience, LanguageTag? language) =>
        (topics.Length == 0 || topics.Any(material.Topics.Contains))
        && (audience is not { } role || material.Audiences.Contains(role))
        && (language is null || material.Languages.Any(l => l.Language == language.Language));

    private static double Boosts(ResourceMaterial material, ResourceTopic[] topics, CallerRole? audience, LanguageTag? language)
    {
        var boost = 0.0;
        boost += TopicBoost * topics.Count(material.Topics.Contains);
        boost += audience is null ? 0.0 : AudienceBoost / material.Audiences.Length;
        boost += language is not null && material.Languages.Contains(language) ? LanguageBoost : 0.0;
        return boost;
    }

    private ImmutableArray<string> Reasons(int m, List<string> terms, ResourceTopic[] topics, CallerRole? audience, LanguageTag? language)
    {
        var material = Materials[m];
        var reasons = ImmutableArray.CreateBuilder<string>();
        foreach (var term in terms)
        {
            if (_postings.TryGetValue(term, out var postings)
                && Array.BinarySearch(postings, new Posting(m, 0, 0, 0), PostingOrder.Instance) is var i and >= 0)
            {
                if (postings[i].TitleCount > 0)
                {
                    reasons.Add($"title matches '{term}'");
                }

                if (postings[i].SummaryCount > 0)
                {
                    reasons.Add($"summary matches '{term}'");
                }

                if (postings[i].TopicCount > 0)
                {
                    reasons.Add($"topic matches '{term}'");
                }
            }
        }

        foreach (var topic in topics)
        {
            if (material.Topics.Contains(topic))
            {
                reasons.Add($"about {SearchText.Words(topic)}");
            }
        }

        if (audience is { } role)
        {
            var others = material.Audiences.Length - 1;
            reasons.Add(others == 0
                ? $"made for {SearchText.Words(role)}"
                : $"for {SearchText.Words(role)} and {others} other {(others == 1 ? "audience" : "audiences")}");
        }

        if (language is not null)
        {
            reasons.Add(material.Languages.Contains(language)
                ? $"in {SearchText.LanguageName(language)}"
                : $"in {SearchText.LanguageName(language)} ({material.Languages.First(l => l.Language == language.Language)})");
        }

        return reasons.ToImmutable();
    }

    private static (FrozenDictionary<string, Posting[]> Postings, double[] LengthNorms) BuildIndex(ImmutableArray<ResourceMaterial> materials)
    {
        var postings = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        var lengths = new int[materials.Length];
        var title = new List<string>();
        var summary = new List<string>();
        var topics = new List<string>();
        for (var m = 0; m < materials.Length; m++)
        {
            title.Clear();
            summary.Clear();
            topics.Clear();
            SearchText.Tokenize(materials[m].Title, title);
            SearchText.Tokenize(materials[m].Summary, summary);
            foreach (var topic in materials[m].Topics)
            {
                SearchText.Tokenize(SearchText.Words(topic), topics);
            }

            lengths[m] = (TitleWeight * title.Count) + (SummaryWeight * summary.Count) + (TopicWeight * topics.Count);
            foreach (var token in title.Concat(summary).Concat(topics).Distinct(StringComparer.Ordinal))
            {
                if (!postings.TryGetValue(token, out var list))
                {
                    postings.Add(token, list = []);
                }

                list.Add(new Posting(m, Occurrences(title, token), Occurrences(summary, token), Occurrences(topics, token)));
            }
        }

        // Every material has a topic and every topic has a word, so the average length is positive.
        var average = materials.IsEmpty ? 1.0 : (double)lengths.Sum() / materials.Length;
        var norms = new double[materials.Length];
        for (var m = 0; m < materials.Length; m++)
        {
            norms[m] = K1 * (1 - B + (B * lengths[m] / average));
        }

        return (postings.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal), norms);
    }

    private static int Occurrences(List<string> tokens, string token)
    {
        var count = 0;
        foreach (var t in tokens)
        {
            if (t == token)
            {
                count++;
            }
        }

        return count;
    }

    private static ResourceLibrary LoadSample()
    {
        using var stream = typeof(ResourceLibrary).Assembly.GetManifestResourceStream(SampleResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {SampleResourceName} is missing from the assembly.");
        return ResourceLibraryJson.Load(stream);
    }

    /// <summary>Where a token occurs in one material: how often in its title, summary and topic words.</summary>
    private readonly record struct Posting(int Material, int TitleCount, int SummaryCount, int TopicCount)
    {
        public double WeightedCount => (TitleWeight * TitleCount) + (SummaryWeight * SummaryCount) + (TopicWeight * TopicCount);
    }

    private sealed class PostingOrder : IComparer<Posting>
    {
        public static readonly PostingOrder Instance = new();

        public int Compare(Posting x, Posting y) => x.Material.CompareTo(y.Material);
    }
}
