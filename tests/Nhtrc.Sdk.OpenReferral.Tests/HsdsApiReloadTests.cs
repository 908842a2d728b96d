using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.AspNetCore.Http;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Validation;
using NodaTime;
using NodaTime.Text;
using static Nhtrc.Sdk.OpenReferral.Tests.HsdsApiTesting;

namespace Nhtrc.Sdk.OpenReferral.Tests;

/// <summary><c>modified_after</c> reloads merged over the previous load, against the full import of the same records; and the secrets.</summary>
public sealed partial class HsdsApiReloadTests : IAsyncLifetime
{
    private static readonly Instant T0 = Instant.FromUtc(2026, 12, 1, 9, 0);

    private readonly object _gate = new();
    private List<(Instant Modified, string Json)> _records = [];
    private HsdsApiTestServer _server = null!;

    public async Task InitializeAsync() => _server = await HsdsApiTestServer.StartAsync(Serve);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>A server that honours modified_after: only records modified at or after it.</summary>
    private Task Serve(HttpContext context)
    {
        List<string> records;
        lock (_gate)
        {
            var since = context.Request.Query["modified_after"].ToString();
            var after = since.Length == 0 ? Instant.MinValue : InstantPattern.General.Parse(since).Value;
            records = [.. _records.Where(r => r.Modified >= after).Select(r => r.Json)];
        }

        return HsdsApiTestServer.Page(context, records);
    }

    private void Set(IEnumerable<(Instant, string)> records)
    {
        lock (_gate)
        {
            _records = [.. records];
        }
    }

    private sealed class TestClock(Instant now) : IClock
    {
        public Instant Now { get; set; } = now;

        public Instant GetCurrentInstant() => Now;
    }

    private static string Renamed(string json)
    {
        var node = JsonNode.Parse(json)!;
        node["name"] = node["name"]!.GetValue<string>() + " (renamed)";
        return node.ToJsonString();
    }

    private static string Inactive(string json)
    {
        var node = JsonNode.Parse(json)!;
        node["status"] = "inactive";
        return node.ToJsonString();
    }

