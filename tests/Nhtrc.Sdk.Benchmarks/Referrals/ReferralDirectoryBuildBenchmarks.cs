using System;
using System.IO;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Nhtrc.Sdk.Referrals.Json;
using Nhtrc.Sdk.Referrals;

namespace Nhtrc.Sdk.Benchmarks.Referrals;

/// <summary>
/// Loading the synthetic 100,000-service directory from JSON (parse, validate, index), and building the
/// snapshot (validate and index) from organizations already in memory. Setup prints the retained size.
/// </summary>
/// <remarks>
/// Run under both garbage collectors: a console tool gets the workstation GC, an ASP.NET Core host (a partner's
/// web app) the server GC by default, and loading is dominated by promoting the model being built.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(BothGarbageCollectors))]
public class ReferralDirectoryBuildBenchmarks
{
    private byte[] _json = [];
    private ReferralDirectory _loaded = null!;

    [GlobalSetup]
    public void Setup()
    {
        _json = NationalDirectory.Json();
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        _loaded = ReferralDirectoryJson.Load(new MemoryStream(_json));
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"// {_loaded}; JSON {_json.Length / 1e6:0.0} MB; retained after load (model + indexes) {(after - before) / 1e6:0.0} MB");
    }

    /// <summary>
    /// The baseline: only deserializing the same bytes into the format's source-generated document classes (no
    /// validation, no model, no index), which is how the directory was read before the token-by-token reader.
    /// </summary>
    [Benchmark(Baseline = true)]
    public int DeserializeWithSourceGeneratedContext() =>
        JsonSerializer.Deserialize(_json, DirectoryJsonContext.Default.DirectoryDocument)!.Organizations!.Count;

    [Benchmark]
    public int LoadFromJson() => ReferralDirectoryJson.Load(new MemoryStream(_json)).ServiceCount;

    [Benchmark]
    public int BuildSnapshotAndIndexes() => ReferralDirectory.Create(_loaded.Organizations, _loaded.Gazetteer).ServiceCount;

    private sealed class BothGarbageCollectors : ManualConfig
    {
        public BothGarbageCollectors()
        {
            AddJob(Job.ShortRun.WithGcServer(false).WithId("WorkstationGC"));
            AddJob(Job.ShortRun.WithGcServer(true).WithId("ServerGC"));
        }
    }
}
