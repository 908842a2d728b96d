using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;

namespace Nhtrc.Sdk.Testing.Tests.Generators;

public class SyntheticDirectoryTests
{
    private static readonly Lazy<ReferralDirectory> Small = new(() => SyntheticDirectory.Generate(new SyntheticDirectoryOptions { Seed = 5, Services = 1_500 }));

    [Fact]
    public void Sample_IsTheSdksEmbeddedSampleDirectory_ByteForByte()
    {
        // The source of the embedded sample (src/Nhtrc.Sdk/Referrals/Data), copied beside the tests.
        using var file = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "DataSources", "sample-directory.json.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var embedded = new MemoryStream();
        gzip.CopyTo(embedded);

        var generated = SyntheticDirectory.ToUtf8Json(SyntheticDirectoryOptions.Sample);

        Assert.Equal(embedded.Length, generated.Length);
        Assert.True(embedded.ToArray().AsSpan().SequenceEqual(generated), "the generated sample differs from the embedded one");
    }

    [Fact]
    public void TheSameOptions_GiveTheSameBytes_AnotherSeed_AnotherDirectory()
    {
        var options = new SyntheticDirectoryOptions { Seed = 3, Services = 800 };

        Assert.Equal(SyntheticDirectory.ToUtf8Json(options), SyntheticDirectory.ToUtf8Json(options with { }));
        Assert.NotEqual(SyntheticDirectory.ToJson(options), SyntheticDirectory.ToJson(options with { Seed = 4 }));
    }

    [Theory]
    [InlineData(700)]
    [InlineData(2_000)]
    public void Services_GeneratesUntilThatManyServices_ThenAddsOnlyTheTerritoriesPlan(int services)
    {
        var directory = SyntheticDirectory.Generate(new SyntheticDirectoryOptions { Seed = 1, Services = services });
        var inStates = directory.Organizations.SelectMany(o => o.Services).Count(s => !s.Locations[0].State.IsTerritory);

        // The last organization may bring up to three services, and a task force its co-leads' too.
        Assert.InRange(inStates, services, services + 6);
        Assert.Contains(directory.Organizations.SelectMany(o => o.Services), s => s.Locations[0].State.Code == "AS");
    }

    [Fact]
    public void Organizations_StopsAtThatManyOrganizations_BesidesTheTerritories()
    {
        var directory = SyntheticDirectory.Generate(new SyntheticDirectoryOptions { Seed = 1, Organizations = 900 });

        Assert.Equal(900, directory.Organizations.Count(o => !o.Services[0].Locations[0].State.IsTerritory));
    }

    [Fact]
    public void BothLimits_StopAtTheFirstReached()
    {
        var byOrganizations = SyntheticDirectory.Generate(new SyntheticDirectoryOptions { Seed = 1, Organizations = 900, Services = 100_000 });
        var byServices = SyntheticDirectory.Generate(new SyntheticDirectoryOptions { Seed = 1, Organizations = 100_000, Services = 900 });

        Assert.Equal(900, byOrganizations.Organizations.Count(o => !o.Services[0].Locations[0].State.IsTerritory));
        Assert.InRange(byServices.Organizations.SelectMany(o => o.Services).Count(s => !s.Locations[0].State.IsTerritory), 900, 906);
    }

    [Fact]
    public void EveryNameLinkAndNumber_IsObviouslyFictional()
    {
        var phone = new Regex(@"^\+1-\d{3}-555-01\d\d$");
        foreach (var organization in Small.Value.Organizations)
        {
            Assert.EndsWith("(fictional)", organization.Name, StringComparison.Ordinal);
            Assert.Matches(@"^https://[a-z0-9-]+\.example\.org$", organization.Website);
            foreach (var contact in organization.Services.SelectMany(s => s.Contacts))
            {
                Assert.True(
                    contact.Channel == ContactChannel.Phone ? phone.IsMatch(contact.Value) : contact.Value.EndsWith(".example.org", StringComparison.Ordinal),
                    $"{organization.Id}: {contact.Channel} {contact.Value}");
            }
        }
    }

    [Fact]
    public void EveryStateAndDc_HasProviders_AndEveryLocalShelterSite_IsConfidential()
    {
        var services = Small.Value.Organizations.SelectMany(o => o.Services).ToArray();

        foreach (var state in UsState.All.Where(s => !s.IsTerritory))
        {
            Assert.True(services.Count(s => s.Locations[0].State == state) >= 4, state.Code);
        }

        // A national line's office in DC is no shelter; every local shelter's site is.
        Assert.All(services.Where(s => s.Types.Contains(ServiceType.EmergencyShelter) && !s.Area.IsNational), s => Assert.All(s.Locations, l => Assert.True(l.IsConfidential, s.Id)));
        Assert.Contains(services, s => s.Types.Contains(ServiceType.EmergencyShelter));
    }

    [Fact]
    public void PuertoRicosServices_SpeakSpanishFirst()
    {
        var puertoRico = Small.Value.Organizations.SelectMany(o => o.Services).Where(s => s.Locations[0].State.Code == "PR").ToArray();

        Assert.NotEmpty(puertoRico);
        Assert.All(puertoRico, s => Assert.Equal("es", s.Languages[0].Value));
    }

    [Fact]
    public void Generate_IsTheDocumentAsTheSdkReadsIt()
    {
        var options = new SyntheticDirectoryOptions { Seed = 9, Services = 600 };

        var generated = SyntheticDirectory.Generate(options);
        var read = ReferralDirectoryJson.Parse(SyntheticDirectory.ToJson(options));

        Assert.Equal(ReferralDirectoryJson.Serialize(read), ReferralDirectoryJson.Serialize(generated));
    }

    [Fact]
    public void Options_RefuseNonPositiveSizesAndANullGazetteer()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticDirectoryOptions { Organizations = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticDirectoryOptions { Services = -1 });
        Assert.Throws<ArgumentNullException>(() => new SyntheticDirectoryOptions { Gazetteer = null! });
        Assert.Throws<ArgumentNullException>(() => SyntheticDirectory.ToUtf8Json(null!));
        Assert.Equal(new SyntheticDirectoryOptions { Seed = 2026, Organizations = 3500 }, SyntheticDirectoryOptions.Sample);
    }

    [Fact]
    public void AGazetteerWithoutSomeStates_IsRefused_NamingEachMissingState()
    {
        var text = "zip\tplace\tstate\tcounty_fips\tcounty\tlatitude\tlongitude\n20001\tWashington\tDC\t11001\tDistrict of Columbia\t38.9101\t-77.0147\n";
        var gazetteer = Gazetteer.Load(new MemoryStream(Encoding.UTF8.GetBytes(text)));

        var ex = Assert.Throws<ArgumentException>(() => SyntheticDirectory.ToUtf8Json(new SyntheticDirectoryOptions { Gazetteer = gazetteer }));

        Assert.StartsWith("The gazetteer has no ZIP codes in AL, AK, AZ,", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("DC,", ex.Message, StringComparison.Ordinal);
        Assert.Contains("WY", ex.Message, StringComparison.Ordinal);
    }
}
