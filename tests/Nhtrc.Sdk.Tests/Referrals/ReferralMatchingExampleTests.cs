using System.Linq;
using FsCheck.Fluent;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Testing;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Referrals;

public class ReferralMatchingExampleTests
{
    private static readonly Gazetteer Gazetteer = Gazetteer.Default;
    private static readonly Instant Thursday2200Utc = Instant.FromUtc(2026, 7, 2, 22, 0); // 18:00 in Washington
    private static readonly LocalDate Verified = new(2026, 7, 1);

    private static Service S(string id, ServiceArea area, params ServiceType[] types) => new()
    {
        Id = id,
        Name = id,
        Types = [.. types],
        Area = area,
        LastVerified = Verified,
    };

    private static ReferralDirectory Directory(params Service[] services) =>
        ReferralDirectory.Create(services.Select(s => new Organization { Id = "org-" + s.Id, Name = "Org " + s.Id, Kind = OrganizationKind.ServiceProvider, Services = [s] }));

    private static ReferralQuery Query(params ServiceType[] needs) => new()
    {
        Needs = [.. needs],
        Place = ReferralPlace.FromZip("20001"),
        At = Thursday2200Utc,
    };

    [Fact]
    public void Locality_PutsAZipProviderBeforeCountyBeforeStateBeforeNational()
    {
        var directory = Directory(
            S("national", ServiceArea.Nationwide, ServiceType.LegalServices),
            S("state", new ServiceArea { States = [UsState.GetByCode("DC")] }, ServiceType.LegalServices),
            S("county", new ServiceArea { Counties = [Gazetteer.GetCounty("11001")] }, ServiceType.LegalServices),
            S("zip", new ServiceArea { Zips = [Gazetteer.GetZip("20001")] }, ServiceType.LegalServices),
            S("elsewhere", new ServiceArea { States = [UsState.GetByCode("WY")] }, ServiceType.LegalServices));

        var result = directory.Match(Query(ServiceType.LegalServices));

        Assert.Equal(["zip", "county", "state", "national"], result.Matches.Select(m => m.ServiceId));
        Assert.Equal([CoverageLevel.Zip, CoverageLevel.County, CoverageLevel.State, CoverageLevel.National], result.Matches.Select(m => m.Coverage));
        Assert.Contains("serves all of District of Columbia", result.Matches[2].Reasons.Single(r => r.Contains("locality", System.StringComparison.Ordinal)), System.StringComparison.Ordinal);
    }

    [Fact]
    public void EqualScores_BreakTiesById()
    {
        var directory = Directory(
            S("b", ServiceArea.Nationwide, ServiceType.Housing),
            S("a", ServiceArea.Nationwide, ServiceType.Housing),
            S("c", ServiceArea.Nationwide, ServiceType.Housing));

        var result = directory.Match(Query(ServiceType.Housing));

        Assert.Equal(["a", "b", "c"], result.Matches.Select(m => m.ServiceId));
        Assert.Single(result.Matches.Select(m => m.Score).Distinct());
    }

    [Fact]
    public void Urgent_Scores24x7AboveOpenNowAboveClosed()
    {
        var zone = DateTimeZoneProviders.Tzdb["America/New_York"];
        var nineToFive = ServiceAvailability.By(new ServiceCalendar("9-5", zone, WeeklyHours.MondayToFriday(OpenInterval.Parse("09:00-17:00"))));
        var nineToNine = ServiceAvailability.By(new ServiceCalendar("9-21", zone, WeeklyHours.MondayToFriday(OpenInterval.Parse("09:00-21:00"))));
        var area = ServiceArea.Nationwide;
        var directory = Directory(
            new Service { Id = "closed", Name = "x", Types = [ServiceType.CrisisHotline], Area = area, Availability = nineToFive, LastVerified = Verified },
            new Service { Id = "open", Name = "x", Types = [ServiceType.CrisisHotline], Area = area, Availability = nineToNine, LastVerified = Verified },
            new Service { Id = "always", Name = "x", Types = [ServiceType.CrisisHotline], Area = area, LastVerified = Verified });

        var urgent = directory.Match(new ReferralQuery { Needs = [ServiceType.CrisisHotline], Place = ReferralPlace.FromZip("20001"), At = Thursday2200Utc, Urgency = Urgency.Urgent });
        var notUrgent = directory.Match(new ReferralQuery { Needs = [ServiceType.CrisisHotline], Place = ReferralPlace.FromZip("20001"), At = Thursday2200Utc });

        Assert.Equal(["always", "open", "closed"], urgent.Matches.Select(m => m.ServiceId));
        Assert.Equal([15.0, 10.0, 0.0], urgent.Matches.Select(m => m.Breakdown.Single(f => f.Factor == ReferralFactor.Availability).Points));
        Assert.Equal(["always", "closed", "open"], notUrgent.Matches.Select(m => m.ServiceId));
        Assert.Equal([true, true, false], urgent.Matches.Select(m => m.IsOpenAtQueryTime));
    }

