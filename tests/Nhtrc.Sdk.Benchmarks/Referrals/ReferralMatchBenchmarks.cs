using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Tests.Referrals;
using NodaTime;

namespace Nhtrc.Sdk.Benchmarks.Referrals;

/// <summary>
/// Matching on a synthetic directory of 100,000 services: the indexed matcher against the tests' naive
/// LINQ scan, for one need and three, at a dense (Houston, New York) and a sparse (Cheyenne) ZIP code.
/// Setup also prints per-call percentiles over 10,000 queries at random ZIP codes.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class ReferralMatchBenchmarks
{
    private ReferralDirectory _directory = null!;
    private ReferralQuery _single = null!;
    private ReferralQuery _multi = null!;

    [Params("77002", "10001", "82001")]
    public string Zip { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _directory = ReferralDirectoryJson.Load(new MemoryStream(NationalDirectory.Json()));
        _single = Query(Zip, [ServiceType.EmergencyShelter]);
        _multi = Query(Zip, [ServiceType.EmergencyShelter, ServiceType.LegalServices, ServiceType.MentalHealth]);
        PrintPerCallPercentiles();
    }

    [Benchmark]
    public int IndexedSingleNeed() => _directory.Match(_single).Matches.Length;

    [Benchmark]
    public int IndexedThreeNeeds() => _directory.Match(_multi).Matches.Length;

    [Benchmark]
    public int NaiveScanSingleNeed() => NaiveReferralMatcher.Eligible(_directory, _single).Take(_single.Count).Count();

    [Benchmark]
    public int NaiveScanThreeNeeds() => NaiveReferralMatcher.Eligible(_directory, _multi).Take(_multi.Count).Count();

    private static ReferralQuery Query(string zip, ServiceType[] needs) => new()
    {
        Needs = [.. needs],
        Place = ReferralPlace.FromZip(zip),
        Client = new ClientProfile { Age = AgeRange.Exactly(24), Gender = Gender.Female, TraffickingType = TraffickingType.Labor },
        Language = LanguageTag.Spanish,
        Urgency = Urgency.Urgent,
        At = Instant.FromUtc(2026, 7, 2, 22, 0),
        Count = 10,
    };

    private void PrintPerCallPercentiles()
    {
        var random = new Random(7);
        var zips = _directory.Gazetteer.Zips;
        foreach (var needs in new[] { new[] { ServiceType.EmergencyShelter }, [ServiceType.EmergencyShelter, ServiceType.LegalServices, ServiceType.MentalHealth] })
        {
            var queries = Enumerable.Range(0, 10_000).Select(_ => Query(zips[random.Next(zips.Length)].Zip, needs)).ToArray();
            foreach (var q in queries.Take(1000))
            {
                _directory.Match(q);
            }

            var ticks = new List<long>(queries.Length);
            foreach (var q in queries)
            {
                var start = Stopwatch.GetTimestamp();
                _directory.Match(q);
                ticks.Add(Stopwatch.GetTimestamp() - start);
            }

            ticks.Sort();
            double Us(double p) => ticks[(int)(p * (ticks.Count - 1))] * 1e6 / Stopwatch.Frequency;
            Console.WriteLine($"// per-call latency, {needs.Length} need(s), 10,000 random ZIP codes: p50 {Us(0.5):0.0} us, p90 {Us(0.9):0.0} us, p99 {Us(0.99):0.0} us, max {Us(1):0.0} us");
        }
    }

    private sealed class PercentileConfig : ManualConfig
    {
        public PercentileConfig() => AddColumn(StatisticColumn.P50, StatisticColumn.P90, StatisticColumn.P95, StatisticColumn.P100);
    }
}
