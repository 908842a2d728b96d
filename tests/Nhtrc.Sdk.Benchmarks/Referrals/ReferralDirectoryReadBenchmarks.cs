using System;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Referrals.Json;
using Nhtrc.Sdk.Testing;

namespace Nhtrc.Sdk.Benchmarks.Referrals;

/// <summary>
/// The directory reader alone, on one thread: 10,000 synthetic services read from UTF-8 bytes (the span
/// overload never reads in parallel), so its cost per service is measured without thread scheduling and with
/// little garbage-collector noise; the baseline is deserializing the same bytes into the document classes.
/// </summary>
[MemoryDiagnoser]
public class ReferralDirectoryReadBenchmarks
{
    private byte[] _json = [];

    [GlobalSetup]
    public void Setup() =>
        _json = SyntheticDirectory.ToUtf8Json(new SyntheticDirectoryOptions { Seed = 7, Services = 10_000 });

    [Benchmark(Baseline = true)]
    public int DeserializeWithSourceGeneratedContext() =>
        JsonSerializer.Deserialize(_json, DirectoryJsonContext.Default.DirectoryDocument)!.Organizations!.Count;

    [Benchmark]
    public int ParseOnOneThread() => ReferralDirectoryJson.Parse(_json.AsSpan()).ServiceCount;
}
