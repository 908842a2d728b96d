using System;
using System.Collections.Generic;
using System.Linq;
using Nhtrc.Sdk.Resources;

namespace Nhtrc.Sdk.Tests.Resources;

/// <summary>
/// The ranking of docs/resources.md computed the slow, obvious way: every material is tokenized and scored
/// from scratch for every query, with no index. It shares no code with the library, not even the tokenizer
/// (<see cref="NaiveTokenizer"/>); the constants are copied from the docs on purpose. Terms and boosts are added in the documented
/// order so the scores are bit-for-bit those of the library.
/// </summary>
internal static class NaiveResourceSearch
{
    private const double K1 = 1.2;
    private const double B = 0.75;
    private const int TitleWeight = 3;
    private const int SummaryWeight = 1;
    private const int TopicWeight = 2;
    private const double TopicBoost = 1.0;
    private const double AudienceBoost = 0.5;
    private const double LanguageBoost = 0.5;

    public static IReadOnlyList<(string Id, double Score)> Search(IReadOnlyList<ResourceMaterial> materials, ResourceQuery query)
    {
        var docs = materials
            .Select(m => (
                Material: m,
                Title: NaiveTokenizer.Tokenize(m.Title),
                Summary: NaiveTokenizer.Tokenize(m.Summary),
                Topics: m.Topics.SelectMany(t => NaiveTokenizer.TopicWords(t)).ToList()))
            .ToList();
        var n = docs.Count;
        var lengths = docs.Select(d => (TitleWeight * d.Title.Count) + (SummaryWeight * d.Summary.Count) + (TopicWeight * d.Topics.Count)).ToList();
        var average = n == 0 ? 1.0 : (double)lengths.Sum() / n;
        var terms = NaiveTokenizer.Tokenize(query.Text ?? "").Distinct().ToList();
        var topics = query.Topics.Distinct().ToList();

        var results = new List<(string Id, double Score)>();
        for (var i = 0; i < n; i++)
        {
            var (m, title, summary, topicWords) = docs[i];
            if ((topics.Count > 0 && !topics.Any(t => m.Topics.Contains(t)))
                || (query.Audience is { } role && !m.Audiences.Contains(role))
                || (query.Language is { } lang && !m.Languages.Any(l => l.Language == lang.Language)))
            {
                continue;
            }

            var score = 0.0;
            var matched = false;
            foreach (var term in terms)
            {
                var tf = (TitleWeight * title.Count(t => t == term)) + (SummaryWeight * summary.Count(t => t == term)) + (TopicWeight * topicWords.Count(t => t == term));
                if (tf == 0)
                {
                    continue;
                }

                matched = true;
                var df = docs.Count(d => d.Title.Contains(term) || d.Summary.Contains(term) || d.Topics.Contains(term));
                var idf = Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
                var norm = K1 * (1 - B + (B * lengths[i] / average));
                double weighted = tf;
                score += idf * (weighted * (K1 + 1)) / (weighted + norm);
            }

            if (terms.Count > 0 && !matched)
            {
                continue;
            }

            var boost = 0.0;
            boost += TopicBoost * topics.Count(t => m.Topics.Contains(t));
            boost += query.Audience is null ? 0.0 : AudienceBoost / m.Audiences.Length;
            boost += query.Language is { } exact && m.Languages.Contains(exact) ? LanguageBoost : 0.0;
            score += boost;
            results.Add((m.Id, score));
        }

        return results
            .OrderByDescending(r => r.Score)
            .ThenBy(r => r.Id, StringComparer.Ordinal)
            .Take(query.MaxResults)
            .ToList();
    }
}
