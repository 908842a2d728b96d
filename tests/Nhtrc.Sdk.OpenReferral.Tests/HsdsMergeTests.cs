using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using NodaTime;

namespace Nhtrc.Sdk.OpenReferral.Tests;

public class HsdsMergeTests
{
    private static readonly HsdsImportOptions Options = new()
    {
        DefaultTypes = [ServiceType.CaseManagement],
        DefaultLastVerified = new LocalDate(2026, 1, 1),
    };

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "us-fictional", name);

    [Fact]
    public async Task Two_feeds_and_our_own_directory_merge_with_the_cross_feed_duplicate_folded_and_every_record_traced()
    {
        var ownDirectory = ReferralDirectory.Sample;
        var ownPath = Path.Combine(Path.GetTempPath(), $"own-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(ownPath, ReferralDirectoryJson.Serialize(ownDirectory));
        try
        {
            var first = await new HsdsDirectorySource(Fixture("service_list.json"), Options).LoadAsync();
            var second = await new HsdsDirectorySource(Fixture("second-feed.json"), Options).LoadAsync();
            var merged = await new MergedDirectorySource(
            [
                new MergeSource("own", new JsonFileDirectorySource(ownPath)),
                new MergeSource("feed", new HsdsDirectorySource(Fixture("service_list.json"), Options)),
                new MergeSource("second", new HsdsDirectorySource(Fixture("second-feed.json"), Options)),
            ]).LoadAsync();

            var firstCount = first.Report.CountOf("services");
            Assert.Equal(1, second.Report.CountOf("services"));
            Assert.Equal(1, merged.Report.CountOf("duplicates"));
            Assert.Equal(ownDirectory.ServiceCount + firstCount, merged.Report.CountOf("services"));

            // Service 20 of the first feed is kept; the second feed's copy (same name, phone (713) 555-0142) is folded into it.
            var kept = merged.Provenance!.Services.Single(p => p.Duplicates.Length > 0);
            Assert.Equal(("feed", "hsds:service_list.json"), (kept.Origin.Key, kept.Origin.Source));
            Assert.EndsWith("0020", kept.Origin.OriginalId, StringComparison.Ordinal);
            var duplicate = Assert.Single(kept.Duplicates);
            Assert.Equal(("second", "hsds:second-feed.json"), (duplicate.Key, duplicate.Source));
            Assert.Contains(merged.Report.Issues, i => i.Source == "hsds:second-feed.json" && i.RecordId == duplicate.OriginalId);

            // Every feed's own issues survive the merge, with their source.
            Assert.All(first.Report.Issues, i => Assert.Contains(i, merged.Report.Issues));
            Assert.All(merged.Directory.Organizations.SelectMany(o => o.Services), s => Assert.NotNull(merged.Provenance.Of(s.Id)));
        }
        finally
        {
            File.Delete(ownPath);
        }
    }
}
