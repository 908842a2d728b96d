using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Serialization;

namespace Nhtrc.Sdk.Benchmarks.Referrals;

internal static class LoadPhases
{
    public static void Run()
    {
        var json = SyntheticDirectory.Json();
        File.WriteAllBytes("/tmp/synthetic-100k.json", json);
        for (var round = 0; round < 3; round++)
        {
            GC.Collect();
            var sw = Stopwatch.StartNew();
            var doc = JsonSerializer.Deserialize(json, DirectoryJsonContext.Default.DirectoryDocument);
            var t1 = sw.ElapsedMilliseconds;
            var orgs = DirectoryDocumentReader.Read(doc, Gazetteer.Default);
            var t2 = sw.ElapsedMilliseconds;
            var dir = ReferralDirectory.Create(orgs);
            var t3 = sw.ElapsedMilliseconds;
            Console.WriteLine($"deserialize {t1} ms, read+validate {t2 - t1} ms, create(validate+index) {t3 - t2} ms; gen0 {GC.CollectionCount(0)} gen2 {GC.CollectionCount(2)} {dir}");
        }
    }
}
