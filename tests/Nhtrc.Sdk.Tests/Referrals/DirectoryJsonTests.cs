using System.IO;
using System.Linq;
using System.Text;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Tests.Referrals;

public class DirectoryJsonTests
{
    // One valid document; each bad-input test changes one thing in it.
    internal const string Valid = """
        {
          "formatVersion": 1,
          "organizations": [
            {
              "id": "org-police", "name": "Sample City Police (fictional)", "kind": "lawEnforcement",
              "services": [{ "id": "svc-police", "name": "Investigations", "types": ["lawEnforcement"],
                "area": { "counties": ["11001"] }, "availability": { "alwaysOpen": true }, "lastVerified": "2026-01-10" }]
            },
            {
              "id": "org-harbor", "name": "Sample Harbor Shelter (fictional)", "kind": "serviceProvider",
              "website": "https://harbor.example.org",
              "services": [{
                "id": "svc-harbor", "name": "Emergency shelter", "types": ["emergencyShelter", "caseManagement"],
                "area": { "states": ["DC"], "zips": ["20001"], "radii": [{ "latitude": 38.9, "longitude": -77.03, "kilometers": 40 }] },
                "population": { "minAge": 18, "genders": ["female", "nonBinary"], "traffickingTypes": ["sex", "labor"], "immigrationStatuses": ["foreignNational"] },
                "languages": ["en", "es"],
                "availability": { "calendar": { "timeZone": "America/New_York", "weeklyHours": { "monday": ["09:00-17:00"], "saturday": ["10:00-14:00"] },
                  "holidayCalendars": ["us-federal"], "holidays": [{ "name": "Founders Day", "date": "2026-05-04" }],
                  "overrides": [{ "date": "2026-12-21", "hours": ["09:00-12:00"] }, { "date": "2026-12-28", "closed": true }] } },
                "acceptsWarmTransfers": true, "capacity": "waitlist",
                "locations": [{ "name": "Shelter", "address": "1 Hidden Way", "city": "Washington", "state": "DC", "zip": "20001",
                  "latitude": 38.91, "longitude": -77.02, "confidential": true }],
                "contacts": [{ "channel": "phone", "value": "+1-202-555-0100" }],
                "lastVerified": "2026-03-01"
              }]
            },
            {
              "id": "org-tf", "name": "Sample Task Force (fictional)", "kind": "taskForce", "coLeads": ["org-police", "org-harbor"],
              "services": [{ "id": "svc-tf", "name": "Task force", "types": ["taskForce"], "area": { "national": true },
                "availability": { "alwaysOpen": true }, "lastVerified": "2025-12-01" }]
            }
          ]
        }
        """;

    [Fact]
    public void Parse_ValidDocument_BuildsTheModel()
    {
        var directory = ReferralDirectoryJson.Parse(Valid);

        Assert.Equal(3, directory.Organizations.Length);
        Assert.Equal(3, directory.ServiceCount);
        Assert.True(directory.TryGetService("svc-harbor", out var s, out var org));
        Assert.Equal("org-harbor", org.Id);
        Assert.Equal([ServiceType.EmergencyShelter, ServiceType.CaseManagement], s.Types.ToArray());
        Assert.Equal(Capacity.Waitlist, s.Capacity);
        Assert.Equal(18, s.Population.MinAge);
        Assert.Equal(["en", "es"], s.Languages.Select(l => l.Value));
        Assert.False(s.Availability.IsAlwaysOpen);
        Assert.True(s.Locations[0].IsConfidential);
        Assert.Equal(new NodaTime.LocalDate(2026, 3, 1), s.LastVerified);
        Assert.Equal("20001", Assert.Single(s.Area.Zips).Zip);
        Assert.Equal(40, Assert.Single(s.Area.Radii).RadiusKilometers);
    }

