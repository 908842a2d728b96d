using System;
using System.IO;
using System.Linq;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Triage;
using NodaTime;

namespace Nhtrc.Sdk.Testing.Tests.Docs;

/// <summary>
/// The referral, synthetic-directory (uniform and dense) and contact examples of docs/testing.md are code that compiles and runs: each <c>```csharp NAME</c> block is the
/// text between <c>// docs:begin NAME</c> and <c>// docs:end</c> in this file, and the tests here run it.
/// </summary>
public sealed class DocsReferralExampleTests
{
    [Fact]
    public void ThePagesDirectoryExample_BuildsADirectoryThatMatches()
    {
        // docs:begin directory
        var directory = new ReferralDirectoryBuilder()
            .WithOrganization("harbor-light", "Harbor Light Shelter (fictional)", o => o
                .WithService("harbor-light-shelter", "Emergency shelter", s => s
                    .Offering(ServiceType.EmergencyShelter)
                    .InCounties("36061")                                    // New York County
                    .ConfidentialAtZip("10001", "17 Fictional Avenue")      // never shown to the public
                    .ForAges(18, 24)
                    .ForGenders(Gender.Female, Gender.NonBinary)
                    .InLanguages("en", "es")
                    .AcceptingWarmTransfers()
                    .WithCapacity(Capacity.Waitlist)
                    .WithContact(ContactChannel.Phone, "+1-212-555-0142")))
            .WithOrganization("lakeshore-legal", "Lakeshore Legal Aid (fictional)", o => o
                .WithService("lakeshore-immigration", "Immigration legal services", s => s
                    .Offering(ServiceType.ImmigrationLegalServices)
                    .InStates("IL")
                    .WithinKilometersOfZip(80, "60601")
                    .AtZip("60601")
                    .OpenDuring(new ServiceCalendarBuilder("lakeshore-hours").InZone("America/Chicago").WithWeekdayHours("09:00-17:00"))))
            .Build();                                                       // or .ToJson() for a directory file

        var result = directory.Match(new ReferralQuery
        {
            Needs = [ServiceType.EmergencyShelter],
            Place = ReferralPlace.FromZip("10001"),
            Client = new ClientProfile { Age = AgeRange.Exactly(19), Gender = Gender.Female },
            At = Instant.FromUtc(2026, 3, 2, 15, 0),
        });
        // docs:end
        Assert.Equal("harbor-light-shelter", Assert.Single(result.Matches).ServiceId);
        Assert.Null(Assert.Single(result.Matches[0].Locations).StreetAddress);
        Assert.Equal(Block("directory"), Region("directory"));
    }

    // docs:begin property
    [Property(Arbitrary = new[] { typeof(NhtrcArbitraries) })]
    public bool EveryMatchOffersANeed_AndPublicResultsHideShelters(ReferralCase c)
    {
        var result = c.Directory.Match(c.Query);
        return result.Matches.All(m => m.CoveredNeeds.Length > 0)
            && (c.Query.Audience != ReferralAudience.Public
                || result.Matches.SelectMany(m => m.Locations).All(l => !l.IsConfidential || l.StreetAddress is null));
    }
    // docs:end

    [Fact]
    public void ThePagesPropertyExample_IsThisFilesProperty() => Assert.Equal(Block("property"), Region("property"));

    [Fact]
    public void ThePagesSyntheticDirectoryExample_GivesTheSampleAndALargerDirectory()
    {
        // docs:begin synthetic
        // The SDK's embedded sample directory, byte for byte, and larger directories of the same mix.
        byte[] sample = SyntheticDirectory.ToUtf8Json(SyntheticDirectoryOptions.Sample);
        ReferralDirectory national = SyntheticDirectory.Generate(new SyntheticDirectoryOptions { Seed = 42, Services = 6_000 });
        string file = SyntheticDirectory.ToJson(new SyntheticDirectoryOptions { Seed = 7, Organizations = 1_000 });
        // docs:end
        Assert.Equal(SyntheticDirectory.SampleOrganizations + 31, ReferralDirectoryJson.Parse(sample).Organizations.Length);
        Assert.InRange(national.ServiceCount, 6_000, 6_100);
        Assert.Equal(1_031, ReferralDirectoryJson.Parse(file).Organizations.Length);
        Assert.Equal(Block("synthetic"), Region("synthetic"));
    }

    [Fact]
    public void ThePagesDenseDirectoryExample_SpreadsByPopulation()
    {
        // docs:begin dense
        // The latency runner's dense directory is seed 42's with 100,000 services; a smaller one of the same spread.
        ReferralDirectory dense = SyntheticDirectory.Generate(new SyntheticDirectoryOptions
        {
            Seed = 42,
            Services = 6_000,
            Spread = SyntheticDirectorySpread.ByPopulation,
        });
        // docs:end
        Assert.InRange(dense.ServiceCount, 6_000, 6_100);
        // California is 11.8% of the people and 6.4% of the ZIP codes.
        var californian = dense.Organizations.Count(o => o.Services[0].Locations[0].State.Code == "CA") / (double)dense.Organizations.Length;
        Assert.InRange(californian, 0.09, 0.14);
        Assert.Equal(Block("dense"), Region("dense"));
    }

    // docs:begin consent
    [Property(Arbitrary = new[] { typeof(NhtrcArbitraries) })]
    public bool AnAdultsReportToLawEnforcement_IsMadeExactlyWhenTheirConsentIsValid(TriageScenario s)
    {
        var outcome = TriageEngine.NhtrcDefault.Triage(s.Contact, s.At);
        return outcome.Escalations
            .Where(e => e.Basis == EscalationBasis.Consent)
            .All(e => e.IsMade == s.Contact.HasConsent(s.At, ConsentScope.LawEnforcementReport, e.Recipient));
    }

    [Property(Arbitrary = new[] { typeof(NhtrcArbitraries) })]
    public bool RedactedJson_NeverHoldsTheCallersNameOrNumber(PersonalData data)
    {
        var json = ContactJson.SerializeRedacted(new ContactBuilder(RequestKind.Tip).WithPersonalData(data).Build());
        return (data.Name is null || !json.Contains(data.Name.Reveal(), StringComparison.Ordinal))
            && (data.Phone is null || !json.Contains(data.Phone.Reveal(), StringComparison.Ordinal));
    }
    // docs:end

    [Fact]
    public void ThePagesContactExample_IsThisFilesProperties() => Assert.Equal(Block("consent"), Region("consent"));

    private static string Block(string name)
    {
        var page = File.ReadAllText(Path.Combine(DocsTestingExampleTests.RepositoryRoot(), "docs", "testing.md"));
        var start = page.IndexOf("```csharp " + name + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/testing.md has no ```csharp {name} block");
        start = page.IndexOf('\n', start) + 1;
        return page[start..page.IndexOf("```", start, StringComparison.Ordinal)];
    }

    // The lines between the markers in this file, with their common indentation removed.
    private static string Region(string name)
    {
        var source = File.ReadAllLines(Path.Combine(DocsTestingExampleTests.RepositoryRoot(), "tests", "Nhtrc.Sdk.Testing.Tests", "Docs", "DocsReferralExampleTests.cs"));
        var first = Array.FindIndex(source, l => l.Trim() == "// docs:begin " + name) + 1;
        var last = Array.FindIndex(source, first, l => l.Trim() == "// docs:end");
        var lines = source[first..last];
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Concat(lines.Select(l => (l.Length >= indent ? l[indent..] : l.TrimStart()) + "\n"));
    }
}