    [Theory]
    [InlineData(16, 17, "minors,youth")]
    [InlineData(17, 19, "adults,minors,youth")]
    [InlineData(18, 24, "adults,youth")]
    [InlineData(25, 40, "adults")]
    public void AnAgeRange_IsEligibleWhereAnyOfItsAgesIs(int minimum, int maximum, string expected)
    {
        var directory = Directory(
            new Service { Id = "minors", Name = "x", Types = [ServiceType.Housing], Area = ServiceArea.Nationwide, Population = new PopulationServed { MaxAge = 17 }, LastVerified = Verified },
            new Service { Id = "youth", Name = "x", Types = [ServiceType.Housing], Area = ServiceArea.Nationwide, Population = new PopulationServed { MinAge = 12, MaxAge = 24 }, LastVerified = Verified },
            new Service { Id = "adults", Name = "x", Types = [ServiceType.Housing], Area = ServiceArea.Nationwide, Population = new PopulationServed { MinAge = 18 }, LastVerified = Verified });
        var query = new ReferralQuery
        {
            Needs = [ServiceType.Housing],
            Place = ReferralPlace.FromZip("20001"),
            At = Thursday2200Utc,
            Client = new ClientProfile { Age = AgeRange.Between(minimum, maximum) },
        };

        var result = directory.Match(query);

        Assert.Equal(expected, string.Join(",", result.Matches.Select(m => m.ServiceId).Order(System.StringComparer.Ordinal)));
        Assert.Equal(expected.Split(',').Length, result.EligibleCount);
    }

    [Fact]
    public void HardFilters_ExcludeIneligibleAndFull_WhenAsked()
    {
        var directory = Directory(
            S("any", ServiceArea.Nationwide, ServiceType.Housing),
            new Service { Id = "minors", Name = "x", Types = [ServiceType.Housing], Area = ServiceArea.Nationwide, Population = new PopulationServed { MaxAge = 17 }, LastVerified = Verified },
            new Service { Id = "women", Name = "x", Types = [ServiceType.Housing], Area = ServiceArea.Nationwide, Population = new PopulationServed { Genders = [Gender.Female] }, LastVerified = Verified },
            new Service { Id = "labor", Name = "x", Types = [ServiceType.Housing], Area = ServiceArea.Nationwide, Population = new PopulationServed { TraffickingTypes = [TraffickingType.Labor] }, LastVerified = Verified },
            new Service { Id = "full", Name = "x", Types = [ServiceType.Housing], Area = ServiceArea.Nationwide, Capacity = Capacity.Full, LastVerified = Verified });
        var query = new ReferralQuery
        {
            Needs = [ServiceType.Housing],
            Place = ReferralPlace.FromZip("20001"),
            At = Thursday2200Utc,
            Client = new ClientProfile { Age = AgeRange.Exactly(30), Gender = Gender.Male, TraffickingType = TraffickingType.Sex },
            ExcludeFull = true,
        };

        Assert.Equal(["any"], directory.Match(query).Matches.Select(m => m.ServiceId));
        Assert.Equal(["any", "full"], directory.Match(new ReferralQuery { Needs = query.Needs, Place = query.Place, At = query.At, Client = query.Client }).Matches.Select(m => m.ServiceId));
        Assert.Equal(5, directory.Match(Query(ServiceType.Housing)).EligibleCount);
    }

