using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.OpenReferral;
using Nhtrc.Sdk.Referrals;
using NodaTime;

namespace ReferralFinder.Tests;

/// <summary>The directory from configuration: a JSON file reloaded without downtime, and an HSDS 3.0 source.</summary>
public sealed class DirectorySourceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("referral-finder-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ReferralDirectory OneShelter(string orgId, string name) => ReferralDirectory.Create(
    [
        new Organization
        {
            Id = orgId, Name = name, Kind = OrganizationKind.ServiceProvider,
            Services =
            [
                new Service
                {
                    Id = "svc-" + orgId, Name = "Emergency shelter", Types = [ServiceType.EmergencyShelter],
                    Area = new ServiceArea { States = [UsState.GetByCode("WA")] },
                    Languages = [LanguageTag.Parse("en")],
                    Locations = [new ServiceLocation { City = "Seattle", State = UsState.GetByCode("WA"), Zip = Gazetteer.Default.GetZip("98104"), Point = new GeoPoint(47.60, -122.33), StreetAddress = "1 Test Way (fictional)" }],
                    Contacts = [new ServiceContact(ContactChannel.Phone, "+1-206-555-0100")],
                    LastVerified = new LocalDate(2026, 6, 1),
                },
            ],
        },
    ]);

    private static async Task<string[]> MatchedOrganizationsAsync(HttpClient client)
    {
        using var response = await client.PostAsync("/api/referrals/match", new StringContent("""{"zip":"98101","needs":["emergencyShelter"]}""", Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return [.. JsonNode.Parse(await response.Content.ReadAsStringAsync())!["matches"]!.AsArray().Select(m => m!["organizationId"]!.GetValue<string>())];
    }

    [Fact]
    public async Task JsonFile_IsServed_AndAReloadSwapsIt_WhileRequestsKeepBeingAnswered()
    {
        var file = Path.Combine(_folder, "directory.json");
        await File.WriteAllTextAsync(file, ReferralDirectoryJson.Serialize(OneShelter("org-first", "First Shelter (fictional)")));
        using var factory = new FinderFactory(new Dictionary<string, string?> { ["Nhtrc:Referrals:Source"] = "json", ["Nhtrc:Referrals:DirectoryFile"] = file });
        using var client = factory.CreateClient();
        Assert.Equal(["org-first"], await MatchedOrganizationsAsync(client));

        // Replace the file as a deployment does, and reload while searches run: each answers from one snapshot or the other.
        var next = Path.Combine(_folder, "directory.json.new");
        await File.WriteAllTextAsync(next, ReferralDirectoryJson.Serialize(OneShelter("org-second", "Second Shelter (fictional)")));
        File.Move(next, file, overwrite: true);
        var searches = Enumerable.Range(0, 20).Select(_ => MatchedOrganizationsAsync(client)).ToArray();
        var status = await factory.Services.GetRequiredService<ReferralDirectoryUpdater>().ReloadAsync();
        var during = await Task.WhenAll(searches);

        Assert.Null(status.LastError);
        Assert.All(during, orgs => Assert.True(orgs.SequenceEqual(["org-first"]) || orgs.SequenceEqual(["org-second"]), string.Join(",", orgs)));
        Assert.Equal(["org-second"], await MatchedOrganizationsAsync(client));
        var health = JsonNode.Parse(await client.GetStringAsync("/health"))!;
        Assert.Equal("json:directory.json", health["checks"]![0]!["data"]!["source"]!.GetValue<string>());
    }

    [Fact]
    public async Task BrokenFile_OnReload_KeepsTheDirectory_AndHealthSaysDegraded()
    {
        var file = Path.Combine(_folder, "directory.json");
        await File.WriteAllTextAsync(file, ReferralDirectoryJson.Serialize(OneShelter("org-first", "First Shelter (fictional)")));
        using var factory = new FinderFactory(new Dictionary<string, string?> { ["Nhtrc:Referrals:Source"] = "json", ["Nhtrc:Referrals:DirectoryFile"] = file });
        using var client = factory.CreateClient();

        await File.WriteAllTextAsync(file, "{ \"organizations\": [ { \"id\": 7 } ] }");
        await factory.Services.GetRequiredService<ReferralDirectoryUpdater>().ReloadAsync();

        Assert.Equal(["org-first"], await MatchedOrganizationsAsync(client));
        var health = JsonNode.Parse(await client.GetStringAsync("/health"))!;
        Assert.Equal("Degraded", health["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task HsdsSource_IsImported_AndServed()
    {
        var file = Path.Combine(_folder, "feed.json");
        await File.WriteAllTextAsync(file, HsdsExport.ToJson(OneShelter("org-hsds", "Open Referral Shelter (fictional)")));
        using var factory = new FinderFactory(new Dictionary<string, string?> { ["Nhtrc:Referrals:Source"] = "hsds", ["Nhtrc:OpenReferral:Location"] = file });
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/api/referrals/match", new StringContent("""{"zip":"98101","needs":["emergencyShelter"]}""", Encoding.UTF8, "application/json"));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Open Referral Shelter (fictional)", Assert.Single(json["matches"]!.AsArray())!["organizationName"]!.GetValue<string>());
        var health = JsonNode.Parse(await client.GetStringAsync("/health"))!;
        Assert.Equal("hsds:feed.json", health["checks"]![0]!["data"]!["source"]!.GetValue<string>());
        Assert.Equal("Healthy", health["status"]!.GetValue<string>());
    }
}
