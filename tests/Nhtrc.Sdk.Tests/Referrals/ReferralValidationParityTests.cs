using System;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Referrals;

// A directory built in code is checked as the JSON reader checks one, with the reader's paths; a query's
// enum values are checked up front. Neither fails later with NullReferenceException or AggregateException.
public class ReferralValidationParityTests
{
    private static readonly Gazetteer Gazetteer = Gazetteer.Default;

    private static ServiceLocation Location(string city = "Washington", string state = "DC", string? zip = "20001", string? name = null, string? address = null) => new()
    {
        Name = name,
        StreetAddress = address,
        City = city,
        State = state is null ? null! : UsState.GetByCode(state),
        Zip = zip is null ? null : Gazetteer.GetZip(zip),
        Point = new GeoPoint(38.91, -77.02),
    };

    public static TheoryData<string, string, string> BadServices() => new()
    {
        { "null city", "organizations[0].services[0].locations[0].city", "is required." },
        { "blank city", "organizations[0].services[0].locations[0].city", "is required." },
        { "null state", "organizations[0].services[0].locations[0].state", "is required." },
        { "zip in another state", "organizations[0].services[0].locations[0].zip", "is in NY, not DC." },
        { "default radius", "organizations[0].services[0].area.radii[1].kilometers", RadiusArea.RadiusMessage },
        { "undefined channel", "organizations[0].services[0].contacts[0].channel", "99 is not a defined contact channel." },
        { "long contact value", "organizations[0].services[0].contacts[0].value", "must be at most 2048 characters." },
        { "long city", "organizations[0].services[0].locations[0].city", "must be at most 100 characters." },
        { "long address", "organizations[0].services[0].locations[0].address", "must be at most 500 characters." },
        { "long location name", "organizations[0].services[0].locations[0].name", "must be at most 300 characters." },
        { "long service name", "organizations[0].services[0].name", "must be at most 300 characters." },
    };

    private static Service BadService(string what) => new()
    {
        Id = "s1",
        Name = what == "long service name" ? new string('S', 301) : "S",
        Types = [ServiceType.Housing],
        Area = what == "default radius"
            ? new ServiceArea { Radii = [new RadiusArea(new GeoPoint(38.9, -77), 10), default] }
            : new ServiceArea { States = [UsState.GetByCode("DC")] },
        LastVerified = new LocalDate(2026, 1, 1),
        Locations =
        [
            what switch
            {
                "null city" => Location(city: null!),
                "blank city" => Location(city: "  "),
                "null state" => Location(state: null!),
                "zip in another state" => Location(zip: "10001"),
                "long city" => Location(city: new string('W', 101)),
                "long address" => Location(address: new string('1', 501)),
                "long location name" => Location(name: new string('N', 301)),
                _ => Location(),
            },
        ],
        Contacts = [new ServiceContact(what == "undefined channel" ? (ContactChannel)99 : ContactChannel.Phone, what == "long contact value" ? "+1-202-555-0100" + new string('0', 2034) : "+1-202-555-0100")],
    };

    [Theory]
    [MemberData(nameof(BadServices))]
    public void Create_WithWhatTheReaderRejects_ReportsItAtTheReadersPath(string what, string path, string message)
    {
        var organizations = new[] { new Organization { Id = "o1", Name = "O", Kind = OrganizationKind.ServiceProvider, Services = [BadService(what)] } };

        var e = Assert.Throws<NhtrcValidationException>(() => ReferralDirectory.Create(organizations));

        var problem = Assert.Single(e.Problems);
        Assert.Equal(path, problem.Location);
        Assert.Equal(message, problem.Message);
    }

    [Fact]
    public void Create_WithALongOrganizationNameOrWebsite_NamesBoth()
    {
        var organizations = new[] { new Organization { Id = "o1", Name = new string('O', 301), Website = "https://example.org/" + new string('w', 2029), Kind = OrganizationKind.ServiceProvider } };

        var e = Assert.Throws<NhtrcValidationException>(() => ReferralDirectory.Create(organizations));

        Assert.Equal(
            ["organizations[0].name: must be at most 300 characters.", "organizations[0].website: must be at most 2048 characters."],
            e.Problems.Select(p => $"{p.Location}: {p.Message}"));
    }

    // The reader prefixes its paths with the document root, $.
    [Fact]
    public void Parse_ZipInAnotherState_IsReportedAtTheSamePath()
    {
        var json = DirectoryJsonTests.Valid.Replace("\"state\": \"DC\", \"zip\": \"20001\"", "\"state\": \"DC\", \"zip\": \"10001\"", StringComparison.Ordinal);

        var e = Assert.Throws<NhtrcValidationException>(() => ReferralDirectoryJson.Parse(json));

        Assert.Equal(["$.organizations[1].services[0].locations[0].zip: is in NY, not DC."], e.Problems.Select(p => $"{p.Location}: {p.Message}"));
    }

    [Fact]
    public void Parse_ALongCity_IsReportedAtTheSamePath_WithoutEchoingIt()
    {
        var city = "Washington" + new string('x', 200);
        var json = DirectoryJsonTests.Valid.Replace("\"city\": \"Washington\"", $"\"city\": \"{city}\"", StringComparison.Ordinal);
        Assert.NotEqual(DirectoryJsonTests.Valid, json);

        var e = Assert.Throws<NhtrcValidationException>(() => ReferralDirectoryJson.Parse(json));

        Assert.Equal(["$.organizations[1].services[0].locations[0].city: must be at most 100 characters."], e.Problems.Select(p => $"{p.Location}: {p.Message}"));
        Assert.DoesNotContain("xxxxxxxx", e.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadQueries() => new()
    {
        { "audience", "Audience" },
        { "gender", "Client.Gender" },
        { "immigration", "Client.ImmigrationStatus" },
        { "trafficking", "Client.TraffickingType" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public void Match_WithAnUndefinedEnumValue_NamesTheField(string what, string path)
    {
        var query = new ReferralQuery { Needs = [ServiceType.Housing], Place = ReferralPlace.FromZip("20001"), At = Instant.FromUtc(2026, 7, 2, 22, 0) };
        query = what switch
        {
            "audience" => WithAudience(query, (ReferralAudience)7),
            "gender" => WithClient(query, new ClientProfile { Gender = (Gender)99 }),
            "immigration" => WithClient(query, new ClientProfile { ImmigrationStatus = (ImmigrationStatus)99 }),
            _ => WithClient(query, new ClientProfile { TraffickingType = (TraffickingType)99 }),
        };

        var e = Assert.Throws<NhtrcValidationException>(() => ReferralDirectory.Sample.Match(query));

        Assert.Equal([path], e.Problems.Select(p => p.Location));
    }

    private static ReferralQuery WithAudience(ReferralQuery q, ReferralAudience audience) =>
        new() { Needs = q.Needs, Place = q.Place, At = q.At, Audience = audience };

    private static ReferralQuery WithClient(ReferralQuery q, ClientProfile client) =>
        new() { Needs = q.Needs, Place = q.Place, At = q.At, Client = client };
}
