using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using NodaTime;

namespace Nhtrc.Sdk.OpenReferral.Tests;

/// <summary>The per-source confidentiality rule, its shelter default, and what the public sees of a confidential location.</summary>
public class HsdsConfidentialityTests
{
    private const string Street = "1 Hidden Fictional Way";
    private static readonly Instant At = Instant.FromUtc(2026, 7, 2, 22, 0);
    private static readonly string FixturePath = Path.Combine(AppContext.BaseDirectory, "Fixtures", "us-fictional", "service_list.json");

    private static string Id(int n) => $"00000000-0000-4000-8000-0100000000{n:D2}";

    private static string Term(string taxonomy, string code) =>
        $$"""{ "id": "at-{{code}}", "taxonomy_term": { "id": "t", "code": "{{code}}", "name": "n", "taxonomy": "{{taxonomy}}" } }""";

    private static string Service(string type, string locationExtra = "", string rowExtra = "") => $$"""
        { "id": "svc-1", "name": "Fictional service", "status": "active", "assured_date": "2026-03-01",
          "organization": { "id": "org-1", "name": "Fictional Org" },
          "service_areas": [{ "id": "area-1", "name": "Harris County, TX" }],
          "attributes": [{{Term("nhtrc-service-type", type)}}],
          "service_at_locations": [{ "id": "sal-1" {{rowExtra}}, "location": { "id": "loc-1", "name": "Fictional site", "latitude": 29.76, "longitude": -95.37,
            "addresses": [{ "id": "a-1", "address_1": "{{Street}}", "city": "Houston", "state_province": "TX", "postal_code": "77002", "address_type": "physical" }]
            {{locationExtra}} } }] }
        """;

    private static ServiceLocation Location(string json, HsdsConfidentialityRule? rule = null) =>
        HsdsReader.Parse(json, "t", new HsdsImportOptions { Confidentiality = rule }).Directory.GetService("svc-1").Locations.Single();

    [Fact]
    public void The_default_rule_leaves_a_plain_location_public_and_makes_every_shelter_location_confidential()
    {
        Assert.False(Location(Service("legalServices")).IsConfidential);
        Assert.True(Location(Service("emergencyShelter")).IsConfidential);
        Assert.False(Location(Service("emergencyShelter"), new HsdsConfidentialityRule { ShelterLocationsConfidential = false }).IsConfidential);
        Assert.False(Location(Service("housing")).IsConfidential);
    }

    [Fact]
    public void A_term_code_on_the_location_in_any_vocabulary_marks_it()
    {
        var json = Service("legalServices", $", \"attributes\": [{Term("Local", "Secret-Site")}]");
        Assert.False(Location(json).IsConfidential);
        Assert.True(Location(json, new HsdsConfidentialityRule { TermCodes = ["secret-site"] }).IsConfidential);
        Assert.True(Location(Service("legalServices", $", \"attributes\": [{Term("Local", "confidential-location")}]")).IsConfidential);
    }

    [Fact]
    public void Our_export_term_marks_a_location_whatever_the_term_codes()
    {
        var rule = new HsdsConfidentialityRule { TermCodes = [], ShelterLocationsConfidential = false };
        Assert.True(Location(Service("legalServices", $", \"attributes\": [{Term("nhtrc", "confidential-location")}]"), rule).IsConfidential);
        Assert.False(Location(Service("legalServices", $", \"attributes\": [{Term("Local", "confidential-location")}]"), rule).IsConfidential);
    }

    [Fact]
    public void A_location_type_marks_it()
    {
        var json = Service("legalServices", ", \"location_type\": \" Confidential \"");
        Assert.False(Location(json).IsConfidential);
        Assert.True(Location(json, new HsdsConfidentialityRule { LocationTypes = ["confidential"] }).IsConfidential);
        Assert.False(Location(json, new HsdsConfidentialityRule { LocationTypes = ["virtual"] }).IsConfidential);
    }

    [Fact]
    public void A_listed_id_of_the_location_or_of_its_row_marks_it()
    {
        Assert.True(Location(Service("legalServices"), new HsdsConfidentialityRule { LocationIds = ["loc-1"] }).IsConfidential);
        Assert.False(Location(Service("legalServices"), new HsdsConfidentialityRule { LocationIds = ["LOC-1"] }).IsConfidential);
        Assert.True(Location(Service("legalServices", rowExtra: ", \"location_id\": \"row-loc\""), new HsdsConfidentialityRule { LocationIds = ["row-loc"] }).IsConfidential);
    }

