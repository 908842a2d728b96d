using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Nhtrc.Sdk.OpenReferral;
using Nhtrc.Sdk.Referrals;

namespace Nhtrc.Sdk.Benchmarks.OpenReferral;

/// <summary>
/// Importing 100,000 services from an HSDS 3.0 paged list (streamed, mapped, built) against loading the same
/// directory from our own JSON (the baseline), both from files through their directory sources. The HSDS list is the
/// fictional fixture's services that import, repeated with distinct ids; our JSON is what that import built, so both
/// loads end in the same directory.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class HsdsImportBenchmarks
{
    private const int Services = 100_000;
    private string _hsds = "";
    private string _own = "";

    [GlobalSetup]
    public async Task Setup()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "Fixtures", "us-fictional", "service_list.json");
        var probe = await new HsdsDirectorySource(fixture).LoadAsync().ConfigureAwait(false);
        var imported = probe.Directory.Organizations.SelectMany(o => o.Services).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        using var list = JsonDocument.Parse(File.ReadAllBytes(fixture));
        var templates = list.RootElement.GetProperty("contents").EnumerateArray()
            .Where(e => imported.Contains(e.GetProperty("id").GetString()!))
            .Select(e => e.GetRawText())
            .ToArray();

        _hsds = Path.Combine(Path.GetTempPath(), $"hsds-bench-{Environment.ProcessId}.json");
        using (var writer = new StreamWriter(_hsds, false, new UTF8Encoding(false)))
        {
            writer.Write($"{{ \"total_items\": {Services}, \"total_pages\": 1, \"page_number\": 1, \"contents\": [");
            for (var i = 0; i < Services; i++)
            {
                // Every id of the record (service, organization, locations, phones ...) made unique to the copy.
                writer.Write(i == 0 ? "\n" : ",\n");
                writer.Write(templates[i % templates.Length].Replace("00000000-0000-4000-8000-", $"{i:D8}-0000-4000-8000-", StringComparison.Ordinal));
            }

            writer.Write("] }");
        }

        var load = await new HsdsDirectorySource(_hsds).LoadAsync().ConfigureAwait(false);
        _own = Path.Combine(Path.GetTempPath(), $"own-bench-{Environment.ProcessId}.json");
        using (var stream = File.Create(_own))
        {
            ReferralDirectoryJson.Write(load.Directory, stream);
        }

        Console.WriteLine($"// HSDS {new FileInfo(_hsds).Length / 1e6:0.0} MB, ours {new FileInfo(_own).Length / 1e6:0.0} MB; {load.Directory.ServiceCount} services, {load.Report.Issues.Length} issues");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        File.Delete(_hsds);
        File.Delete(_own);
    }

    [Benchmark(Baseline = true)]
    public async Task<int> LoadOwnJson() => (await new JsonFileDirectorySource(_own).LoadAsync().ConfigureAwait(false)).Directory.ServiceCount;

    [Benchmark]
    public async Task<int> ImportHsdsJson() => (await new HsdsDirectorySource(_hsds).LoadAsync().ConfigureAwait(false)).Directory.ServiceCount;
}
