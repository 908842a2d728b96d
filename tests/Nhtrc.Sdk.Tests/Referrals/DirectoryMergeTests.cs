using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Referrals;

public class DirectoryMergeTests
{
    private static readonly string[] Names = ["Harbor Light Shelter (fictional)", "harbor  light shelter (FICTIONAL)", "Harbor-Light Shelter, fictional", "Quill Street Legal Aid (fictional)", "Ember Youth Drop-In (fictional)"];
    private static readonly string[] Numbers = ["(713) 555-0142", "+1 713 555 0142", "713.555.0199", "555-0100", "1-800-555-0111"];

    private static Service Service(string id, string name, IEnumerable<string> phones, params ServiceLocation[] locations) => new()
    {
        Id = id,
        Name = name,
        Types = [ServiceType.CaseManagement],
        Area = ServiceArea.Nationwide,
        Contacts = [.. phones.Select(p => new ServiceContact(ContactChannel.Phone, p))],
        Locations = [.. locations],
        LastVerified = new LocalDate(2026, 1, 1),
    };

    private static ReferralDirectoryLoad Load(string source, params Service[] services)
    {
        var directory = ReferralDirectory.Create([new Organization { Id = "org", Name = "Fictional org", Kind = OrganizationKind.ServiceProvider, Services = [.. services] }]);
        return new ReferralDirectoryLoad(directory, DirectoryImportReport.ForDirectory(source, directory, []));
    }

    private static ServiceLocation Location(double lat, double lon, bool confidential, string? street = null) => new()
    {
        City = "Houston",
        State = UsState.GetByCode("TX"),
        StreetAddress = street,
        Point = new GeoPoint(lat, lon),
        IsConfidential = confidential,
    };

    /// <summary>The naive rule: letters and digits lower-cased, other runs one space; ten-digit phones compared pairwise.</summary>
    private static string NaiveName(string name) =>
        Regex.Replace(Regex.Replace(name.ToLowerInvariant(), "[^a-z0-9]+", " "), "^ | $", "");

    private static HashSet<string> NaivePhones(Service s) =>
        [.. s.Contacts.Select(c => Regex.Replace(c.Value, "[^0-9]", "")).Select(d => d.Length == 11 && d[0] == '1' ? d[1..] : d).Where(d => d.Length == 10)];

    private static (List<string> Kept, List<(string Dropped, string Into)> Duplicates) Naive(List<KeyValuePair<string, ReferralDirectoryLoad>> loads)
    {
        var kept = new List<(string Id, string Name, HashSet<string> Phones, int Source)>();
        var duplicates = new List<(string, string)>();
        for (var i = 0; i < loads.Count; i++)
        {
            foreach (var s in loads[i].Value.Directory.Organizations.SelectMany(o => o.Services))
            {
                var match = kept.FirstOrDefault(k => k.Source < i && k.Name == NaiveName(s.Name) && k.Phones.Overlaps(NaivePhones(s)));
                if (match.Id is not null)
                {
                    duplicates.Add((loads[i].Key + "." + s.Id, match.Id));
                }
                else
                {
                    kept.Add((loads[i].Key + "." + s.Id, NaiveName(s.Name), NaivePhones(s), i));
                }
            }
        }

        return ([.. kept.Select(k => k.Id)], duplicates);
    }

    public static Arbitrary<int[][][]> Feeds() =>
        // Feeds of services, each service a name index and phone indexes.
        Gen.Choose(0, 4).SelectMany(n => Gen.Choose(0, 4).ArrayOf().Select(p => new[] { n }.Concat(p.Take(3)).ToArray()))
            .ArrayOf().Select(a => a.Take(6).ToArray())
            .ArrayOf().Where(f => f.Length is >= 1 and <= 4)
            .ToArbitrary();

    [Property(Arbitrary = [typeof(DirectoryMergeTests)], MaxTest = 200)]
    public void Duplicates_are_what_the_naive_pairwise_rule_finds_and_ids_keep_their_source(int[][][] feeds)
    {
        var loads = feeds.Select((feed, f) => new KeyValuePair<string, ReferralDirectoryLoad>($"f{f}", Load($"feed{f}",
            [.. feed.Select((s, i) => Service($"s{i}", Names[s[0]], s.Skip(1).Select(p => Numbers[p])))]))).ToList();

        var merged = DirectoryMerge.Merge(loads, "merged");
        var (kept, duplicates) = Naive(loads);

        var services = merged.Directory.Organizations.SelectMany(o => o.Services).ToList();
        Assert.Equal(kept, services.Select(s => s.Id).ToList());
        Assert.Equal(duplicates.Count, merged.Report.CountOf("duplicates"));
        var provenance = merged.Provenance!;
        foreach (var (dropped, into) in duplicates)
        {
            var key = dropped[..dropped.IndexOf('.', StringComparison.Ordinal)];
            Assert.Contains(provenance.Of(into)!.Duplicates, d => d.Key == key && key + "." + d.OriginalId == dropped);
        }

        foreach (var s in services)
        {
            var origin = provenance.Of(s.Id)!.Origin;
            Assert.Equal(s.Id, origin.Key + "." + origin.OriginalId);
            Assert.Equal("feed" + origin.Key[1..], origin.Source);
        }
    }

