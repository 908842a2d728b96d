using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime;
using System.Text.Json;
using System.Threading;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Telemetry;
using Nhtrc.Sdk.Testing;
using Nhtrc.Sdk.Tests.Referrals;
using NodaTime;

namespace Nhtrc.Sdk.Benchmarks.Latency;

/// <summary>
/// The per-call figures a host feels, which BenchmarkDotNet's per-operation means hide: loads a synthetic directory
/// (100,000 services unless told), warms up, then times each of 10,000 queries at random ZIP codes with a
/// <see cref="Stopwatch"/> and prints p50/p90/p99/max, bytes allocated per query and GC collections, five runs (the
/// p99 quoted is the median of the runs' p99s), the load average, two-thread throughput, the load time against a
/// bare <see cref="Utf8JsonReader"/> pass over the same bytes, and the memory one and two loaded snapshots hold.
/// The SDK's telemetry is on with a metrics and a tracing listener attached unless <c>--telemetry off</c>.
/// </summary>
/// <remarks>
/// The directory is seed 42's: <c>uniform</c> (the default) spreads its providers as the embedded sample does, by ZIP
/// codes; <c>dense</c> spreads them as people live (<see cref="SyntheticDirectorySpread.ByPopulation"/>: states by
/// their 2020 census population, metro areas dense), as a national directory is.
/// <c>dotnet run -c Release --project tests/Nhtrc.Sdk.Benchmarks -- latency [--directory uniform|dense]
/// [--services N] [--queries N] [--runs N] [--eligible N] [--telemetry on|off]</c>.
/// </remarks>
internal static class LatencyRunner
{
    private static readonly Instant At = Instant.FromUtc(2026, 7, 2, 22, 0);

    public static int Run(string[] args)
    {
        var options = Options.Parse(args);
        Console.WriteLine($"latency runner: {options}; {Environment.ProcessorCount} cores, server GC {GCSettings.IsServerGC}, load average {LoadAverage()}");

        using var telemetry = options.Telemetry ? new TelemetryListeners() : null;
        var json = DirectoryJson(options);
        Console.WriteLine($"directory JSON: {json.Length / 1e6:0.0} MB, {options.Services:N0} services ({options.Directory})");

        var (directory, loadSeconds, tokenizerSeconds) = MeasureLoad(json);
        Console.WriteLine($"load: {loadSeconds:0.000} s (best of 3); bare Utf8JsonReader pass {tokenizerSeconds:0.000} s; ratio {loadSeconds / tokenizerSeconds:0.0}x");
        var (one, two) = MeasureRetained(json);
        Console.WriteLine($"retained: one snapshot {one / 1e6:0.0} MB ({one / (double)json.Length:0.00}x the JSON); two alive (a reload) {two / 1e6:0.0} MB");

        var zips = directory.Gazetteer.Zips;
        foreach (var needs in new[] { new[] { ServiceType.EmergencyShelter }, [ServiceType.EmergencyShelter, ServiceType.LegalServices, ServiceType.MentalHealth] })
        {
            var random = new Random(7);
            var queries = Enumerable.Range(0, options.Queries).Select(_ => Query(zips[random.Next(zips.Length)].Zip, needs)).ToArray();
            if (options.Eligible > 0)
            {
                var eligible = queries.Take(options.Eligible).Average(q => NaiveReferralMatcher.Eligible(directory, q).Count);
                Console.WriteLine($"{needs.Length} need(s): {eligible:0.0} eligible services per query on average (naive scan of the first {options.Eligible:N0} queries)");
            }

            foreach (var q in queries.Take(2_000))
            {
                directory.Match(q);
            }

            var p99s = new List<double>();
            for (var run = 1; run <= options.Runs; run++)
            {
                var result = TimeQueries(directory, queries);
                p99s.Add(result.P99);
                Console.WriteLine($"{needs.Length} need(s), run {run}: {result}");
            }

            p99s.Sort();
            Console.WriteLine($"{needs.Length} need(s): p99 median of {options.Runs} runs {p99s[p99s.Count / 2]:0.0} us; two threads {Throughput(directory, queries):N0} queries/s");
        }

        Console.WriteLine($"load average at the end {LoadAverage()}");
        return 0;
    }

    private static byte[] DirectoryJson(Options options) => options.Directory switch
    {
        "uniform" => SyntheticDirectory.ToUtf8Json(new SyntheticDirectoryOptions { Seed = 42, Services = options.Services }),
        "dense" => SyntheticDirectory.ToUtf8Json(new SyntheticDirectoryOptions { Seed = 42, Services = options.Services, Spread = SyntheticDirectorySpread.ByPopulation }),
        _ => throw new ArgumentException($"unknown directory '{options.Directory}' (uniform or dense)"),
    };

    private static ReferralQuery Query(string zip, ServiceType[] needs) => new()
    {
        Needs = [.. needs],
        Place = ReferralPlace.FromZip(zip),
        Client = new ClientProfile { Age = AgeRange.Exactly(24), Gender = Gender.Female, TraffickingType = TraffickingType.Labor },
        Language = LanguageTag.Spanish,
        Urgency = Urgency.Urgent,
        At = At,
        Count = 10,
    };

