using System.IO;
using System.Linq;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals.Json;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Scheduling.Json;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Tests.Referrals.Json;

/// <summary>
/// The directory reader works token by token rather than through the source-generated context; these tests
/// hold it to what that context writes, and to reporting every problem of a document in one pass.
/// </summary>
public class DirectoryDocumentReaderTests
{
    private static readonly DirectoryJsonContext Indented = new(new JsonSerializerOptions(DirectoryJsonContext.Default.Options) { WriteIndented = true });

    public static Arbitrary<(int Seed, int Services, bool Indent)> Directories() =>
        Arb.From(
            from seed in Gen.Choose(0, 1_000_000)
            from services in Gen.Choose(1, 60)
            from indent in Gen.Elements(true, false)
            select (seed, services, indent));

    [Property(Arbitrary = [typeof(DirectoryDocumentReaderTests)], MaxTest = 25)]
    public void Read_WhatTheSourceGeneratedContextWrites_GivesBackEveryValue((int Seed, int Services, bool Indent) c)
    {
        var document = SyntheticDocuments.WithServices(c.Seed, c.Services);
        var json = JsonSerializer.SerializeToUtf8Bytes(document, (c.Indent ? Indented : DirectoryJsonContext.Default).DirectoryDocument);

        var directory = ReferralDirectoryJson.Load(new MemoryStream(json));

        Assert.Equal(document.Organizations!.Count, directory.Organizations.Length);
        for (var i = 0; i < directory.Organizations.Length; i++)
        {
            AssertSame(document.Organizations[i]!, directory.Organizations[i]);
        }
    }

