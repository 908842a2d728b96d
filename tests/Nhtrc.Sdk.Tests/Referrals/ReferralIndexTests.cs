using System;
using System.Collections.Generic;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;

namespace Nhtrc.Sdk.Tests.Referrals;

public class ReferralIndexTests
{
    private static readonly ReferralDirectory Sample = ReferralDirectory.Sample;

    // Places where the sample's services are: the ZIP codes, counties and radius centres their areas list
    // (and points beside them), so that every way of covering a place is exercised. Each place once: the
    // ZIP codes' counties repeat the listed counties.
    public static TheoryData<string> Places()
    {
        var areas = Sample.Organizations.SelectMany(o => o.Services).Select(s => s.Area).Where((_, i) => i % 7 == 0).ToList();
        var data = new List<string>();
        foreach (var zip in areas.SelectMany(a => a.Zips).Distinct().Take(60))
        {
            data.Add("zip " + zip.Zip);
            data.Add("county " + zip.County.Fips);
        }

        foreach (var county in areas.SelectMany(a => a.Counties).Distinct().Take(60))
        {
            data.Add("county " + county.Fips);
        }

        foreach (var radius in areas.SelectMany(a => a.Radii).Take(60))
        {
            data.Add(FormattableString.Invariant($"point {radius.Center.Latitude + 0.2} {radius.Center.Longitude - 0.3}"));
        }

        foreach (var state in UsState.All)
        {
            data.Add("state " + state.Code);
        }

        // Far from every ZIP code (only national services and radii), and across the antimeridian.
        data.Add("point 30 -140");
        data.Add("point 52 179.5");
        data.Add("point 52 -179.5");
        return new TheoryData<string>(data.Distinct(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Places))]
    public void Candidates_ForEveryType_IncludeEveryServiceOfTheTypeThatCoversThePlace(string description)
    {
        var place = Parse(description);
        var index = Index(Sample);
        var covering = Enumerable.Range(0, index.Entries.Length).Where(i => index.Entries[i].Cover(place) is not null).ToList();

        foreach (var type in Enum.GetValues<ServiceType>())
        {
            var candidates = new List<int>();
            index.Candidates(type, place, candidates);

            var missing = covering.Where(i => (index.Entries[i].TypeMask & (1u << (int)type)) != 0 && !candidates.Contains(i)).Select(i => index.Entries[i].Service.Id);
            Assert.Empty(missing);
            Assert.All(candidates, i => Assert.NotEqual(0u, index.Entries[i].TypeMask & (1u << (int)type)));
        }
    }

    [Fact]
    public void Candidates_ListEachServiceOncePerWayItMayCover()
    {
        // A service listing two ZIP codes of one county, and two radii meeting in one cell, is filed once under each.
        var gazetteer = Gazetteer.Default;
        var a = gazetteer.GetZip("20001");
        var b = gazetteer.Zips.First(z => z.County == a.County && z != a);
        var service = new Service
        {
            Id = "s",
            Name = "S",
            Types = [ServiceType.Housing],
            Area = new ServiceArea { Zips = [a, b], Radii = [new RadiusArea(a.Location, 5), new RadiusArea(b.Location, 6)] },
            LastVerified = new NodaTime.LocalDate(2026, 1, 1),
        };
        var directory = ReferralDirectory.Create([new Organization { Id = "o", Name = "O", Kind = OrganizationKind.ServiceProvider, Services = [service] }]);
        var index = Index(directory);

        var inCounty = new List<int>();
        index.Candidates(ServiceType.Housing, ReferralPlace.InCounty(a.County), inCounty);
        var atZip = new List<int>();
        index.Candidates(ServiceType.Housing, ReferralPlace.AtZip(a), atZip);

        // In the county: its ZIP codes and its radius cell; at the ZIP: the ZIP itself and the cell.
        Assert.Equal([0, 0], inCounty);
        Assert.Equal([0, 0], atZip);
    }

    private static ReferralPlace Parse(string description)
    {
        var parts = description.Split(' ');
        return parts[0] switch
        {
            "zip" => ReferralPlace.FromZip(parts[1]),
            "county" => ReferralPlace.FromCounty(parts[1]),
            "state" => ReferralPlace.FromState(parts[1]),
            _ => ReferralPlace.AtPoint(new GeoPoint(double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), double.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture))),
        };
    }

    private static ReferralIndex Index(ReferralDirectory directory) => directory.Index;
}