    [Fact]
    public void The_rule_refuses_blank_items_and_reads_default_arrays_as_empty()
    {
        Assert.Throws<ArgumentException>(() => new HsdsConfidentialityRule { TermCodes = [" "] });
        Assert.Throws<ArgumentException>(() => new HsdsConfidentialityRule { LocationTypes = [null!] });
        Assert.Throws<ArgumentException>(() => new HsdsConfidentialityRule { LocationIds = [""] });
        Assert.Empty(new HsdsConfidentialityRule { LocationIds = default }.LocationIds);
        Assert.Equal(["confidential-location"], HsdsConfidentialityRule.Default.TermCodes.ToArray());
        Assert.True(HsdsConfidentialityRule.Default.ShelterLocationsConfidential);
    }

    // Law: a location is confidential exactly when a naive OR of the rule kinds says so.
    [Property(MaxTest = 200)]
    public Property Confidential_exactly_when_some_rule_kind_says_so() =>
        Prop.ForAll(
            Arb.From(Gen.Elements(true, false).ArrayOf(6)),
            flags =>
            {
                var (term, ourTerm, type, id, shelter, shelterDefault) = (flags[0], flags[1], flags[2], flags[3], flags[4], flags[5]);
                var attributes = ImmutableArray.CreateBuilder<string>();
                if (term)
                {
                    attributes.Add(Term("Local", "hidden"));
                }

                if (ourTerm)
                {
                    attributes.Add(Term("nhtrc", "confidential-location"));
                }

                var extra = $", \"location_type\": \"{(type ? "private" : "physical")}\", \"attributes\": [{string.Join(",", attributes)}]";
                var json = Service(shelter ? "emergencyShelter" : "legalServices", extra).Replace("\"loc-1\"", id ? "\"loc-x\"" : "\"loc-1\"", StringComparison.Ordinal);
                var rule = new HsdsConfidentialityRule { TermCodes = ["hidden"], LocationTypes = ["private"], LocationIds = ["loc-x"], ShelterLocationsConfidential = shelterDefault };
                var expected = term || ourTerm || type || id || (shelter && shelterDefault);
                Assert.Equal(expected, Location(json, rule).IsConfidential);
            });

    [Fact]
    public async Task Fixture_01_is_confidential_by_its_location_term_even_without_the_shelter_default()
    {
        var rule = new HsdsConfidentialityRule { ShelterLocationsConfidential = false };
        var load = await new HsdsDirectorySource(FixturePath, new HsdsImportOptions { Confidentiality = rule }).LoadAsync();
        Assert.True(load.Directory.GetService(Id(1)).Locations.Single().IsConfidential);
        Assert.All(load.Directory.Organizations.SelectMany(o => o.Services).Where(s => s.Id != Id(1)).SelectMany(s => s.Locations), l => Assert.False(l.IsConfidential));
    }

    [Fact]
    public async Task The_fixture_shelters_are_confidential_by_default()
    {
        var load = await new HsdsDirectorySource(FixturePath).LoadAsync();
        var services = load.Directory.Organizations.SelectMany(o => o.Services).ToList();
        Assert.All(services.Where(s => s.Types.Contains(ServiceType.EmergencyShelter)).SelectMany(s => s.Locations), l => Assert.True(l.IsConfidential));
        Assert.All(services.Where(s => !s.Types.Contains(ServiceType.EmergencyShelter)).SelectMany(s => s.Locations), l => Assert.False(l.IsConfidential));
        Assert.Equal(4, services.Where(s => s.Types.Contains(ServiceType.EmergencyShelter)).SelectMany(s => s.Locations).Count());
    }

    private static string Fixture22WithAnAddress()
    {
        var root = JsonNode.Parse(File.ReadAllText(FixturePath))!;
        var service = root["contents"]!.AsArray().Single(s => (string?)s!["id"] == Id(22))!;
        var location = service["service_at_locations"]![0]!["location"]!;
        location["latitude"] = 47.6062;
        location["longitude"] = -122.3321;
        location["addresses"] = JsonNode.Parse($$"""[{ "id": "a", "address_1": "{{Street}}", "city": "Seattle", "state_province": "WA", "postal_code": "98104", "address_type": "physical" }]""");
        return service.ToJsonString();
    }

