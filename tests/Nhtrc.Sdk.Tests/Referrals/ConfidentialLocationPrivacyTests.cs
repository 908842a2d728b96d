using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Referrals;

/// <summary>
/// What a public result reveals about a confidential location (docs/referrals.md, "Confidential locations"): no more than
/// its grid cell, its city and its state, whatever the number of queries and wherever they are made from.
/// </summary>
public sealed partial class ConfidentialLocationPrivacyTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 7, 2, 22, 0);

    private static readonly Gazetteer Gazetteer = Gazetteer.Default;

    // The sample directory's confidential locations all belong to services of these types; a query for none of them
    // has no confidential candidate, whatever the version of the matcher.
    private static readonly ServiceType[] ConfidentialTypes = [ServiceType.EmergencyShelter, ServiceType.BasicNeeds, ServiceType.CaseManagement];

    private static readonly LocalDate Verified = new(2026, 6, 1);

    // A cell of the grid over central Houston, and its half sizes in degrees.
    private static readonly GeoPoint CellCenter = NaiveReferralMatcher.Cell(new GeoPoint(29.76, -95.37));
    private static readonly double HalfHeight = 0.05;
    private static readonly double HalfWidth = 360.0 / Math.Floor(360 * Math.Cos(CellCenter.Latitude * Math.PI / 180) / 0.1) / 2;

    /// <summary>Inside the cell: its centre and near each corner.</summary>
    public static TheoryData<double, double, double, double> PositionPairs() => new()
    {
        { 0, 0, 0.95, 0.95 },
        { -0.95, -0.95, 0.95, 0.95 },
        { 0.95, -0.95, -0.95, 0.95 },
        { 0.3, -0.7, -0.6, 0.2 },
    };

    /// <summary>
    /// The strong form of the promise: two directories that differ only in where a shelter sits inside its cell (its
    /// confidential location, and the radius area centred on it) give the public identical results, JSON and text, from
    /// thousands of query points chosen to find it: a fine lattice over the cell and its neighbours, rings across the
    /// radius edge, the ZIP codes and counties around, and whole-state queries. Advocates, who see the address, get
    /// different results, so the comparison can tell results apart.
    /// </summary>
    [Theory]
    [MemberData(nameof(PositionPairs))]
    public void APublicResult_IsTheSame_WhereverInItsCellAShelterIs(double north1, double east1, double north2, double east2)
    {
        var first = Directory(new GeoPoint(CellCenter.Latitude + (north1 * HalfHeight), CellCenter.Longitude + (east1 * HalfWidth)));
        var second = Directory(new GeoPoint(CellCenter.Latitude + (north2 * HalfHeight), CellCenter.Longitude + (east2 * HalfWidth)));
        Assert.Equal(CellCenter, NaiveReferralMatcher.Cell(first.GetService("svc-shelter").Locations[0].Point));
        Assert.Equal(CellCenter, NaiveReferralMatcher.Cell(second.GetService("svc-shelter").Locations[0].Point));

        var places = QueryPlaces().ToList();
        Assert.True(places.Count > 2000, places.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var advocateDiffers = 0;
        var confidentialSeen = 0;
        foreach (var (place, i) in places.Select((p, i) => (p, i)))
        {
            var query = Query(place, i, ReferralAudience.Public);
            var a = first.Match(query);
            var b = second.Match(query);
            Assert.Equal(ReferralResultJson.Serialize(a), ReferralResultJson.Serialize(b));
            Assert.Equal(a.ToString(), b.ToString());
            confidentialSeen += a.Matches.Any(m => m.Locations.Any(l => l.IsConfidential)) ? 1 : 0;

            var advocate = Query(place, i, ReferralAudience.Advocate);
            advocateDiffers += ReferralResultJson.Serialize(first.Match(advocate)) != ReferralResultJson.Serialize(second.Match(advocate)) ? 1 : 0;
        }

        Assert.True(confidentialSeen > places.Count / 2, $"the shelter is among the public matches of {confidentialSeen} of {places.Count} queries");
        Assert.True(advocateDiffers > places.Count / 2, $"advocates' results differ for {advocateDiffers} of {places.Count} queries");
    }

    [Fact]
    public void APublicDistance_IsToTheCellCentre_AndTheReasonNamesOnlyTheCity()
    {
        var shelter = new GeoPoint(CellCenter.Latitude + 0.03, CellCenter.Longitude - 0.04);
        var directory = Directory(shelter);
        var from = new GeoPoint(29.85, -95.45);
        var query = Query(ReferralPlace.AtPoint(from), 0, ReferralAudience.Public);
        var match = directory.Match(query).Matches.Single(m => m.ServiceId == "svc-shelter");
        var location = match.Locations.Single(l => l.IsConfidential);

        Assert.Equal(GreatCircle.DistanceKilometers(from, CellCenter), location.DistanceKilometers!.Value, 9);
        Assert.Null(location.Point);
        Assert.Contains("(Houston, TX)", match.Breakdown.Single(c => c.Factor == ReferralFactor.Distance).Reason, StringComparison.Ordinal);
        var advocate = directory.Match(Query(ReferralPlace.AtPoint(from), 0, ReferralAudience.Advocate)).Matches.Single(m => m.ServiceId == "svc-shelter");
        Assert.Equal(GreatCircle.DistanceKilometers(from, shelter), advocate.Locations.Single(l => l.IsConfidential).DistanceKilometers!.Value, 9);
    }

    /// <summary>
    /// Queries with no confidential candidate give exactly the results of the matcher before public results were made
    /// coarse (commit 772a6a9): the hash of their JSON and text, computed there with this same code. The factors' facts
    /// came later (issue 13) and are left out of the JSON hashed.
    /// </summary>
    [Fact]
    public void QueriesWithoutAConfidentialCandidate_GiveTheEarlierResults()
    {
        var directory = ReferralDirectory.Sample;
        Assert.All(
            directory.Organizations.SelectMany(o => o.Services).Where(s => s.Locations.Any(l => l.IsConfidential)),
            s => Assert.True(s.Types.All(ConfidentialTypes.Contains), s.Id));

        var needs = Enum.GetValues<ServiceType>().Where(t => !ConfidentialTypes.Contains(t)).ToArray();
        // The ZIP codes of the states and DC, as the gazetteer held them then (the territories came later, with their
        // own organizations, which no query here can reach).
        var zips = Gazetteer.Default.Zips.Where(z => !z.State.IsTerritory).ToArray();
        var text = new StringBuilder();
        var queries = 0;
        for (var i = 0; i < zips.Length; i += 97)
        {
            var zip = zips[i];
            ReferralPlace[] places = [ReferralPlace.FromZip(zip.Zip), ReferralPlace.AtPoint(new GeoPoint(zip.Location.Latitude + 0.05, zip.Location.Longitude - 0.05)), ReferralPlace.InState(zip.State)];
            foreach (var place in places)
            {
                var query = new ReferralQuery
                {
                    Needs = [needs[i % needs.Length], needs[(i / 7) % needs.Length] == needs[i % needs.Length] ? needs[(i + 1) % needs.Length] : needs[(i / 7) % needs.Length]],
                    Place = place,
                    At = At,
                    Urgency = i % 2 == 0 ? Urgency.Urgent : Urgency.NonUrgent,
                    Language = i % 3 == 0 ? LanguageTag.Spanish : null,
                    Count = 20,
                    Audience = i % 5 == 0 ? ReferralAudience.Advocate : ReferralAudience.Public,
                };
                var result = directory.Match(query);
                text.Append(FactsMember().Replace(ReferralResultJson.Serialize(result), "")).Append('\n').Append(result).Append('\n');
                queries++;
            }
        }

        Assert.Equal(1269, queries);
        Assert.Equal("F82B40910EFC3F46F6B429D703CED7301FC7A769181E94604C74961A34F3E949", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))));
    }

    private static ReferralQuery Query(ReferralPlace place, int i, ReferralAudience audience) => new()
    {
        Needs = i % 3 == 0 ? [ServiceType.EmergencyShelter] : [ServiceType.EmergencyShelter, ServiceType.CaseManagement],
        Place = place,
        At = At + Duration.FromHours(i % 24),
        Urgency = i % 2 == 0 ? Urgency.Urgent : Urgency.NonUrgent,
        Count = 10,
        Audience = audience,
    };

    // Around the cell: a lattice of about 0.6 km over the cell and its eight neighbours, rings across the 25 km radius
    // edge, every ZIP code and county within 60 km, and the state.
    private static IEnumerable<ReferralPlace> QueryPlaces()
    {
        for (var y = -24; y <= 24; y++)
        {
            for (var x = -24; x <= 24; x++)
            {
                yield return ReferralPlace.AtPoint(new GeoPoint(CellCenter.Latitude + (y * HalfHeight * 3 / 24), CellCenter.Longitude + (x * HalfWidth * 3 / 24)));
            }
        }

        foreach (var km in (double[])[23.5, 24.5, 25.5, 26.5, 33])
        {
            for (var bearing = 0; bearing < 360; bearing += 5)
            {
                var radians = bearing * Math.PI / 180;
                var north = km / 111.2 * Math.Cos(radians);
                var east = km / (111.2 * Math.Cos(CellCenter.Latitude * Math.PI / 180)) * Math.Sin(radians);
                yield return ReferralPlace.AtPoint(new GeoPoint(CellCenter.Latitude + north, CellCenter.Longitude + east));
            }
        }

        var near = Gazetteer.NearestZips(CellCenter, 400).Where(z => z.DistanceKilometers <= 60).ToList();
        foreach (var zip in near)
        {
            yield return ReferralPlace.AtZip(zip.Zip);
        }

        foreach (var fips in near.Select(z => z.Zip.County.Fips).Distinct().Order(StringComparer.Ordinal))
        {
            yield return ReferralPlace.FromCounty(fips);
        }

        yield return ReferralPlace.FromState("TX");
    }

    // A shelter (confidential, with a radius area centred on it and a public intake office), a county service of the
    // same organization at the shelter, and public providers around it.
    private static ReferralDirectory Directory(GeoPoint shelter)
    {
        var tx = UsState.GetByCode("TX");
        var harris = Gazetteer.GetCounty("48201");
        ServiceLocation Hidden() => new() { Name = "Shelter", City = "Houston", State = tx, Point = shelter, StreetAddress = "10 Quiet Lane (fictional)", Zip = ReferralPlace.AtPoint(shelter).Zip, IsConfidential = true };
        var office = new ServiceLocation { Name = "Intake office", City = "Pasadena", State = tx, Point = new GeoPoint(29.69, -95.2), StreetAddress = "1 Public Plaza (fictional)" };
        var sampleOrg = new Organization
        {
            Id = "org-safe-harbor",
            Name = "Safe Harbor Example House (fictional)",
            Kind = OrganizationKind.ServiceProvider,
            Services =
            [
                new Service { Id = "svc-shelter", Name = "Emergency shelter", Types = [ServiceType.EmergencyShelter], Area = new ServiceArea { Radii = [new RadiusArea(shelter, 25)] }, Locations = [Hidden(), office], LastVerified = Verified },
                new Service { Id = "svc-case", Name = "Case management", Types = [ServiceType.CaseManagement], Area = new ServiceArea { Counties = [harris] }, Locations = [Hidden()], LastVerified = Verified },
            ],
        };
        var others = new Organization
        {
            Id = "org-open-door",
            Name = "Open Door Example Services (fictional)",
            Kind = OrganizationKind.ServiceProvider,
            Services =
            [
                new Service { Id = "svc-open-shelter", Name = "Shelter", Types = [ServiceType.EmergencyShelter], Area = new ServiceArea { Radii = [new RadiusArea(new GeoPoint(29.8, -95.45), 40)] }, Locations = [new ServiceLocation { City = "Houston", State = tx, Point = new GeoPoint(29.8, -95.45) }], LastVerified = Verified },
                new Service { Id = "svc-state-case", Name = "Case management", Types = [ServiceType.CaseManagement], Area = new ServiceArea { States = [tx] }, Locations = [new ServiceLocation { City = "Austin", State = tx, Point = new GeoPoint(30.27, -97.74) }], LastVerified = Verified },
                new Service { Id = "svc-national", Name = "National shelter line", Types = [ServiceType.EmergencyShelter, ServiceType.CaseManagement], Area = ServiceArea.Nationwide, LastVerified = Verified },
            ],
        };
        return ReferralDirectory.Create([sampleOrg, others]);
    }

    [GeneratedRegex(",\"facts\":\\{[^{}]*\\}")]
    private static partial Regex FactsMember();
}