    [Fact]
    public void A_merge_of_one_source_keeps_every_field_and_only_prefixes_the_ids()
    {
        var sample = ReferralDirectory.Sample;
        var load = new ReferralDirectoryLoad(sample, DirectoryImportReport.ForDirectory("json:sample", sample, []));
        var merged = DirectoryMerge.Merge([new("own", load)], "merged");
        var text = ReferralDirectoryJson.Serialize(merged.Directory);
        Assert.Equal(ReferralDirectoryJson.Serialize(sample), text.Replace("\"own.", "\"", StringComparison.Ordinal));
        Assert.Equal(sample.ServiceCount, merged.Report.CountOf("services"));
    }

    [Fact]
    public void A_location_confidential_in_any_source_stays_confidential_in_the_merge()
    {
        var hidden = Location(29.7573, -95.3633, confidential: true, street: "2400 Example Ave");
        var a = Load("a", Service("shelter", "Harbor Light Shelter (fictional)", ["(713) 555-0101"], hidden));
        var b = Load("b",
            Service("near", "Some other listing (fictional)", ["(713) 555-0177"], Location(29.7580, -95.3633, confidential: false)),
            Service("street", "A third listing (fictional)", ["(713) 555-0178"], Location(29.70, -95.30, confidential: false, street: "2400  example ave.")),
            Service("far", "A fourth listing (fictional)", ["(713) 555-0179"], Location(29.7700, -95.3633, confidential: false)));

        var merged = DirectoryMerge.Merge([new("a", a), new("b", b)], "merged");
        bool Confidential(string id) => merged.Directory.GetService(id).Locations.Single().IsConfidential;
        Assert.True(Confidential("a.shelter"));
        Assert.True(Confidential("b.near"));
        Assert.True(Confidential("b.street"));
        Assert.False(Confidential("b.far"));
    }

    [Fact]
    public void Issues_of_every_source_are_kept_and_a_duplicate_is_reported_by_its_source_and_id()
    {
        var a = Load("feed-a", Service("1", "Harbor Light Shelter (fictional)", ["(713) 555-0142"]));
        var issue = new DirectoryImportIssue(DirectoryImportSeverity.Warning, "feed-b", "9", "$.x", "is a test issue.");
        var bDirectory = ReferralDirectory.Create([new Organization { Id = "o", Name = "Fictional", Kind = OrganizationKind.ServiceProvider, Services = [Service("2", "harbor light shelter, fictional", ["+1 (713) 555 0142"])] }]);
        var b = new ReferralDirectoryLoad(bDirectory, DirectoryImportReport.ForDirectory("feed-b", bDirectory, [issue]));

        var merged = DirectoryMerge.Merge([new("a", a), new("b", b)], "merged");

        Assert.Equal("merged", merged.Report.Source);
        Assert.Contains(issue, merged.Report.Issues);
        var duplicate = Assert.Single(merged.Report.Issues, i => i.RecordId == "2");
        Assert.Equal(("feed-b", DirectoryImportSeverity.Warning), (duplicate.Source, duplicate.Severity));
        Assert.Contains("a.1", duplicate.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("555", duplicate.Message, StringComparison.Ordinal);
        Assert.Equal(1, merged.Report.CountOf("services"));
        Assert.Empty(merged.Directory.Organizations.Where(o => o.Id == "b.o"));
    }

    [Fact]
    public void An_id_too_long_with_its_key_is_reported_and_left_out()
    {
        var longId = new string('x', 63);
        var merged = DirectoryMerge.Merge([new("a", Load("a", Service(longId, "Fictional", []), Service("ok", "Fictional two", [])))], "merged");
        Assert.Equal(["a.ok"], merged.Directory.Organizations.SelectMany(o => o.Services).Select(s => s.Id).ToArray());
        Assert.Contains(merged.Report.Issues, i => i.RecordId == longId && i.Severity == DirectoryImportSeverity.Error);
    }

    [Fact]
    public async Task A_failing_source_fails_the_whole_merged_load()
    {
        var good = new FixedSource(Load("good", Service("1", "Fictional", [])));
        var source = new MergedDirectorySource([new MergeSource("good", good), new MergeSource("bad", new FailingSource())]);
        await Assert.ThrowsAsync<NhtrcValidationException>(() => source.LoadAsync().AsTask());
        Assert.Equal("merged(good,bad)", source.Name);

        var ok = await new MergedDirectorySource([new MergeSource("good", good)]).LoadAsync();
        Assert.Equal("good.1", ok.Directory.Organizations.Single().Services.Single().Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Upper")]
    [InlineData("1digit")]
    [InlineData("has space")]
    [InlineData("much-too-long-key-here")]
    public void A_bad_key_is_refused(string key) =>
        Assert.Throws<ArgumentException>(() => new MergeSource(key, new FailingSource()));

    [Fact]
    public void Repeated_keys_and_no_sources_are_refused()
    {
        var s = new FailingSource();
        Assert.Throws<ArgumentException>(() => new MergedDirectorySource([new MergeSource("a", s), new MergeSource("a", s)]));
        Assert.Throws<ArgumentException>(() => new MergedDirectorySource([]));
    }

    private sealed class FixedSource(ReferralDirectoryLoad load) : IReferralDirectorySource
    {
        public string Name => "fixed";

        public ValueTask<ReferralDirectoryLoad> LoadAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(load);
    }

    private sealed class FailingSource : IReferralDirectorySource
    {
        public string Name => "failing";

        public ValueTask<ReferralDirectoryLoad> LoadAsync(CancellationToken cancellationToken = default) =>
            throw new NhtrcValidationException("failing", [new ValidationProblem("$", "is broken.")]);
    }
}