    [Fact]
    public void Parse_ValuesOfTheWrongJsonType_AreEachListed_AndReadingGoesOn()
    {
        var json = DirectoryJsonTests.Valid
            .Replace("\"minAge\": 18", "\"minAge\": \"eighteen\"", System.StringComparison.Ordinal)
            .Replace("\"acceptsWarmTransfers\": true", "\"acceptsWarmTransfers\": \"yes\"", System.StringComparison.Ordinal)
            .Replace("\"latitude\": 38.91", "\"latitude\": \"38.91\"", System.StringComparison.Ordinal)
            .Replace("\"languages\": [\"en\", \"es\"]", "\"languages\": [\"en\", 7]", System.StringComparison.Ordinal)
            .Replace("\"zips\": [\"20001\"]", "\"zips\": \"20001\"", System.StringComparison.Ordinal)
            .Replace("\"lastVerified\": \"2025-12-01\"", "\"lastVerified\": 20251201", System.StringComparison.Ordinal);

        var e = Assert.Throws<NhtrcValidationException>(() => ReferralDirectoryJson.Parse(json));

        Assert.Equal(
            [
                "$.organizations[1].services[0].area.zips: must be an array of ZIP codes.",
                "$.organizations[1].services[0].population.minAge: must be a whole number.",
                "$.organizations[1].services[0].languages[1]: must be a language tag.",
                "$.organizations[1].services[0].acceptsWarmTransfers: must be true or false.",
                "$.organizations[1].services[0].locations[0].latitude: must be a number.",
                "$.organizations[2].services[0].lastVerified: must be an ISO-8601 date such as 2026-03-01.",
            ],
            e.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Parse_PropertyGivenTwice_SaysSo_AndKeepsReading()
    {
        var json = DirectoryJsonTests.Valid
            .Replace("\"kind\": \"taskForce\"", "\"kind\": \"taskForce\", \"kind\": \"coalition\"", System.StringComparison.Ordinal)
            .Replace("\"capacity\": \"waitlist\"", "\"capacity\": \"maybe\"", System.StringComparison.Ordinal);

        var e = Assert.Throws<NhtrcValidationException>(() => ReferralDirectoryJson.Parse(json));

        Assert.Equal(["$.organizations[1].services[0].capacity", "$.organizations[2].kind"], e.Problems.Select(p => p.Location));
        Assert.Contains("given twice", e.Problems[1].Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AValueLeftOut_DoesNotAlsoBreakTheRulesOfWhatHoldsIt()
    {
        // The only county of the area is unknown: the area then lists nothing, which is not reported again.
        var json = DirectoryJsonTests.Valid.Replace("\"counties\": [\"11001\"]", "\"counties\": [\"99999\"]", System.StringComparison.Ordinal);

        var e = Assert.Throws<NhtrcValidationException>(() => ReferralDirectoryJson.Parse(json));

        Assert.Equal("$.organizations[0].services[0].area.counties[0]: county 99999 is not in the gazetteer.", Assert.Single(e.Problems).ToString());
    }

    [Fact]
    public void Parse_AWrongTypeForARequiredValue_IsNotAlsoReportedAsMissing()
    {
        var json = DirectoryJsonTests.Valid.Replace("\"id\": \"org-tf\"", "\"id\": 12", System.StringComparison.Ordinal)
            .Replace("\"area\": { \"national\": true }", "\"area\": [\"national\"]", System.StringComparison.Ordinal);

        var e = Assert.Throws<NhtrcValidationException>(() => ReferralDirectoryJson.Parse(json));

        Assert.Equal(
            ["$.organizations[2].id: must be a string.", "$.organizations[2].services[0].area: must be an area object."],
            e.Problems.Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("\"website\": \"https://harbor.example.org\"", "\"website\": null", null)]
    [InlineData("\"area\": { \"national\": true }", "\"area\": null", "$.organizations[2].services[0].area: is required.")]
    [InlineData("\"capacity\": \"waitlist\"", "\"capacity\": null", null)]
    [InlineData("\"city\": \"Washington\"", "\"city\": null", "$.organizations[1].services[0].locations[0].city: is required.")]
    [InlineData("[\"en\", \"es\"]", "[\"en\", null]", "$.organizations[1].services[0].languages[1]: must be a language tag, not null.")]
    public void Parse_NullProperty_IsAbsent_ButANullItemIsAProblem(string from, string to, string? problem)
    {
        var json = DirectoryJsonTests.Valid.Replace(from, to, System.StringComparison.Ordinal);

        if (problem is null)
        {
            Assert.Equal(3, ReferralDirectoryJson.Parse(json).Organizations.Length);
            return;
        }

        var e = Assert.Throws<NhtrcValidationException>(() => ReferralDirectoryJson.Parse(json));
        Assert.Equal(problem, Assert.Single(e.Problems).ToString());
    }

    [Fact]
    public void Parse_EscapedNamesAndValues_AreReadAsTheirText()
    {
        var json = DirectoryJsonTests.Valid
            .Replace("\"name\": \"Investigations\"", "\"n\\u0061me\": \"Investig\\u0061tions \\u2013 \\\"unit\\\"\"", System.StringComparison.Ordinal)
            .Replace("\"zips\": [\"20001\"]", "\"zips\": [\"2000\\u0031\"]", System.StringComparison.Ordinal)
            .Replace("\"types\": [\"lawEnforcement\"]", "\"types\": [\"law\\u0045nforcement\"]", System.StringComparison.Ordinal);

        var directory = ReferralDirectoryJson.Parse(json);

        Assert.True(directory.TryGetService("svc-police", out var police, out _));
        Assert.Equal("Investigations \u2013 \"unit\"", police.Name);
        Assert.Equal([ServiceType.LawEnforcement], police.Types.ToArray());
        Assert.True(directory.TryGetService("svc-harbor", out var harbor, out _));
        Assert.Equal("20001", Assert.Single(harbor.Area.Zips).Zip);
    }

    [Fact]
    public void Parse_MalformedJson_NamesTheDeepestPlaceReadAndTheLine()
    {
        var json = DirectoryJsonTests.Valid.Replace("\"kilometers\": 40", "\"kilometers\": 40,,", System.StringComparison.Ordinal);

        var e = Assert.Throws<NhtrcValidationException>(() => ReferralDirectoryJson.Parse(json));

        var problem = Assert.Single(e.Problems);
        Assert.StartsWith("$.organizations[1].services[0].area.radii[0]", problem.Location, System.StringComparison.Ordinal);
        Assert.Contains("is not valid JSON (line 14, byte ", problem.Message, System.StringComparison.Ordinal);
    }

    private static void AssertSame(OrganizationDocument d, Organization o)
    {
        Assert.Equal(d.Id, o.Id);
        Assert.Equal(d.Name, o.Name);
        Assert.Equal(d.Kind, WireName<OrganizationKind>.Of(o.Kind));
        Assert.Equal(d.Website, o.Website);
        Assert.Equal(d.CoLeads ?? [], o.CoLeadIds.Cast<string?>());
        Assert.Equal(d.Services!.Count, o.Services.Length);
        for (var i = 0; i < o.Services.Length; i++)
        {
            AssertSame(d.Services[i]!, o.Services[i]);
        }
    }

    private static void AssertSame(ServiceDocument d, Service s)
    {
        Assert.Equal(d.Id, s.Id);
        Assert.Equal(d.Name, s.Name);
        Assert.Equal(d.Types!, s.Types.Select(WireName<ServiceType>.Of));
        var area = d.Area!;
        Assert.Equal(area.National ?? false, s.Area.IsNational);
        Assert.Equal(area.States ?? [], s.Area.States.Select(x => x.Code));
        Assert.Equal(area.Counties ?? [], s.Area.Counties.Select(x => x.Fips));
        Assert.Equal(area.Zips ?? [], s.Area.Zips.Select(x => x.Zip));
        Assert.Equal(
            (area.Radii ?? []).Select(r => (r!.Latitude!.Value, r.Longitude!.Value, r.Kilometers!.Value)),
            s.Area.Radii.Select(r => (r.Center.Latitude, r.Center.Longitude, r.RadiusKilometers)));
        var population = d.Population;
        Assert.Equal(population?.MinAge, s.Population.MinAge);
        Assert.Equal(population?.MaxAge, s.Population.MaxAge);
        Assert.Equal(population?.Genders ?? [], s.Population.Genders.Select(WireName<Gender>.Of));
        Assert.Equal(population?.TraffickingTypes ?? [], s.Population.TraffickingTypes.Select(WireName<TraffickingType>.Of));
        Assert.Equal(population?.ImmigrationStatuses ?? [], s.Population.ImmigrationStatuses.Select(WireName<ImmigrationStatus>.Of));
        Assert.Equal(d.Languages ?? [], s.Languages.Select(l => l.Value));
        Assert.Equal(d.Availability!.AlwaysOpen == true, s.Availability.IsAlwaysOpen);
        if (d.Availability.Calendar is { } calendar)
        {
            var read = ServiceCalendarDocumentReader.ToDocument(s.Availability.Calendar!);
            Assert.Equal(calendar.TimeZone, read.TimeZone);
            Assert.Equal(
                JsonSerializer.Serialize(calendar.WeeklyHours, DirectoryJsonContext.Default.DictionaryStringListString),
                JsonSerializer.Serialize(read.WeeklyHours, DirectoryJsonContext.Default.DictionaryStringListString));
        }

        Assert.Equal(d.AcceptsWarmTransfers ?? false, s.AcceptsWarmTransfers);
        Assert.Equal(d.Capacity ?? "accepting", WireName<Capacity>.Of(s.Capacity));
        Assert.Equal(
            (d.Locations ?? []).Select(l => (l!.Name, l.Address, l.City, l.State, l.Zip, l.Latitude!.Value, l.Longitude!.Value, l.Confidential ?? false)),
            s.Locations.Select(l => (l.Name, l.StreetAddress, (string?)l.City, (string?)l.State.Code, l.Zip?.Zip, l.Point.Latitude, l.Point.Longitude, l.IsConfidential)));
        Assert.Equal(
            (d.Contacts ?? []).Select(x => (x!.Channel, x.Value)),
            s.Contacts.Select(x => ((string?)WireName<ContactChannel>.Of(x.Channel), (string?)x.Value)));
        Assert.Equal(d.LastVerified, s.LastVerified.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}
