using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
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
    [InlineData(-14.24, -169.47, null, "60020", "AS")]     // Ta'u, Manu'a District: 110 km from Pago Pago's ZIP code
    [InlineData(-14.18, -169.62, null, "60020", "AS")]     // Ofu, Manu'a District
    [InlineData(-14.34, -170.78, null, "60050", "AS")]     // Leone, Western District: nearer its village than 96799
    [InlineData(-14.28, -170.70, "96799", "60010", "AS")]  // Pago Pago, Eastern District
    [InlineData(-11.05, -171.08, null, "60040", "AS")]     // Swains Island
    [InlineData(-14.54, -168.16, null, "60030", "AS")]     // Rose Atoll
    [InlineData(18.10, 145.75, null, "69085", "MP")]       // Pagan, the Northern Islands
    [InlineData(15.19, 145.75, "96950", "69110", "MP")]    // Saipan
    public void APoint_LiesInItsNearestZipCode_OrInANearerCountyNoZipCodeNames(double latitude, double longitude, string? zip, string county, string state)
    {
        var place = ReferralPlace.AtPoint(new GeoPoint(latitude, longitude));

        Assert.Equal(zip, place.Zip?.Zip);
        Assert.Equal(county, place.County?.Fips);
        Assert.Equal(state, place.State?.Code);
    }

    [Fact]
    public void APointOnTau_IsServedByTheManuaService_AndAPointInTheOpenOceanByTheNationalOneOnly()
    {
        var directory = ReferralDirectoryJson.Parse(Directory);

        Assert.Equal(["svc-manua", "svc-national"], Ids(directory, ReferralPlace.AtPoint(new GeoPoint(-14.24, -169.47))));
        Assert.Equal(["svc-national"], Ids(directory, ReferralPlace.AtPoint(new GeoPoint(-14.34, -170.78))));  // Leone: Western District
        Assert.Equal(["svc-national"], Ids(directory, ReferralPlace.AtPoint(new GeoPoint(-5.0, -160.0))));
    }

    /// <summary>Points around American Samoa, the Marianas and Puerto Rico, where ZIP-less counties sit among ZIP codes.</summary>
    private static readonly Gen<GeoPoint> AroundTheTerritories = Gen.OneOf(
        from lat in Gen.Choose(-160_000, -100_000)
        from lon in Gen.Choose(-1_730_000, -1_670_000)
        select new GeoPoint(lat / 10_000.0, lon / 10_000.0),
        from lat in Gen.Choose(130_000, 210_000)
        from lon in Gen.Choose(1_430_000, 1_480_000)
        select new GeoPoint(lat / 10_000.0, lon / 10_000.0),
        from lat in Gen.Choose(170_000, 190_000)
        from lon in Gen.Choose(-680_000, -640_000)
        select new GeoPoint(lat / 10_000.0, lon / 10_000.0));

    /// <summary>
    /// The naive rule, by a scan of every ZIP code and every county without one: the nearest of them within 80 km, a
    /// ZIP code winning a tie.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property AtPoint_AgreesWithAScanOfEveryZipCodeAndZipLessCounty() =>
        Prop.ForAll(Arb.From(AroundTheTerritories), point =>
        {
            var gazetteer = Gazetteer.Default;
            var zip = gazetteer.Zips.Select(z => (Zip: z, Km: GreatCircle.DistanceKilometers(point, z.Location)))
                .OrderBy(z => z.Km).ThenBy(z => z.Zip.Zip, System.StringComparer.Ordinal).First();
            var county = gazetteer.Counties.Where(c => c.ZipCount == 0)
                .Select(c => (County: c, Km: GreatCircle.DistanceKilometers(point, c.Centroid)))
                .OrderBy(c => c.Km).ThenBy(c => c.County.Fips, System.StringComparer.Ordinal).First();
            var limit = ReferralPlace.MaximumZipDistanceKilometers;
            (string? Zip, string? County) expected =
                zip.Km <= limit && zip.Km <= county.Km ? ((string?)zip.Zip.Zip, (string?)zip.Zip.County.Fips)
                : county.Km <= limit ? ((string?)null, (string?)county.County.Fips)
                : ((string?)null, (string?)null);

            var place = ReferralPlace.AtPoint(point);

            Assert.Equal(expected, (place.Zip?.Zip, place.County?.Fips));
            Assert.Equal(place.County?.State, place.State);
        });

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
