using System;
using System.Linq;
using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Testing;
using Nhtrc.Sdk.Tests.Text;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Referrals;

[Properties(Arbitrary = [typeof(NhtrcArbitraries)], MaxTest = 200)]
public sealed class ReferralResultJsonTests
{
    private static readonly Gazetteer Gazetteer = Gazetteer.Default;

    private static ReferralDirectory Shelter() => ReferralDirectory.Create(
    [
        new Organization
        {
            Id = "org-harbor",
            Name = "Harbor Shelter (fictional)",
            Kind = OrganizationKind.ServiceProvider,
            Website = "https://harbor.example.org",
            Services =
            [
                new Service
                {
                    Id = "svc-harbor",
                    Name = "Emergency shelter",
                    Types = [ServiceType.EmergencyShelter, ServiceType.CaseManagement],
                    Area = new ServiceArea { States = [UsState.GetByCode("DC")] },
                    Languages = [LanguageTag.Parse("en"), LanguageTag.Parse("es")],
                    Capacity = Capacity.Waitlist,
                    Locations =
                    [
                        new ServiceLocation
                        {
                            Name = "Shelter", StreetAddress = "1 Hidden Way", City = "Washington", State = UsState.GetByCode("DC"),
                            Zip = Gazetteer.GetZip("20001"), Point = new GeoPoint(38.91, -77.02), IsConfidential = true,
                        },
                    ],
                    Contacts = [new ServiceContact(ContactChannel.Phone, "+1-202-555-0100")],
                    LastVerified = new LocalDate(2026, 3, 1),
                },
            ],
        },
    ]);

    private static ReferralResult Match(ReferralAudience audience) => Shelter().Match(new ReferralQuery
    {
        Needs = [ServiceType.EmergencyShelter, ServiceType.LegalServices],
        Place = ReferralPlace.FromZip("20001"),
        At = Instant.FromUtc(2026, 7, 2, 22, 0),
        Audience = audience,
    });

    [Fact]
    public void Golden_PublicResult_WithholdsTheConfidentialAddress()
    {
        var result = Match(ReferralAudience.Public);
        var match = result.Matches[0];
        string[] facts =
        [
            $"{{\"scored\":true,\"distanceKilometers\":{Math.Round(match.DistanceKilometers!.Value, 1)},\"nearestCity\":\"Washington\",\"nearestState\":\"DC\"}}",
            "{\"scored\":true,\"coverage\":\"state\"}",
            "{\"scored\":false,\"language\":null,\"languageOffered\":null}",
            "{\"scored\":false,\"availability\":\"alwaysOpen\",\"closesAt\":null,\"opensAt\":null,\"timeZone\":null}",
            "{\"scored\":true,\"acceptsWarmTransfers\":false}",
            "{\"scored\":true,\"lastVerified\":\"2026-03-01\",\"daysSinceVerified\":123}",
            "{\"scored\":true,\"needsCovered\":1,\"needsAsked\":2}",
            "{\"scored\":true,\"capacity\":\"waitlist\"}",
        ];
        var breakdown = string.Join(",", match.Breakdown.Select((c, i) =>
            $"{{\"factor\":\"{Nhtrc.Sdk.Text.WireNames.Of(c.Factor)}\",\"points\":{c.Points},\"maxPoints\":{c.MaxPoints},\"reason\":{JsonSerializer.Serialize(c.Reason)},\"facts\":{facts[i]}}}"));
        var reasons = string.Join(",", match.Reasons.Select(r => JsonSerializer.Serialize(r)));

        Assert.Equal(
            "{\"audience\":\"public\",\"at\":\"2026-07-02T22:00:00Z\",\"eligibleCount\":1,\"matches\":[{\"rank\":1,"
            + $"\"score\":{match.Score},"
            + "\"serviceId\":\"svc-harbor\",\"serviceName\":\"Emergency shelter\",\"organizationId\":\"org-harbor\",\"organizationName\":\"Harbor Shelter (fictional)\","
            + "\"organizationKind\":\"serviceProvider\",\"website\":\"https://harbor.example.org\",\"serviceTypes\":[\"emergencyShelter\",\"caseManagement\"],"
            + $"\"coveredNeeds\":[\"emergencyShelter\"],\"coverage\":\"state\",\"distanceKilometers\":{Math.Round(match.DistanceKilometers!.Value, 2)},"
            + "\"alwaysOpen\":true,\"openAtQueryTime\":true,\"acceptsWarmTransfers\":false,\"capacity\":\"waitlist\",\"lastVerified\":\"2026-03-01\",\"languages\":[\"en\",\"es\"],"
            + $"\"breakdown\":[{breakdown}],\"reasons\":[{reasons}],"
            + $"\"locations\":[{{\"name\":\"Shelter\",\"city\":\"Washington\",\"state\":\"DC\",\"confidential\":true,\"distanceKilometers\":{Math.Round(match.Locations[0].DistanceKilometers!.Value, 2)},\"address\":null,\"zip\":null,\"latitude\":null,\"longitude\":null}}],"
            + "\"contacts\":[{\"channel\":\"phone\",\"value\":\"\\u002B1-202-555-0100\"}]}],"
            + "\"plan\":[{\"organizationId\":\"org-harbor\",\"organizationName\":\"Harbor Shelter (fictional)\",\"needs\":[\"emergencyShelter\"],\"serviceIds\":[\"svc-harbor\"]}],"
            + "\"uncoveredNeeds\":[\"legalServices\"]}",
            ReferralResultJson.Serialize(result));
        Assert.Equal(8, match.Breakdown.Length);
        Assert.DoesNotContain("Hidden", ReferralResultJson.Serialize(result), StringComparison.Ordinal);
    }