    private static RunResult TimeQueries(ReferralDirectory directory, ReferralQuery[] queries)
    {
        var ticks = new long[queries.Length];
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < queries.Length; i++)
        {
            var start = Stopwatch.GetTimestamp();
            directory.Match(queries[i]);
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }

        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Array.Sort(ticks);
        double Us(double p) => ticks[(int)(p * (ticks.Length - 1))] * 1e6 / Stopwatch.Frequency;
        var per10k = 10_000.0 / queries.Length;
        return new RunResult(Us(0.5), Us(0.9), Us(0.99), Us(1), bytes / (double)queries.Length,
            (GC.CollectionCount(0) - gen0) * per10k, (GC.CollectionCount(1) - gen1) * per10k, (GC.CollectionCount(2) - gen2) * per10k);
    }

    private static double Throughput(ReferralDirectory directory, ReferralQuery[] queries)
    {
        var watch = Stopwatch.StartNew();
        var threads = Enumerable.Range(0, 2).Select(t => new Thread(() =>
        {
            for (var i = t; i < queries.Length; i += 2)
            {
                directory.Match(queries[i]);
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        return queries.Length / watch.Elapsed.TotalSeconds;
    }

    private static (ReferralDirectory Directory, double Load, double Tokenizer) MeasureLoad(byte[] json)
    {
        ReferralDirectory directory = null!;
        var load = double.MaxValue;
        var tokenizer = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            var watch = Stopwatch.StartNew();
            directory = ReferralDirectoryJson.Load(new MemoryStream(json, writable: false));
            load = Math.Min(load, watch.Elapsed.TotalSeconds);

            watch.Restart();
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256 });
            var tokens = 0L;
            while (reader.Read())
            {
                tokens++;
            }

            tokenizer = Math.Min(tokenizer, watch.Elapsed.TotalSeconds);
            GC.KeepAlive(tokens);
        }

        return (directory, load, tokenizer);
    }

    private static (long One, long Two) MeasureRetained(byte[] json)
    {
        var before = Settled();
        var first = ReferralDirectoryJson.Load(new MemoryStream(json, writable: false));
        var one = Settled() - before;
        var second = ReferralDirectoryJson.Load(new MemoryStream(json, writable: false));
        var two = Settled() - before;
        GC.KeepAlive(first);
        GC.KeepAlive(second);
        return (one, two);

        static long Settled()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return GC.GetTotalMemory(forceFullCollection: true);
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private sealed record RunResult(double P50, double P90, double P99, double Max, double BytesPerQuery, double Gen0Per10k, double Gen1Per10k, double Gen2Per10k)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"p50 {P50:0.0} us, p90 {P90:0.0} us, p99 {P99:0.0} us, max {Max:0.0} us, {BytesPerQuery / 1024:0.0} KB allocated per query, GC per 10,000 queries: gen0 {Gen0Per10k:0}, gen1 {Gen1Per10k:0}, gen2 {Gen2Per10k:0}");
    }

    private sealed record Options(string Directory, int Services, int Queries, int Runs, int Eligible, bool Telemetry)
    {
        public static Options Parse(string[] args)
        {
            var o = new Options("uniform", 100_000, 10_000, 5, 500, true);
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                var value = args[i + 1];
                o = args[i] switch
                {
                    "--directory" => o with { Directory = value },
                    "--services" => o with { Services = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--queries" => o with { Queries = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--runs" => o with { Runs = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--eligible" => o with { Eligible = int.Parse(value, CultureInfo.InvariantCulture) },
                    "--telemetry" => o with { Telemetry = value != "off" },
                    _ => throw new ArgumentException($"unknown option '{args[i]}'"),
                };
            }

            return o;
        }

        public override string ToString() =>
            $"{Queries:N0} queries x {Runs} runs, telemetry {(Telemetry ? "on (metrics and tracing listeners)" : "off")}";
    }

    /// <summary>A metrics listener summing every measurement of the SDK's meter, and a tracing listener recording its spans.</summary>
    private sealed class TelemetryListeners : IDisposable
    {
        private readonly MeterListener meters = new();
        private readonly ActivityListener spans;
        private double sum;

        public TelemetryListeners()
        {
            meters.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == NhtrcTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            meters.SetMeasurementEventCallback<long>((_, value, _, _) => sum += value);
            meters.SetMeasurementEventCallback<int>((_, value, _, _) => sum += value);
            meters.SetMeasurementEventCallback<double>((_, value, _, _) => sum += value);
            meters.Start();
            spans = new ActivityListener
            {
                ShouldListenTo = source => source.Name == NhtrcTelemetry.ActivitySourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            };
            ActivitySource.AddActivityListener(spans);
        }

        public void Dispose()
        {
            meters.Dispose();
            spans.Dispose();
            GC.KeepAlive(sum);
        }
    }
}