    [Fact]
    public async Task Fixture_22_a_shelter_whose_only_location_is_virtual_has_no_location_to_leak()
    {
        var load = await new HsdsDirectorySource(FixturePath).LoadAsync();
        var s = load.Directory.GetService(Id(22));
        Assert.Empty(s.Locations);
        Assert.Contains(load.Report.Issues, i => i.RecordId == Id(22) && i.Path.EndsWith(".service_at_locations[0].location", StringComparison.Ordinal));
        Assert.Contains(s.Contacts, c => c.Channel == ContactChannel.Email && c.Value.StartsWith("intake@", StringComparison.Ordinal));
    }

    [Fact]
    public void Fixture_22_with_coordinates_is_confidential_by_the_shelter_default_or_by_its_virtual_type()
    {
        var json = Fixture22WithAnAddress();
        HsdsConfidentialityRule off = new() { ShelterLocationsConfidential = false };
        ServiceLocation Read(HsdsConfidentialityRule? rule) =>
            HsdsReader.Parse(json, "t", new HsdsImportOptions { Confidentiality = rule }).Directory.GetService(Id(22)).Locations.Single();
        Assert.True(Read(null).IsConfidential);
        Assert.False(Read(off).IsConfidential);
        Assert.True(Read(new HsdsConfidentialityRule { ShelterLocationsConfidential = false, LocationTypes = ["virtual"] }).IsConfidential);
    }

    private static ReferralResult Match(ReferralDirectory directory, ServiceType need, GeoPoint near, ReferralAudience audience) =>
        directory.Match(new ReferralQuery { Needs = [need], Place = ReferralPlace.AtPoint(near, directory.Gazetteer), At = At, Count = 50, Audience = audience });

    [Fact]
    public async Task The_public_never_sees_the_point_or_address_of_fixture_01()
    {
        var directory = (await new HsdsDirectorySource(FixturePath).LoadAsync()).Directory;
        var location = directory.GetService(Id(1)).Locations.Single();
        var publicResult = Match(directory, ServiceType.EmergencyShelter, location.Point, ReferralAudience.Public);
        var match = Assert.Single(publicResult.Matches, m => m.ServiceId == Id(1));
        var seen = match.Locations.Single();
        Assert.Equal((true, "Houston"), (seen.IsConfidential, seen.City));
        Assert.Equal((null, null, (GeoPoint?)null), (seen.StreetAddress, seen.Zip, seen.Point));
        var json = ReferralResultJson.Serialize(publicResult);
        Assert.DoesNotContain(location.StreetAddress!, json, StringComparison.Ordinal);
        Assert.DoesNotContain("29.7573", json, StringComparison.Ordinal);
        Assert.DoesNotContain("-95.3633", json, StringComparison.Ordinal);

        // The advocate's view has them: the assertions above could fail.
        var advocate = Assert.Single(Match(directory, ServiceType.EmergencyShelter, location.Point, ReferralAudience.Advocate).Matches, m => m.ServiceId == Id(1));
        Assert.Equal(location.StreetAddress, advocate.Locations.Single().StreetAddress);
        Assert.Equal(location.Point, advocate.Locations.Single().Point);
    }

    [Fact]
    public void The_public_never_sees_a_shelter_address_made_confidential_only_by_the_default()
    {
        var directory = HsdsReader.Parse(Fixture22WithAnAddress(), "t").Directory;
        var location = directory.GetService(Id(22)).Locations.Single();
        var result = Match(directory, ServiceType.EmergencyShelter, location.Point, ReferralAudience.Public);
        var seen = Assert.Single(result.Matches).Locations.Single();
        Assert.Null(seen.StreetAddress);
        Assert.Null(seen.Point);
        Assert.DoesNotContain(Street, ReferralResultJson.Serialize(result), StringComparison.Ordinal);
        Assert.Contains(Street, ReferralResultJson.Serialize(Match(directory, ServiceType.EmergencyShelter, location.Point, ReferralAudience.Advocate)), StringComparison.Ordinal);
    }
}