    [Fact]
    public void ConfidentialAddress_IsWithheldFromThePublic_ButShownToAdvocates()
    {
        var zip = Gazetteer.GetZip("20001");
        var shelter = new ServiceLocation { City = "Washington", State = zip.State, Zip = zip, Point = new GeoPoint(38.92, -77.02), StreetAddress = "1 Hidden Way", IsConfidential = true };
        var directory = Directory(new Service { Id = "shelter", Name = "x", Types = [ServiceType.EmergencyShelter], Area = ServiceArea.Nationwide, Locations = [shelter], LastVerified = Verified });

        var publicMatch = directory.Match(Query(ServiceType.EmergencyShelter)).Matches.Single();
        var advocateMatch = directory.Match(new ReferralQuery { Needs = [ServiceType.EmergencyShelter], Place = ReferralPlace.FromZip("20001"), At = Thursday2200Utc, Audience = ReferralAudience.Advocate }).Matches.Single();

        var seen = publicMatch.Locations.Single();
        Assert.Equal(("Washington", null, null, null), (seen.City, seen.StreetAddress, seen.Point, seen.Zip));
        Assert.NotNull(publicMatch.DistanceKilometers);
        Assert.Equal("1 Hidden Way", advocateMatch.Locations.Single().StreetAddress);
        Assert.DoesNotContain("Hidden", string.Join(" ", publicMatch.Reasons), System.StringComparison.Ordinal);
    }

    [Fact]
    public void SeveralNeeds_RewardCoveringMore_AndProposeAPlan()
    {
        var directory = Directory(
            S("both", ServiceArea.Nationwide, ServiceType.Housing, ServiceType.LegalServices),
            S("housing", new ServiceArea { Zips = [Gazetteer.GetZip("20001")] }, ServiceType.Housing),
            S("legal", ServiceArea.Nationwide, ServiceType.LegalServices),
            S("medical", ServiceArea.Nationwide, ServiceType.MedicalCare));

        var result = directory.Match(Query(ServiceType.Housing, ServiceType.LegalServices, ServiceType.Interpretation));

        var both = result.Matches.Single(m => m.ServiceId == "both");
        Assert.Equal([ServiceType.Housing, ServiceType.LegalServices], both.CoveredNeeds.ToArray());
        Assert.Equal(5.0, both.Breakdown.Single(f => f.Factor == ReferralFactor.NeedsCovered).Points);
        Assert.Equal("org-both", result.Plan[0].OrganizationId);
        Assert.Single(result.Plan);
        Assert.Equal([ServiceType.Interpretation], result.UncoveredNeeds.ToArray());
        Assert.DoesNotContain(result.Matches, m => m.ServiceId == "medical");
    }

    [Fact]
    public void Places_ResolveFromZipCountyStatePointAndCallerLocation()
    {
        Assert.Equal("11001", ReferralPlace.FromZip("20001").County!.Fips);
        Assert.Equal(ReferralPlaceKind.County, ReferralPlace.FromCounty("11001").Kind);
        Assert.Equal("TX", ReferralPlace.FromState("tx").State!.Code);
        Assert.Equal("DC", ReferralPlace.AtPoint(new GeoPoint(38.9, -77.03)).State!.Code);
        Assert.Null(ReferralPlace.AtPoint(new GeoPoint(0, 0)).State);
        Assert.Equal(ReferralPlaceKind.Zip, ReferralPlace.From(new CallerLocation(zip: "20001", state: "DC")).Kind);
        Assert.Throws<NhtrcValidationException>(() => ReferralPlace.FromZip("00000"));
        Assert.Equal(ReferralPlaceKind.State, ReferralPlace.FromState("pr").Kind);
        Assert.Throws<NhtrcValidationException>(() => ReferralPlace.FromState("MH"));
    }

    [Fact]
    public void Match_InvalidQuery_ListsEveryProblem()
    {
        var directory = Directory(S("a", ServiceArea.Nationwide, ServiceType.Housing));

        var e = Assert.Throws<NhtrcValidationException>(() => directory.Match(new ReferralQuery
        {
            Needs = [ServiceType.Housing, ServiceType.Housing],
            Place = ReferralPlace.FromZip("20001"),
            At = Thursday2200Utc,
            Count = 0,
        }));

        Assert.Equal(["Needs", "Count"], e.Problems.Select(p => p.Location));
    }

    [Fact]
    public void RandomCases_UsuallyHaveMatches_SoTheDifferentialTestIsNotVacuous()
    {
        var cases = NhtrcArbitraries.ReferralCases().Generator.Sample(100);
        var withMatches = cases.Count(c => c.Directory.Match(c.Query).Matches.Length > 0);

        Assert.InRange(withMatches, 50, 100);
    }
}