    [Fact]
    public void AdvocateResult_HasTheAddress_AsTheCommandLineWroteIt()
    {
        var json = ResultJsonAssert.Parse(ReferralResultJson.Serialize(Match(ReferralAudience.Advocate)));
        var location = json["matches"]![0]!["locations"]![0]!;

        Assert.Equal("advocate", json["audience"]!.GetValue<string>());
        Assert.Equal(["name", "city", "state", "confidential", "distanceKilometers", "address", "zip", "latitude", "longitude"], ResultJsonAssert.Names(location));
        Assert.Equal("1 Hidden Way", location["address"]!.GetValue<string>());
        Assert.Equal("20001", location["zip"]!.GetValue<string>());
        Assert.Equal(38.91, location["latitude"]!.GetValue<double>());
        Assert.Equal(-77.02, location["longitude"]!.GetValue<double>());
    }

    [Fact]
    public void ReflectionSerializer_WritesWhatTheFacadeWrites()
    {
        var result = Match(ReferralAudience.Public);

        Assert.Equal(ReferralResultJson.Serialize(result), JsonSerializer.Serialize(result));
        Assert.Equal(ReferralResultJson.Serialize(result), JsonSerializer.Serialize<object>(result));
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<ReferralResult>("{}"));
    }

    [Property]
    public void Json_Parses_InRankOrder_WithNamesInTheirWireForms(ReferralCase c)
    {
        var result = c.Directory.Match(c.Query);
        var text = ReferralResultJson.Serialize(result);
        var json = ResultJsonAssert.Parse(text);

        Assert.Equal(["audience", "at", "eligibleCount", "matches", "plan", "uncoveredNeeds"], ResultJsonAssert.Names(json));
        ResultJsonAssert.Instant(json["at"], c.Query.At, "at");
        ResultJsonAssert.Enum(json["audience"], c.Query.Audience, "audience");
        Assert.Equal(result.EligibleCount, json["eligibleCount"]!.GetValue<int>());
        var matches = json["matches"]!.AsArray();
        Assert.Equal(result.Matches.Select(m => m.ServiceId), matches.Select(m => m!["serviceId"]!.GetValue<string>()));
        Assert.Equal(Enumerable.Range(1, matches.Count), matches.Select(m => m!["rank"]!.GetValue<int>()));
        for (var i = 0; i < matches.Count; i++)
        {
            var m = result.Matches[i];
            var node = matches[i]!;
            ResultJsonAssert.Enum(node["coverage"], m.Coverage, "coverage");
            ResultJsonAssert.Enum(node["capacity"], m.Capacity, "capacity");
            ResultJsonAssert.Enum(node["organizationKind"], m.OrganizationKind, "organizationKind");
            Assert.Equal(m.Breakdown.Select(b => Nhtrc.Sdk.Text.WireNames.Of(b.Factor)), node["breakdown"]!.AsArray().Select(b => b!["factor"]!.GetValue<string>()));
            Assert.Equal(m.CoveredNeeds.Select(Nhtrc.Sdk.Text.WireNames.Of), node["coveredNeeds"]!.AsArray().Select(n => n!.GetValue<string>()));
            Assert.Equal(m.Score, node["score"]!.GetValue<double>());
        }

        Assert.Equal(text, JsonSerializer.Serialize(result));
    }

    [Property]
    public void PublicJson_NeverCarriesAConfidentialAddressZipOrPoint(ReferralCase c)
    {
        var query = new ReferralQuery
        {
            Needs = c.Query.Needs, Place = c.Query.Place, Client = c.Query.Client, At = c.Query.At, Count = ReferralQuery.MaximumCount,
            Audience = ReferralAudience.Public,
        };
        var text = ReferralResultJson.Serialize(c.Directory.Match(query));
        var json = ResultJsonAssert.Parse(text);
        var secrets = c.Directory.Organizations.SelectMany(o => o.Services).SelectMany(s => s.Locations)
            .Where(l => l.IsConfidential).Select(l => l.StreetAddress!).ToHashSet();

        foreach (var location in json["matches"]!.AsArray().SelectMany(m => m!["locations"]!.AsArray()))
        {
            if (location!["confidential"]!.GetValue<bool>())
            {
                Assert.Null(location["address"]);
                Assert.Null(location["zip"]);
                Assert.Null(location["latitude"]);
                Assert.Null(location["longitude"]);
            }
        }

        var unescaped = ResultJsonAssert.Unescaped(text);
        Assert.All(secrets, s => Assert.DoesNotContain(s, unescaped, StringComparison.Ordinal));
    }
}
