using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Testing.Tests.Builders;

public sealed class ReferralDirectoryBuilderTests
{
    private static readonly ServiceCalendarBuilder OfficeHours = new ServiceCalendarBuilder("office-hours")
        .InZone("America/Chicago")
        .WithWeekdayHours("09:00-12:00", "13:00-17:00")
        .WithHolidayCalendar(HolidayCalendar.UsFederal);

    // Every kind of fact the builder sets: kinds, co-leads, every area kind, confidential and public locations, languages,
    // population bounds, hours, warm transfers, capacity, verification and contacts.
    internal static ReferralDirectoryBuilder Example { get; } = new ReferralDirectoryBuilder()
        .WithOrganization("harbor-light", "Harbor Light Shelter (fictional)", o => o
            .WithWebsite("https://example.org/harbor-light")
            .WithService("harbor-light-shelter", "Emergency shelter", s => s
                .Offering(ServiceType.EmergencyShelter, ServiceType.CaseManagement)
                .InCounties("36061")
                .InZips("10001", "11201")
                .ConfidentialAtZip("10001", "17 Fictional Avenue")
                .ForAges(18, 24)
                .ForGenders(Gender.Female, Gender.NonBinary)
                .ForTraffickingTypes(TraffickingType.Sex)
                .InLanguages("en", "es")
                .AcceptingWarmTransfers()
                .WithCapacity(Capacity.Waitlist)
                .VerifiedOn(new LocalDate(2025, 11, 3))
                .WithContact(ContactChannel.Phone, "+1-212-555-0142")))
        .WithOrganization("lakeshore-legal", "Lakeshore Legal Aid (fictional)", o => o
            .WithService("lakeshore-immigration", "Immigration legal services", s => s
                .Offering(ServiceType.ImmigrationLegalServices)
                .InStates("IL", "IN")
                .WithinKilometersOfZip(80, "60601")
                .AtZip("60601", "200 Example Plaza")
                .ForImmigrationStatuses(ImmigrationStatus.ForeignNational)
                .InLanguages("es-MX", "pl")
                .OpenDuring(OfficeHours)))
        .WithOrganization("bay-police", "Bay City Police Department (fictional)", o => o
            .OfKind(OrganizationKind.LawEnforcement)
            .WithService("bay-police-unit", "Trafficking investigations", s => s
                .Offering(ServiceType.LawEnforcement)
                .WithinKilometersOf(40, new GeoPoint(37.77, -122.42))
                .AtPoint(new GeoPoint(37.7749, -122.4194), "San Francisco", "CA")
                .WithContact(ContactChannel.Email, "unit@example.org")))
        .WithOrganization("bay-task-force", "Bay Anti-Trafficking Task Force (fictional)", o => o
            .OfKind(OrganizationKind.TaskForce)
            .LedBy("bay-police", "harbor-light")
            .WithService("bay-task-force-hotline", "Task force hotline", s => s
                .Offering(ServiceType.TaskForce, ServiceType.CrisisHotline)
                .Nationwide()));

    [Fact]
    public void Build_MakesTheOrganizationsAndServicesDescribed()
    {
        var directory = Example.Build();
        Assert.Equal(["harbor-light", "lakeshore-legal", "bay-police", "bay-task-force"], directory.Organizations.Select(o => o.Id));
        Assert.Equal(4, directory.ServiceCount);

        var shelter = directory.GetService("harbor-light-shelter");
        Assert.Equal([ServiceType.EmergencyShelter, ServiceType.CaseManagement], shelter.Types.ToArray());
        Assert.Equal("36061", Assert.Single(shelter.Area.Counties).Fips);
        Assert.Equal(["10001", "11201"], shelter.Area.Zips.Select(z => z.Zip));
        var site = Assert.Single(shelter.Locations);
        Assert.True(site.IsConfidential);
        Assert.Equal(("17 Fictional Avenue", "NY", "10001"), (site.StreetAddress, site.State.Code, site.Zip!.Zip));
        Assert.Equal(Gazetteer.Default.GetZip("10001").Location, site.Point);
        Assert.Equal((18, 24), (shelter.Population.MinAge!.Value, shelter.Population.MaxAge!.Value));
        Assert.Equal([Gender.Female, Gender.NonBinary], shelter.Population.Genders.ToArray());
        Assert.Equal([TraffickingType.Sex], shelter.Population.TraffickingTypes.ToArray());
        Assert.Equal(["en", "es"], shelter.Languages.Select(l => l.Value));
        Assert.True(shelter.AcceptsWarmTransfers);
        Assert.Equal(Capacity.Waitlist, shelter.Capacity);
        Assert.Equal(new LocalDate(2025, 11, 3), shelter.LastVerified);
        Assert.True(shelter.Availability.IsAlwaysOpen);
        Assert.Equal("+1-212-555-0142", Assert.Single(shelter.Contacts).Value);

        var legal = directory.GetService("lakeshore-immigration");
        Assert.Equal(["IL", "IN"], legal.Area.States.Select(s => s.Code));
        Assert.Equal(new RadiusArea(Gazetteer.Default.GetZip("60601").Location, 80), Assert.Single(legal.Area.Radii));
        Assert.False(Assert.Single(legal.Locations).IsConfidential);
        Assert.Equal([ImmigrationStatus.ForeignNational], legal.Population.ImmigrationStatuses.ToArray());
        Assert.Equal("America/Chicago", legal.Availability.Calendar!.Zone.Id);
        Assert.False(legal.Availability.IsOpen(Instant.FromUtc(2026, 7, 6, 17, 30)));  // 12:30 CDT, the lunch closing
        Assert.True(legal.Availability.IsOpen(Instant.FromUtc(2026, 7, 6, 18, 30)));
        Assert.Equal(Capacity.Accepting, legal.Capacity);
        Assert.Equal(ReferralServiceBuilder.DefaultVerified, legal.LastVerified);

        var police = directory.GetService("bay-police-unit");
        Assert.Equal(("San Francisco", "CA", null), (police.Locations[0].City, police.Locations[0].State.Code, police.Locations[0].Zip));
        Assert.Same(PopulationServed.Everyone, police.Population);
        Assert.Equal(["bay-police", "harbor-light"], directory.GetOrganization("bay-task-force").CoLeadIds.ToArray());
        Assert.True(directory.GetService("bay-task-force-hotline").Area.IsNational);
    }

