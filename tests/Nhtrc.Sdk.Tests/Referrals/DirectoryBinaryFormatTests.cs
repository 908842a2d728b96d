using System;
using System.Collections.Generic;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Referrals.Data;
using Nhtrc.Sdk.Scheduling;
using Nhtrc.Sdk.Tests.Text;
using Nhtrc.Sdk.Text;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Referrals;

/// <summary>
/// The embedded sample directory is a prepared binary form of Referrals/Data/sample-directory.json.gz; these tests keep
/// the two from drifting apart. After changing the JSON or the format, regenerate with
/// <c>dotnet run --project src/Nhtrc.DataGen -- prepare</c>.
/// </summary>
public class DirectoryBinaryFormatTests
{
    private static readonly Lazy<ReferralDirectory> FromJson = new(() =>
    {
        using var json = DataSources.SampleDirectory();
        return ReferralDirectoryJson.Load(json);
    });

    [Fact]
    public void EmbeddedImage_IsWhatTheWriterMakesOfTheJsonSource()
    {
        var embedded = EmbeddedData.Read(typeof(ReferralDirectory).Assembly, DirectoryBinaryFormat.SampleResourceName);

        Assert.True(DirectoryBinaryFormat.Write(FromJson.Value).AsSpan().SequenceEqual(embedded),
            "sample-directory.bin is not the prepared form of sample-directory.json.gz: run 'dotnet run --project src/Nhtrc.DataGen -- prepare'.");
    }

    [Fact]
    public void Sample_HoldsWhatTheJsonSourceHolds()
    {
        // What Serialize writes is every value of the directory (it reads back to an equal one).
        Assert.Equal(ReferralDirectoryJson.Serialize(FromJson.Value), ReferralDirectoryJson.Serialize(ReferralDirectory.Sample));
        Assert.Equal(FromJson.Value.ServiceCount, ReferralDirectory.Sample.ServiceCount);
    }

    [Fact]
    public void Sample_SharesCalendarsAndGazetteerPlaces_AsTheJsonReaderDoes()
    {
        Assert.Equal(DistinctCalendars(FromJson.Value), DistinctCalendars(ReferralDirectory.Sample));
        Assert.All(ReferralDirectory.Sample.Organizations.SelectMany(o => o.Services).SelectMany(s => s.Area.Zips),
            zip => Assert.Same(zip, Gazetteer.Default.GetZip(zip.Zip)));
    }

    [Theory]
    [InlineData("77002", ServiceType.EmergencyShelter, ServiceType.MedicalCare)]
    [InlineData("10001", ServiceType.LegalServices, ServiceType.Interpretation)]
    [InlineData("99501", ServiceType.CaseManagement, ServiceType.CrisisHotline)]
    public void Sample_MatchesAsTheJsonSourceDoes(string zip, ServiceType first, ServiceType second)
    {
        var query = new ReferralQuery
        {
            Needs = [first, second],
            Place = ReferralPlace.FromZip(zip),
            At = Instant.FromUtc(2026, 7, 2, 22, 59),
            Urgency = Urgency.Urgent,
        };

        Assert.Equal(ReferralResultJson.Serialize(FromJson.Value.Match(query)), ReferralResultJson.Serialize(ReferralDirectory.Sample.Match(query)));
    }

    [Fact]
    public void Read_AnyTruncationOrChangedByte_ThrowsInvalidDataException_OrReadsOrganizations()
    {
        // A small directory with a calendar, a population, every kind of area, a location with and without a ZIP code.
        var small = ReferralDirectoryJson.Parse("""
            {"formatVersion":1,"organizations":[{"id":"org-1","name":"Harbor Shelter (fictional)","kind":"serviceProvider",
              "services":[{"id":"svc-1","name":"Shelter","types":["emergencyShelter"],
                "area":{"states":["TX"],"counties":["48201"],"zips":["77002"],"radii":[{"latitude":29.75,"longitude":-95.36,"kilometers":40}]},
                "population":{"minAge":18,"genders":["female"]},"languages":["es"],
                "availability":{"calendar":{"timeZone":"America/Chicago","weeklyHours":{"monday":["09:00-17:00"]},"holidayCalendars":["us-federal"],
                  "overrides":[{"date":"2026-12-24","closed":true}]}},
                "capacity":"waitlist","acceptsWarmTransfers":true,
                "locations":[{"city":"Houston","state":"TX","zip":"77002","latitude":29.75,"longitude":-95.36,"confidential":true},
                             {"name":"Office","address":"1 Example Street (fictional)","city":"Houston","state":"TX","latitude":29.76,"longitude":-95.37}],
                "contacts":[{"channel":"phone","value":"+1-202-555-0100"}],"lastVerified":"2026-03-01"}]}]}
            """);
        var image = DirectoryBinaryFormat.Write(small);
        Assert.Equal(ReferralDirectoryJson.Serialize(small),
            ReferralDirectoryJson.Serialize(ReferralDirectory.Create(DirectoryBinaryFormat.Read(image, Gazetteer.Default))));

        PreparedImageMutations.Check(image, changed => Assert.Single(DirectoryBinaryFormat.Read(changed, Gazetteer.Default)));
    }

    private static int DistinctCalendars(ReferralDirectory directory) =>
        directory.Organizations.SelectMany(o => o.Services).Select(s => s.Availability.Calendar).OfType<ServiceCalendar>()
            .Distinct(ReferenceEqualityComparer.Instance).Count();
}
