using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using Nhtrc.Sdk.Referrals;

namespace Nhtrc.Sdk.Benchmarks.Referrals;

/// <summary>
/// Loading the synthetic 100,000-service directory from JSON (parse, validate, index), and building the
/// snapshot (validate and index) from organizations already in memory. Setup prints the retained size.
/// </summary>
[MemoryDiagnoser]
public class ReferralDirectoryBuildBenchmarks
{
    private byte[] _json = [];
    private ReferralDirectory _loaded = null!;

    [GlobalSetup]
    public void Setup()
    {
        _json = SyntheticDirectory.Json();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        _loaded = ReferralDirectory.Load(new MemoryStream(_json));
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// {_loaded}; JSON {_json.Length / 1e6:0.0} MB; retained after load (model + indexes) {(after - before) / 1e6:0.0} MB");
    }

    [Benchmark]
    public int LoadFromJson() => ReferralDirectory.Load(new MemoryStream(_json)).ServiceCount;

    [Benchmark]
    public int BuildSnapshotAndIndexes() => ReferralDirectory.Create(_loaded.Organizations, _loaded.Gazetteer).ServiceCount;
}