    [Fact]
    public void ToJson_ParsesToAnEqualDirectory_AndWritesBackTheSameText()
    {
        var json = Example.ToJson();
        var back = ReferralDirectoryJson.Parse(json);
        Assert.Equal(DirectoryFacts.Of(Example.Build()), DirectoryFacts.Of(back));
        Assert.Equal(json, ReferralDirectoryJson.Serialize(back));
    }

    [Fact]
    public async Task ToJson_WrittenToAFile_LoadsThroughJsonFileDirectorySource()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nhtrc-builder-{System.Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, Example.ToJson());
        try
        {
            var load = await new JsonFileDirectorySource(path).LoadAsync();
            Assert.Equal(DirectoryFacts.Of(Example.Build()), DirectoryFacts.Of(load.Directory));
            Assert.Empty(load.Report.Issues);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheBuiltDirectory_MatchesLikeAnyOther_WithoutShowingTheShelter()
    {
        var result = Example.Build().Match(new ReferralQuery
        {
            Needs = [ServiceType.EmergencyShelter],
            Place = ReferralPlace.FromZip("10001"),
            Client = new ClientProfile { Age = AgeRange.Exactly(20), Gender = Gender.Female },
            At = Instant.FromUtc(2026, 3, 2, 15, 0),
        });
        var match = Assert.Single(result.Matches);
        Assert.Equal("harbor-light-shelter", match.ServiceId);
        var shown = Assert.Single(match.Locations);
        Assert.Null(shown.StreetAddress);
        Assert.Null(shown.Point);
    }

    [Fact]
    public void WithService_AddsAProviderOfOneService()
    {
        var directory = new ReferralDirectoryBuilder()
            .WithService(new ReferralServiceBuilder("s1", "Legal aid").Offering(ServiceType.LegalServices).InZips("94103"))
            .Build();
        var organization = Assert.Single(directory.Organizations);
        Assert.Equal(("s1-org", "Legal aid (fictional)", OrganizationKind.ServiceProvider), (organization.Id, organization.Name, organization.Kind));
        Assert.Equal("s1", Assert.Single(organization.Services).Id);
    }

    [Fact]
    public void Builders_AreImmutable_SoABaseCanBeShared()
    {
        var shelter = new ReferralServiceBuilder("s1", "Shelter").Offering(ServiceType.EmergencyShelter).InStates("NY");
        var withZip = shelter.InZips("10001").WithCapacity(Capacity.Full);
        Assert.Empty(shelter.Build().Area.Zips);
        Assert.Equal(Capacity.Accepting, shelter.Build().Capacity);
        Assert.Single(withZip.Build().Area.Zips);
        Assert.Equal(Capacity.Full, withZip.Build().Capacity);

        var one = new ReferralDirectoryBuilder().WithService(shelter);
        var two = one.WithService(new ReferralServiceBuilder("s2", "Other").Offering(ServiceType.Housing).Nationwide());
        Assert.Single(one.BuildOrganizations());
        Assert.Equal(2, two.BuildOrganizations().Length);
    }

    [Fact]
    public void UnknownPlacesAndTags_AreOneErrorNamingEach()
    {
        var service = new ReferralServiceBuilder("s1", "Shelter");
        var zips = Assert.Throws<NhtrcValidationException>(() => service.InZips("10001", "00000", "1234x"));
        Assert.Equal(
            ["services[s1].area.zips[1]: '00000' is not a ZIP code in the gazetteer.", "services[s1].area.zips[2]: '1234x' is not a ZIP code in the gazetteer."],
            zips.Problems.Select(p => p.ToString()));
        Assert.Equal(
            "services[s1].area.states[0]: 'ZZ' is not the two-letter code of a US state or DC.",
            Assert.Single(Assert.Throws<NhtrcValidationException>(() => service.InStates("ZZ")).Problems).ToString());
        Assert.Equal(
            "services[s1].area.counties[0]: '99999' is not the FIPS code of a county in the gazetteer.",
            Assert.Single(Assert.Throws<NhtrcValidationException>(() => service.InCounties("99999")).Problems).ToString());
        Assert.Equal(
            "services[s1].languages[0]: 'not a tag' is not a BCP 47 language tag such as en or es-MX.",
            Assert.Single(Assert.Throws<NhtrcValidationException>(() => service.InLanguages("not a tag")).Problems).ToString());
    }

    [Fact]
    public void AServiceOfferingNothingAndCoveringNothing_IsRefusedByTheDirectory_WithItsPaths()
    {
        var error = Assert.Throws<NhtrcValidationException>(() => new ReferralDirectoryBuilder().WithService(new ReferralServiceBuilder("s1", "Empty")).Build());
        var locations = error.Problems.Select(p => p.Location).ToArray();
        Assert.Contains("organizations[0].services[0].types", locations);
        Assert.Contains("organizations[0].services[0].area", locations);
    }
}