    [Fact]
    public void Load_FromStreamAndFile_GiveTheSameDirectory()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Valid));
        var fromStream = ReferralDirectoryJson.Load(stream);
        var path = Path.GetTempFileName();
        File.WriteAllText(path, Valid);
        try
        {
            Assert.Equal(fromStream.ToString(), ReferralDirectoryJson.LoadFile(path).ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("\"svc-police\", \"name\": \"Investigations\"", "\"svc-harbor\", \"name\": \"Investigations\"", "$.organizations[1].services[0].id", "unique")]
    [InlineData("\"id\": \"org-tf\"", "\"id\": \"org-harbor\"", "$.organizations[2].id", "unique")]
    [InlineData("\"emergencyShelter\", \"caseManagement\"", "\"emergencyShelter\", \"sauna\"", "$.organizations[1].services[0].types[1]", "'sauna' is not one of")]
    [InlineData("\"types\": [\"taskForce\"]", "\"types\": []", "$.organizations[2].services[0].types", "at least one")]
    [InlineData("\"emergencyShelter\", \"caseManagement\"", "\"emergencyShelter\", \"emergencyShelter\"", "$.organizations[1].services[0].types[1]", "listed twice")]
    [InlineData("\"zips\": [\"20001\"]", "\"zips\": [\"00000\"]", "$.organizations[1].services[0].area.zips[0]", "not in the gazetteer")]
    [InlineData("\"zips\": [\"20001\"]", "\"zips\": [\"2000\"]", "$.organizations[1].services[0].area.zips[0]", "5 digits")]
    [InlineData("\"counties\": [\"11001\"]", "\"counties\": [\"99999\"]", "$.organizations[0].services[0].area.counties[0]", "not in the gazetteer")]
    [InlineData("\"states\": [\"DC\"]", "\"states\": [\"MH\"]", "$.organizations[1].services[0].area.states[0]", "50 states, DC or the territories")]
    [InlineData("\"latitude\": 38.91", "\"latitude\": 98.91", "$.organizations[1].services[0].locations[0].latitude", "-90 to 90")]
    [InlineData("\"longitude\": -77.03", "\"longitude\": -277.03", "$.organizations[1].services[0].area.radii[0].longitude", "-180 to 180")]
    [InlineData("\"kilometers\": 40", "\"kilometers\": 0", "$.organizations[1].services[0].area.radii[0].kilometers", "above 0")]
    [InlineData("\"minAge\": 18", "\"minAge\": 18, \"maxAge\": 12", "$.organizations[1].services[0].population.maxAge", "less than minAge")]
    [InlineData("\"minAge\": 18", "\"minAge\": 200", "$.organizations[1].services[0].population.minAge", "from 0 to 125")]
    [InlineData("[\"sex\", \"labor\"]", "[\"sex\", \"both\"]", "$.organizations[1].services[0].population.traffickingTypes[1]", "sex or labor")]
    [InlineData("[\"en\", \"es\"]", "[\"en\", \"e$\"]", "$.organizations[1].services[0].languages[1]", "BCP 47")]
    [InlineData("[\"en\", \"es\"]", "[\"en\", \"EN\"]", "$.organizations[1].services[0].languages[1]", "listed twice")]
    [InlineData("\"coLeads\": [\"org-police\", \"org-harbor\"]", "\"coLeads\": [\"org-police\", \"org-nowhere\"]", "$.organizations[2].coLeads[1]", "not the id of an organization")]
    [InlineData("\"coLeads\": [\"org-police\", \"org-harbor\"]", "\"coLeads\": [\"org-police\"]", "$.organizations[2].coLeads", "co-led by")]
    [InlineData("\"kind\": \"lawEnforcement\"", "\"kind\": \"lawEnforcement\", \"coLeads\": [\"org-harbor\"]", "$.organizations[0].coLeads", "only a task force or coalition")]
    [InlineData("\"kind\": \"taskForce\"", "\"kind\": \"taskforce\"", "$.organizations[2].kind", "is not one of")]
    [InlineData("\"capacity\": \"waitlist\"", "\"capacity\": \"maybe\"", "$.organizations[1].services[0].capacity", "is not one of")]
    [InlineData("\"lastVerified\": \"2026-03-01\"", "\"lastVerified\": \"2026-02-30\"", "$.organizations[1].services[0].lastVerified", "ISO-8601 date")]
    [InlineData("\"timeZone\": \"America/New_York\"", "\"timeZone\": \"Mars/Olympus\"", "$.organizations[1].services[0].availability.calendar.timeZone", "tz database")]
    [InlineData("\"timeZone\": \"America/New_York\", ", "", "$.organizations[1].services[0].availability.calendar.timeZone", "is required")]
    [InlineData("\"monday\": [\"09:00-17:00\"]", "\"monday\": [\"9 to 5\"]", "$.organizations[1].services[0].availability.calendar.weeklyHours.monday[0]", "HH:mm-HH:mm")]
    [InlineData("\"monday\": [\"09:00-17:00\"]", "\"moonday\": [\"09:00-17:00\"]", "$.organizations[1].services[0].availability.calendar.weeklyHours.moonday", "is not a day")]
    [InlineData("[\"us-federal\"]", "[\"us-federa\"]", "$.organizations[1].services[0].availability.calendar.holidayCalendars[0]", "not a known holiday calendar")]
    [InlineData("\"date\": \"2026-05-04\"", "\"date\": \"2026-05-44\"", "$.organizations[1].services[0].availability.calendar.holidays[0].date", "yyyy-MM-dd")]
    [InlineData("\"closed\": true", "\"closed\": true, \"hours\": [\"09:00-10:00\"]", "$.organizations[1].services[0].availability.calendar.overrides[1]", "exactly one")]
    [InlineData("\"date\": \"2026-12-28\"", "\"date\": \"2026-12-21\"", "$.organizations[1].services[0].availability.calendar.overrides[1].date", "already has an override")]
    [InlineData("\"timeZone\": \"America/New_York\"", "\"id\": \" \", \"timeZone\": \"America/New_York\"", "$.organizations[1].services[0].availability.calendar.id", "must not be blank")]
    [InlineData("\"timeZone\": \"America/New_York\"", "\"zone\": \"America/New_York\"", "$.organizations[1].services[0].availability.calendar.zone", "not a known property")]
    [InlineData("\"availability\": { \"calendar\": {", "\"availability\": { \"alwaysOpen\": true, \"calendar\": {", "$.organizations[1].services[0].availability", "must not also have a calendar")]
    [InlineData("\"availability\": { \"alwaysOpen\": true }, \"lastVerified\": \"2025-12-01\"", "\"availability\": { }, \"lastVerified\": \"2025-12-01\"", "$.organizations[2].services[0].availability.calendar", "is required unless alwaysOpen")]
    [InlineData("\"availability\": { \"alwaysOpen\": true }, \"lastVerified\": \"2025-12-01\"", "\"lastVerified\": \"2025-12-01\"", "$.organizations[2].services[0].availability", "is required")]
    [InlineData("\"area\": { \"national\": true }", "\"area\": { }", "$.organizations[2].services[0].area", "must be national or list")]
    [InlineData("\"area\": { \"national\": true }", "\"area\": { \"national\": true, \"states\": [\"DC\"] }", "$.organizations[2].services[0].area", "must not also list")]
    [InlineData("\"zip\": \"20001\"", "\"zip\": \"10001\"", "$.organizations[1].services[0].locations[0].zip", "is in NY, not DC")]
    [InlineData("\"channel\": \"phone\"", "\"channel\": \"pigeon\"", "$.organizations[1].services[0].contacts[0].channel", "is not one of")]
    [InlineData("\"id\": \"org-tf\"", "\"id\": \"org tf\"", "$.organizations[2].id", "ASCII letters")]
    [InlineData("\"name\": \"Task force\"", "\"name\": \" \"", "$.organizations[2].services[0].name", "is required")]
    [InlineData("\"formatVersion\": 1", "\"formatVersion\": 2", "$.formatVersion", "must be 1")]
    [InlineData("\"website\": \"https://harbor.example.org\"", "\"web\": \"https://harbor.example.org\"", "$.organizations[1].web", "not a known property")]
    public void Parse_BadInput_NamesTheProblemAndItsPath(string from, string to, string path, string message)
    {
        Assert.Contains(from, Valid, System.StringComparison.Ordinal);
        var json = Valid.Replace(from, to, System.StringComparison.Ordinal);

        var e = Assert.Throws<NhtrcValidationException>(() => ReferralDirectoryJson.Parse(json));

        Assert.Equal("referral directory", e.Subject);
        Assert.Contains(e.Problems, p => p.Location == path && p.Message.Contains(message, System.StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SeveralProblems_ListsEveryOne()
    {
        var json = Valid.Replace("\"zips\": [\"20001\"]", "\"zips\": [\"00000\"]", System.StringComparison.Ordinal)
            .Replace("\"minAge\": 18", "\"minAge\": 18, \"maxAge\": 1", System.StringComparison.Ordinal)
            .Replace("\"org-harbor\"]", "\"org-gone\"]", System.StringComparison.Ordinal);

        var e = Assert.Throws<NhtrcValidationException>(() => ReferralDirectoryJson.Parse(json));

        Assert.Equal(
            ["$.organizations[1].services[0].area.zips[0]", "$.organizations[1].services[0].population.maxAge", "$.organizations[2].coLeads[1]", "$.organizations[2].coLeads"],
            e.Problems.Select(p => p.Location));
    }

    [Theory]
    [InlineData("{", "$")]
    [InlineData("{ \"formatVersion\": \"one\" }", "$.formatVersion")]
    [InlineData("null", "$")]
    public void Parse_MalformedJson_IsAValidationErrorWithAPath(string json, string path)
    {
        var e = Assert.Throws<NhtrcValidationException>(() => ReferralDirectoryJson.Parse(json));

        Assert.Equal(path, e.Problems[0].Location);
    }

    [Fact]
    public async System.Threading.Tasks.Task LoadAsync_ReadsTheSameDirectory()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Valid));

        var directory = await ReferralDirectoryJson.LoadAsync(stream);

        Assert.Equal(ReferralDirectoryJson.Parse(Valid).ToString(), directory.ToString());
    }

    [Fact]
    public void Parse_PropertyGivenTwice_IsAnErrorAtItsPath()
    {
        var json = Valid.Replace("\"kind\": \"taskForce\"", "\"kind\": \"taskForce\", \"kind\": \"coalition\"", System.StringComparison.Ordinal);

        var e = Assert.Throws<NhtrcValidationException>(() => ReferralDirectoryJson.Parse(json));

        Assert.StartsWith("$.organizations[2]", Assert.Single(e.Problems).Location, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownTopLevelProperty_AndMissingParts_AreListed()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => ReferralDirectoryJson.Parse("{ \"orgs\": [] }"));

        Assert.Equal(["$.orgs", "$.formatVersion", "$.organizations"], e.Problems.Select(p => p.Location));
    }

    [Fact]
    public void Create_InCode_ChecksTheSameRules_WithModelPaths()
    {
        var service = new Service { Id = "s", Name = "S", Area = new ServiceArea(), LastVerified = new NodaTime.LocalDate(2026, 1, 1) };
        var orgs = new[]
        {
            new Organization { Id = "a", Name = "A", Kind = OrganizationKind.ServiceProvider, Services = [service] },
            new Organization { Id = "a", Name = "", Kind = OrganizationKind.TaskForce },
        };

        var e = Assert.Throws<NhtrcValidationException>(() => ReferralDirectory.Create(orgs));

        Assert.Equal(
            ["organizations[0].services[0].types", "organizations[0].services[0].area", "organizations[1].id", "organizations[1].name", "organizations[1].coLeads"],
            e.Problems.Select(p => p.Location));
    }

    [Fact]
    public void Create_InCode_NullAreaItems_AreProblemsNotACrash()
    {
        var area = new ServiceArea { States = [null!], Counties = [null!], Zips = [null!] };
        var service = new Service { Id = "s", Name = "S", Types = [ServiceType.Housing], Area = area, LastVerified = new NodaTime.LocalDate(2026, 1, 1) };
        var orgs = new[] { new Organization { Id = "a", Name = "A", Kind = OrganizationKind.ServiceProvider, Services = [service] } };

        var e = Assert.Throws<NhtrcValidationException>(() => ReferralDirectory.Create(orgs));

        Assert.Equal(
            ["organizations[0].services[0].area.states[0]", "organizations[0].services[0].area.counties[0]", "organizations[0].services[0].area.zips[0]"],
            e.Problems.Select(p => p.Location));
    }

    [Fact]
    public void Holder_SwapsSnapshots_AndKeepsTheOldOneWhenAReloadFails()
    {
        var first = ReferralDirectoryJson.Parse(Valid);
        var holder = new ReferralDirectoryHolder(first);

        Assert.Throws<NhtrcValidationException>(() => holder.Reload(() => ReferralDirectoryJson.Parse("{}")));
        Assert.Same(first, holder.Current);

        var second = holder.Reload(() => ReferralDirectoryJson.Parse(Valid));
        Assert.Same(second, holder.Current);
        Assert.Same(second, holder.Swap(first));
        Assert.Same(first, holder.Current);
    }
}