    private static string Copy(string json, int k)
    {
        var id = JsonNode.Parse(json)!["id"]!.GetValue<string>();
        return json.Replace(id, "00000000-0000-4000-8000-08" + k.ToString("D10", CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(page \d+ )?\$\.contents\[\d+\]")]
    private static partial Regex RecordPrefix();

    /// <summary>Independent of order and of where a record sat in which answer: organizations and services by id, issues sorted with their record-relative path.</summary>
    private static string Sorted(ReferralDirectoryLoad load)
    {
        var organizations = load.Directory.Organizations
            .OrderBy(o => o.Id, StringComparer.Ordinal)
            .Select(o => new Organization { Id = o.Id, Name = o.Name, Kind = o.Kind, Website = o.Website, CoLeadIds = o.CoLeadIds, Services = [.. o.Services.OrderBy(s => s.Id, StringComparer.Ordinal)] });
        var issues = load.Report.Issues
            .Select(i => $"{i.Severity}|{i.RecordId}|{RecordPrefix().Replace(i.Path, "")}|{i.Message}")
            .Order(StringComparer.Ordinal);
        return ReferralDirectoryJson.Serialize(ReferralDirectory.Create(organizations)) + "\n" +
            string.Join("\n", load.Report.Counts.Select(c => $"{c.Key}={c.Value}")) + "\n" + string.Join("\n", issues);
    }

    private static string FileImport(IEnumerable<string> records, string source) =>
        Sorted(HsdsReader.Parse($$"""{ "contents": [{{string.Join(",", records)}}] }""", source, Import));

    [Fact]
    public async Task A_reload_fetches_only_what_changed_merges_it_and_every_nth_load_is_full_and_sees_deletions()
    {
        var old = T0 - Duration.FromDays(1);
        var initial = FixtureServices.Select(r => (old, r)).ToList();
        Set(initial);
        var clock = new TestClock(T0);
        var (source, provider) = Create(Fast(_server.BaseUri, perPage: 7) with { Clock = clock, FullReloadEvery = 2 });
        await using var _ = provider;

        var first = await source.LoadAsync();
        Assert.Equal(FileImport(FixtureServices, source.Name), Sorted(first));
        Assert.All(_server.Requests, r => Assert.DoesNotContain("modified_after", r, StringComparison.Ordinal));

        // An hour later: service 2 renamed, service 5 no longer active, one new service, service 9 deleted.
        var changed = T0 + Duration.FromHours(1);
        var next = FixtureServices.Select((r, i) => i switch
        {
            2 => (changed, Renamed(r)),
            5 => (changed, Inactive(r)),
            _ => (old, r),
        }).Where((_, i) => i != 9).Append((changed, Copy(FixtureServices[3], 1))).ToList();
        Set(next);
        clock.Now = T0 + Duration.FromHours(2);
        _server.Requests.Clear();

        var second = await source.LoadAsync();
        Assert.Equal(["/hsds/services?page=1&per_page=7&full=true&modified_after=2026-12-01T08%3A55%3A00Z"], _server.Requests);
        var withoutDeletion = next.Select(r => r.Item2).Append(FixtureServices[9]);
        Assert.Equal(FileImport(withoutDeletion, source.Name), Sorted(second));
        Assert.Contains(second.Directory.Organizations.SelectMany(o => o.Services), s => s.Name.EndsWith("(renamed)", StringComparison.Ordinal));
        Assert.DoesNotContain(second.Directory.Organizations.SelectMany(o => o.Services), s => s.Id == JsonNode.Parse(FixtureServices[5])!["id"]!.GetValue<string>());

        clock.Now = T0 + Duration.FromHours(3);
        _server.Requests.Clear();
        var third = await source.LoadAsync();
        Assert.All(_server.Requests, r => Assert.DoesNotContain("modified_after", r, StringComparison.Ordinal));
        Assert.Equal(FileImport(next.Select(r => r.Item2), source.Name), Sorted(third));
    }

    [Fact]
    public async Task Without_a_clock_every_load_is_full()
    {
        Set(FixtureServices.Select(r => (T0, r)));
        var (source, provider) = Create(Fast(_server.BaseUri, perPage: 30));
        await using var _ = provider;
        await source.LoadAsync();
        await source.LoadAsync();
        Assert.Equal(2, _server.Requests.Count);
        Assert.All(_server.Requests, r => Assert.DoesNotContain("modified_after", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_reload_keeps_the_previous_load_to_merge_over()
    {
        Set(FixtureServices.Select(r => (T0 - Duration.FromDays(1), r)));
        var clock = new TestClock(T0);
        var (source, provider) = Create(Fast(_server.BaseUri, perPage: 30) with { Clock = clock });
        await using var _ = provider;
        await source.LoadAsync();
        Set([(T0 + Duration.FromHours(1), "{ \"id\": \"x\" }")]);
        clock.Now = T0 + Duration.FromHours(2);
        await Assert.ThrowsAsync<NhtrcValidationException>(() => source.LoadAsync().AsTask());
        Set([(T0 + Duration.FromHours(1), Renamed(FixtureServices[0]))]);
        _server.Requests.Clear();
        var load = await source.LoadAsync();
        Assert.Contains("modified_after=2026-12-01T08%3A55%3A00Z", Assert.Single(_server.Requests), StringComparison.Ordinal);
        Assert.Equal(FileImport(FixtureServices.Skip(1).Prepend(Renamed(FixtureServices[0])), source.Name), Sorted(load));
    }

    public static Arbitrary<(int[] Initial, int[] Changed, int Added, int PerPage)> Inputs() =>
        (from initial in Gen.Choose(0, FixtureServices.Length - 1).ArrayOf()
         from changed in Gen.Choose(0, FixtureServices.Length - 1).ArrayOf()
         from added in Gen.Choose(0, 4)
         from perPage in Gen.Choose(1, 12)
         select (initial.Distinct().ToArray(), changed.Distinct().Take(8).ToArray(), added, perPage)).ToArbitrary();

    /// <summary>
    /// The merge law against the naive reference: a modified_after reload equals the full file import of the records
    /// as they now are (changed ones replaced, new ones added; no deletions), whatever changed and however paged.
    /// </summary>
    [Property(Arbitrary = [typeof(HsdsApiReloadTests)], MaxTest = 20)]
    public void A_merged_reload_equals_the_full_import_of_the_records_as_they_now_are((int[] Initial, int[] Changed, int Added, int PerPage) input)
    {
        var old = T0 - Duration.FromDays(1);
        var changedAt = T0 + Duration.FromHours(1);
        var now = input.Initial.Select(i => (Modified: old, Json: FixtureServices[i])).ToList();
        Set(now);
        var clock = new TestClock(T0);
        var (source, provider) = Create(Fast(_server.BaseUri, input.PerPage) with { Clock = clock });
        using (provider)
        {
            source.LoadAsync().AsTask().GetAwaiter().GetResult();
            var k = 0;
            foreach (var i in input.Changed)
            {
                // Changed by turns: renamed, made inactive, or a service of the initial list not there before.
                var at = now.FindIndex(r => r.Json == FixtureServices[i]);
                var edited = (k++ % 3) switch { 0 => Renamed(FixtureServices[i]), 1 => Inactive(FixtureServices[i]), _ => FixtureServices[i] };
                if (at >= 0)
                {
                    now[at] = (changedAt, edited);
                }
                else
                {
                    now.Add((changedAt, edited));
                }
            }

            now.AddRange(Enumerable.Range(0, input.Added).Select(a => (changedAt, Copy(FixtureServices[a * 5 % FixtureServices.Length], a))));
            Set(now);
            clock.Now = T0 + Duration.FromHours(2);
            var merged = source.LoadAsync().AsTask().GetAwaiter().GetResult();
            Assert.Equal(FileImport(now.Select(r => r.Json), source.Name), Sorted(merged));
        }
    }

    [Fact]
    public void The_credentials_are_in_no_name_no_description_and_no_validation_message()
    {
        var options = Fast(new Uri("https://api.example.org/hsds/v3/"));
        var (source, provider) = Create(options);
        using (provider)
        {
            Assert.Equal("hsds-api:api.example.org/hsds/v3", source.Name);
            Assert.DoesNotContain(Secret, source.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, options.ToString(), StringComparison.Ordinal);
            Assert.Contains("X-Api-Key: ***", options.ToString(), StringComparison.Ordinal);
        }

        foreach (var bad in new[]
        {
            options with { BaseUri = new Uri($"https://user:{Secret}@api.example.org/hsds") },
            options with { BaseUri = new Uri($"https://api.example.org/hsds?api_key={Secret}") },
            options with { Headers = ImmutableSortedDictionary<string, string>.Empty.Add("X-Api-Key", Secret + "\r\nX-Evil: 1") },
        })
        {
            var e = Assert.Throws<NhtrcValidationException>(() => Create(bad));
            Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
            Assert.Contains(e.Problems, p => p.Location is "BaseUri" or "Headers[X-Api-Key]");
        }
    }

    [Fact]
    public void Settings_out_of_range_are_each_named()
    {
        var bad = Fast(new Uri("ftp://api.example.org/")) with
        {
            PerPage = 0,
            MaxPages = 0,
            MaxRetries = 0,
            FullReloadEvery = 0,
            AttemptTimeout = Duration.FromMilliseconds(1),
            RetryDelay = Duration.FromMilliseconds(-1),
            Headers = ImmutableSortedDictionary<string, string>.Empty.Add("Content-Type", "text/plain"),
        };
        var e = Assert.Throws<NhtrcValidationException>(() => Create(bad));
        Assert.Equal(
            ["BaseUri", "PerPage", "MaxPages", "MaxRetries", "FullReloadEvery", "AttemptTimeout", "RetryDelay", "Headers[Content-Type]"],
            e.Problems.Select(p => p.Location));
    }
}
