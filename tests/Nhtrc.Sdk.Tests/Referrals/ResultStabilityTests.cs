using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Testing;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Referrals;

/// <summary>
/// Matching's answers do not move when its insides are made faster (docs/performance.md): the JSON of 3,000 results on
/// the seeded synthetic directory hashes to the value the matcher gave before its working arrays were reused and its
/// explanations made on first read; and results kept across many later queries (on two threads) are what they were.
/// </summary>
public class ResultStabilityTests
{
    // SHA-256 of the 3,000 results' JSON, one per line, as the matcher of commit 9235aba (before the reuse of working
    // arrays and the explanations made on first read) wrote them.
    private const string ResultsHash = "48AF17F0D87AD5EC920C238220E653BAB44E0E02EB61374ADE96F576D921F987";

    private static readonly Lazy<ReferralDirectory> Directory = new(() =>
        SyntheticDirectory.Generate(new SyntheticDirectoryOptions { Seed = 42, Services = 20_000 }));

    private static readonly ServiceType[] Types = Enum.GetValues<ServiceType>();

    private static List<ReferralQuery> Queries(int count, int seed)
    {
        var random = new Random(seed);
        var zips = Gazetteer.Default.Zips;
        var queries = new List<ReferralQuery>(count);
        for (var i = 0; i < count; i++)
        {
            var needs = Types.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).ToArray();
            queries.Add(new ReferralQuery
            {
                Needs = [.. needs],
                Place = random.Next(10) == 0 ? ReferralPlace.FromState(zips[random.Next(zips.Length)].State.Code) : ReferralPlace.FromZip(zips[random.Next(zips.Length)].Zip),
                Client = new ClientProfile { Age = AgeRange.Exactly(12 + random.Next(60)), Gender = random.Next(2) == 0 ? Gender.Female : Gender.Male },
                Language = random.Next(3) == 0 ? LanguageTag.Spanish : null,
                Urgency = random.Next(2) == 0 ? Urgency.Urgent : Urgency.NonUrgent,
                Audience = random.Next(4) == 0 ? ReferralAudience.Advocate : ReferralAudience.Public,
                At = Instant.FromUtc(2026, 1, 1, 0, 0) + Duration.FromMinutes(random.Next(525_600)),
                Count = 1 + random.Next(15),
            });
        }

        return queries;
    }

    private static string Describe(ReferralResult result) =>
        ReferralResultJson.Serialize(result) + "\n" + string.Join("\n", result.Matches.Select(m => string.Join(" | ", m.Reasons)));

    [Fact]
    public void TheResultsOfThreeThousandQueries_HashAsBefore()
    {
        var text = new StringBuilder();
        foreach (var query in Queries(3_000, 2026))
        {
            text.Append(Describe(Directory.Value.Match(query))).Append('\n');
        }

        Assert.Equal(ResultsHash, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))));
    }

    [Fact]
    public void AThousandResultsKeptAcrossLaterQueriesOnTwoThreads_AreWhatTheyWere()
    {
        var directory = Directory.Value;
        var queries = Queries(1_000, 7);
        var kept = queries.Select(directory.Match).ToList();
        var half = kept.Count / 2;
        var firstHalf = kept.Take(half).Select(Describe).ToList();   // explained now; the rest only after

        Parallel.For(0, 2, t =>
        {
            foreach (var query in Queries(2_000, 100 + t))
            {
                _ = Describe(directory.Match(query));
            }
        });

        Assert.Equal(firstHalf, kept.Take(half).Select(Describe));
        for (var i = half; i < kept.Count; i++)
        {
            Assert.Equal(Describe(directory.Match(queries[i])), Describe(kept[i]));
        }
    }
}
