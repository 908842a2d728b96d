using System.Linq;
using BenchmarkDotNet.Attributes;
using Nhtrc.Sdk.Geography;

namespace Nhtrc.Sdk.Benchmarks.Geography;

/// <summary>NearestZips through the k-d tree against a plain LINQ scan of every ZIP code, and a ZIP lookup.</summary>
[MemoryDiagnoser]
public class NearestZipsBenchmarks
{
    private static readonly GeoPoint Wichita = new(37.6872, -97.3301);

    private Gazetteer _gazetteer = null!;

    [Params(10)]
    public int Count { get; set; }

    [GlobalSetup]
    public void Setup() => _gazetteer = Gazetteer.Default;

    [Benchmark(Baseline = true)]
    public NearbyZip[] LinqScan() =>
        _gazetteer.Zips
            .Select(z => new NearbyZip(z, GreatCircle.DistanceKilometers(Wichita, z.Location)))
            .OrderBy(n => n.DistanceKilometers)
            .ThenBy(n => n.Zip.Zip, System.StringComparer.Ordinal)
            .Take(Count)
            .ToArray();

    [Benchmark]
    public int NearestZips() => _gazetteer.NearestZips(Wichita, Count).Length;

    [Benchmark]
    public bool TryGetZip() => _gazetteer.TryGetZip("67202", out _);
}
