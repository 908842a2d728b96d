using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Referrals;

/// <summary>
/// Area rules take the territories like states: a territory-wide service, a municipio, an island district no ZIP
/// code names; "national" reaches all of them; and the sample directory answers at a ZIP code of each territory.
/// </summary>
public class TerritoryMatchingTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 7, 8, 15, 0);

    private const string Directory = """
        {
          "formatVersion": 1,
          "organizations": [
            { "id": "org-pr", "name": "Isla Advocacy (fictional)", "kind": "serviceProvider", "services": [
              { "id": "svc-pr-wide", "name": "Toda la isla", "types": ["victimAdvocacy"], "area": { "states": ["PR"] },
                "languages": ["es", "en"], "availability": { "alwaysOpen": true }, "lastVerified": "2026-01-10",
                "locations": [{ "name": "Office", "city": "San Juan", "state": "PR", "zip": "00901", "latitude": 18.4663, "longitude": -66.1057 }] },
              { "id": "svc-san-juan", "name": "San Juan only", "types": ["victimAdvocacy"], "area": { "counties": ["72127"] },
                "availability": { "alwaysOpen": true }, "lastVerified": "2026-01-10" } ] },
            { "id": "org-as", "name": "Samoa Outreach (fictional)", "kind": "serviceProvider", "services": [
              { "id": "svc-manua", "name": "Manu'a outreach", "types": ["victimAdvocacy"], "area": { "counties": ["60020"] },
                "availability": { "alwaysOpen": true }, "lastVerified": "2026-01-10" } ] },
            { "id": "org-national", "name": "National Line (fictional)", "kind": "serviceProvider", "services": [
              { "id": "svc-national", "name": "National", "types": ["victimAdvocacy"], "area": { "national": true },
                "availability": { "alwaysOpen": true }, "lastVerified": "2026-01-10" } ] }
          ]
        }
        """;

    private static string[] Ids(ReferralDirectory directory, ReferralPlace place) =>
        [.. directory.Match(new ReferralQuery { Needs = [ServiceType.VictimAdvocacy], Place = place, At = At, Count = 10 })
            .Matches.Select(m => m.ServiceId).Order(System.StringComparer.Ordinal)];

    [Fact]
    public void TerritoryWideMunicipioAndIslandDistrictAreas_MatchWhereTheyShould_AndNationalEverywhere()
    {
        var directory = ReferralDirectoryJson.Parse(Directory);

        Assert.Equal(["svc-national", "svc-pr-wide", "svc-san-juan"], Ids(directory, ReferralPlace.FromZip("00901")));
        Assert.Equal(["svc-national", "svc-pr-wide"], Ids(directory, ReferralPlace.FromZip("00717")));          // Ponce
        Assert.Equal(["svc-national", "svc-pr-wide", "svc-san-juan"], Ids(directory, ReferralPlace.FromState("PR"))); // a county of the state counts
        Assert.Equal(["svc-manua", "svc-national"], Ids(directory, ReferralPlace.FromCounty("60020")));         // Manu'a
        Assert.Equal(["svc-national"], Ids(directory, ReferralPlace.FromZip("96799")));                        // Pago Pago, Eastern District
        Assert.Equal(["svc-national"], Ids(directory, ReferralPlace.FromZip("96910")));                        // Guam
        Assert.Equal(["svc-national"], Ids(directory, ReferralPlace.FromZip("10001")));
    }

    [Theory]
    [InlineData("00901")]
    [InlineData("00802")]
    [InlineData("96910")]
    [InlineData("96950")]
    [InlineData("96799")]
    public void TheSample_AtAZipOfEachTerritory_FindsItsOwnServicesAndTheNationalOnes(string zip)
    {
        var place = ReferralPlace.FromZip(zip);
        var result = ReferralDirectory.Sample.Match(new ReferralQuery { Needs = [ServiceType.VictimAdvocacy], Place = place, At = At, Count = 20 });

        var services = result.Matches.Select(m => ReferralDirectory.Sample.GetService(m.ServiceId)).ToList();
        Assert.Contains(services, s => s.Area.States.Contains(place.State!));
        Assert.Contains(services, s => s.Area.IsNational);
    }

    [Fact]
    public void InPuertoRico_TheSamplesServicesSpeakSpanishFirst()
    {
        var inPuertoRico = ReferralDirectory.Sample.Organizations.SelectMany(o => o.Services)
            .Where(s => s.Locations.Any(l => l.State == UsState.GetByCode("PR"))).ToList();

        Assert.InRange(inPuertoRico.Count, 15, 40);
        Assert.All(inPuertoRico, s => Assert.Equal("es", s.Languages[0].ToString()));
        Assert.Contains(inPuertoRico, s => s.Locations.Any(l => l.IsConfidential));
    }
}
