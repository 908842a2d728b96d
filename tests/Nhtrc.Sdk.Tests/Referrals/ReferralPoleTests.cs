using System;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Referrals;

// Matching at the poles and on the antimeridian: every latitude from -90 to 90 and every longitude from
// -180 to 180 is a place, so a query there returns results (or none) and never throws.
public class ReferralPoleTests
{
    private static readonly Instant At = Instant.FromUtc(2026, 7, 2, 22, 0);

    public static TheoryData<double, double> EdgePoints()
    {
        var data = new TheoryData<double, double>();
        foreach (var lat in new[] { 90, -90, 89.999999, -89.999999, 52, 0 })
        {
            foreach (var lon in new[] { -180, 180, 0, 179.999999, -179.999999 })
            {
                data.Add(lat, lon);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EdgePoints))]
    public void SampleDirectory_AtThePolesAndTheAntimeridian_ReturnsResultsOrNone(double latitude, double longitude)
    {
        var result = ReferralDirectory.Sample.Match(Query(latitude, longitude, [.. Enum.GetValues<ServiceType>()]));

        Assert.All(result.Matches, m => Assert.Contains(m.Coverage, new[] { CoverageLevel.National, CoverageLevel.Radius }));
    }

    [Theory]
    [MemberData(nameof(EdgePoints))]
    public void SyntheticDirectory_AtThePolesAndTheAntimeridian_FindsTheNationalServiceAndTheRadiusWhereItReaches(double latitude, double longitude)
    {
        var result = Synthetic.Match(Query(latitude, longitude, ServiceType.Housing));

        var ids = result.Matches.Select(m => m.ServiceId).ToList();
        Assert.Contains("national", ids);
        var inRadius = AleutianRadius.Contains(new GeoPoint(latitude, longitude));
        Assert.Equal(inRadius, ids.Contains("aleutians"));
    }

    [Fact]
    public void SyntheticDirectory_EitherSideOfTheAntimeridian_FindsTheRadius()
    {
        foreach (var lon in new[] { 179.5, 180, -180, -179.5 })
        {
            var result = Synthetic.Match(Query(52, lon, ServiceType.Housing));

            Assert.Contains("aleutians", result.Matches.Select(m => m.ServiceId));
        }
    }

    // A radius in the western Aleutians (Alaska) that reaches across the antimeridian.
    private static readonly RadiusArea AleutianRadius = new(new GeoPoint(52, 179.8), 100);

    private static readonly ReferralDirectory Synthetic = ReferralDirectory.Create(
    [
        Org("national", ServiceArea.Nationwide),
        Org("aleutians", new ServiceArea { Radii = [AleutianRadius] }),
    ]);

    private static Organization Org(string id, ServiceArea area) => new()
    {
        Id = "org-" + id,
        Name = "Org " + id,
        Kind = OrganizationKind.ServiceProvider,
        Services = [new Service { Id = id, Name = id, Types = [ServiceType.Housing], Area = area, LastVerified = new LocalDate(2026, 7, 1) }],
    };

    private static ReferralQuery Query(double latitude, double longitude, params ServiceType[] needs) => new()
    {
        Needs = [.. needs],
        Place = ReferralPlace.AtPoint(new GeoPoint(latitude, longitude)),
        At = At,
        Count = ReferralQuery.MaximumCount,
    };
}
