using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nhtrc.Cli.Commands;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Geography;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Text;
using NodaTime;

using static Nhtrc.Cli.Tests.HelpAssertions;

namespace Nhtrc.Cli.Tests.Commands;

public sealed class MatchCommandTests : IDisposable
{
    private readonly ReferralDirectoryFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = MatchCommand.Run(args, TextReader.Null, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private string ValidDirectory() => _files.Write("directory.json", ReferralDirectoryFiles.Valid);

    private static List<string> ServiceIds(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("serviceId").GetString()!)];
    }

    [Fact]
    public void Run_DocumentedExample_PrintsTheRankedTable()
    {
        var (exitCode, stdout, stderr) = Run(
            "--zip", "77002", "--need", "emergencyShelter", "--need", "legalServices", "--urgent", "--language", "es",
            "--age", "24", "--gender", "female", "--trafficking", "labor", "--at", "2026-07-02T22:00:00Z", "--top", "3");

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        Assert.StartsWith(
            "Needs: emergencyShelter, legalServices\n" +
            "Place: ZIP 77002 Houston, TX\n" +
            "Client: age 24, female, labor trafficking, language es\n" +
            "At: 2026-07-02T22:00:00Z; urgent: 24/7 and open now are scored\n" +
            "\n" +
            "3 of 7 eligible services, best first:\n" +
            "#  Score  Distance  Where          Covers            Organization: service\n" +
            "1     66   20.8 km  Houston, TX    legalServices     New Dawn Legal Aid of Houston (fictional): Legal representation\n" +
            "   why: +21.75 distance: 20.8 km away (Houston, TX); +15 language: offers es; +12 locality: serves Harris county, TX\n",
            stdout);
        Assert.EndsWith(
            "Plan: organizations that together cover every need:\n" +
            "  org-00587 New Dawn Legal Aid of Houston (fictional): legalServices (svc-000771)\n" +
            "  org-01380 Keystone Shelter of Hempstead (fictional): emergencyShelter (svc-001862)\n",
            stdout);
    }

    [Fact]
    public void Run_WithoutAt_UsesTheNewestVerification_AndSaysOpenNowIsNotScored()
    {
        var (exitCode, stdout, _) = Run("--zip", "77002", "--need", "legalServices", "--directory", ValidDirectory());

        Assert.Equal(0, exitCode);
        Assert.Contains("At: 2026-05-15T00:00:00Z, the newest verification in the directory (no --at); open now is not scored\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SameArguments_GiveTheSameOutput()
    {
        string[] args = ["--state", "ny", "--need", "housing", "--need", "mentalHealth", "--json"];

        Assert.Equal(Run(args).Stdout, Run(args).Stdout);
    }

    [Theory]
    [InlineData(new[] { "--zip", "77002" }, "ZIP 77002 Houston, TX")]
    [InlineData(new[] { "--state", "TX" }, "state TX")]
    [InlineData(new[] { "--county", "48201" }, "county 48201 Harris, TX")]
    [InlineData(new[] { "--state", "tx", "--county", "48201" }, "county 48201 Harris, TX")]
    [InlineData(new[] { "--lat", "29.75", "--lon", "-95.36" }, "point 29.75, -95.36 (near 77010 Houston, TX)")]
    public void Run_EachKindOfPlace_FindsTheHoustonServices(string[] place, string description)
    {
        string[] args = [.. place, "--need", "emergencyShelter", "--need", "legalServices", "--directory", ValidDirectory()];
        var (exitCode, stdout, stderr) = Run([.. args, "--json"]);
        var (_, text, _) = Run(args);

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        Assert.Contains("\nPlace: " + description + "\n", text, StringComparison.Ordinal);
        Assert.Equal(["svc-shelter", "svc-legal"], ServiceIds(stdout));
    }

    private static readonly (string[] Args, ReferralQuery Query)[] SdkQueries =
    [
        (
            ["--zip", "77002", "--need", "emergencyShelter", "--top", "1", "--at", "2026-07-02T22:00:00Z"],
            new ReferralQuery { Needs = [ServiceType.EmergencyShelter], Place = ReferralPlace.FromZip("77002"), At = Instant.FromUtc(2026, 7, 2, 22, 0), Count = 1 }
        ),
        (
            ["--zip", "77002", "--need", "emergencyShelter", "--need", "legalServices", "--urgent", "--language", "es", "--age", "24", "--gender", "female",
             "--trafficking", "labor", "--at", "2026-07-02T22:00:00Z", "--top", "3"],
            new ReferralQuery
            {
                Needs = [ServiceType.EmergencyShelter, ServiceType.LegalServices],
                Place = ReferralPlace.FromZip("77002"),
                Client = ClientProfile.Unknown with { Age = AgeRange.Between(24, 24), Gender = Gender.Female, TraffickingType = TraffickingType.Labor },
                Language = LanguageTag.Parse("es"),
                Urgency = Urgency.Urgent,
                At = Instant.FromUtc(2026, 7, 2, 22, 0),
                Count = 3,
            }
        ),
        (
            // Without --at: as of the newest verification in the sample directory.
            ["--state", "WY", "--need", "repatriation", "--need", "childWelfare", "--top", "2"],
            new ReferralQuery { Needs = [ServiceType.Repatriation, ServiceType.ChildWelfare], Place = ReferralPlace.InState(UsState.GetByCode("WY")), At = Instant.FromUtc(2026, 6, 18, 0, 0), Count = 2 }
        ),
        (
            ["--lat", "40.71", "--lon", "-74.0", "--need", "legalServices", "--need", "housing", "--age", "16-17", "--status", "foreignNational", "--at", "2026-07-04T03:00:00Z"],
            new ReferralQuery
            {
                Needs = [ServiceType.LegalServices, ServiceType.Housing],
                Place = ReferralPlace.AtPoint(new GeoPoint(40.71, -74.0)),
                Client = ClientProfile.Unknown with { Age = AgeRange.Between(16, 17), ImmigrationStatus = ImmigrationStatus.ForeignNational },
                At = Instant.FromUtc(2026, 7, 4, 3, 0),
                Count = 10,
            }
        ),
    ];

    public static TheoryData<int> SdkQueryCases() => [.. Enumerable.Range(0, SdkQueries.Length)];

    [Theory]
    [MemberData(nameof(SdkQueryCases))]
    public void Run_Json_IsExactlyTheSdksReferralResultJson(int index)
    {
        var (args, query) = SdkQueries[index];
        var (exitCode, stdout, stderr) = Run([.. args, "--json"]);

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        var expected = ReferralResultJson.Serialize(ReferralDirectory.Sample.Match(query));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(stdout)), "expected (re-indented) " + Docs.ResultJsonExamples.Indented(expected) + "\nbut got\n" + stdout);
        Assert.StartsWith("{\n  \"audience\": \"public\",\n", stdout, StringComparison.Ordinal); // indented, as before
    }

    [Fact]
    public void Run_State_ScoresNoDistance()
    {
        var (_, stdout, _) = Run("--state", "TX", "--need", "legalServices", "--directory", ValidDirectory());

        Assert.Contains("1     21         -  Houston, TX  legalServices  Test Legal Aid (fictional): Legal representation\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SeveralNeeds_ListsThePlanAndWhatNothingCovers()
    {
        var (exitCode, stdout, _) = Run("--zip", "77002", "--need", "emergencyShelter", "--need", "legalServices", "--need", "repatriation", "--directory", ValidDirectory());

        Assert.Equal(0, exitCode);
        Assert.EndsWith(
            "Plan: organizations that together cover the needs that can be covered:\n" +
            "  org-shelter Test Shelter (fictional): emergencyShelter (svc-shelter)\n" +
            "  org-legal Test Legal Aid (fictional): legalServices (svc-legal)\n" +
            "Not covered by any eligible service: repatriation\n",
            stdout);
    }

    [Fact]
    public void Run_SeveralNeeds_Json_HasThePlanAndUncoveredNeeds()
    {
        var (_, stdout, _) = Run("--zip", "77002", "--need", "caseManagement", "--need", "emergencyShelter", "--need", "repatriation", "--directory", ValidDirectory(), "--json");

        using var document = JsonDocument.Parse(stdout);
        var root = document.RootElement;
        var step = Assert.Single(root.GetProperty("plan").EnumerateArray());
        Assert.Equal("org-shelter", step.GetProperty("organizationId").GetString());
        Assert.Equal(["caseManagement", "emergencyShelter"], step.GetProperty("needs").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(["svc-shelter", "svc-shelter"], step.GetProperty("serviceIds").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(["repatriation"], root.GetProperty("uncoveredNeeds").EnumerateArray().Select(n => n.GetString()));
        var match = Assert.Single(root.GetProperty("matches").EnumerateArray());
        Assert.Equal(["caseManagement", "emergencyShelter"], match.GetProperty("coveredNeeds").EnumerateArray().Select(n => n.GetString()));
    }

    [Theory]
    [InlineData(new string[0], new[] { "svc-shelter", "svc-legal" })]
    [InlineData(new[] { "--gender", "male" }, new[] { "svc-legal" })]
    [InlineData(new[] { "--age", "17" }, new[] { "svc-legal" })]
    [InlineData(new[] { "--trafficking", "sex" }, new[] { "svc-shelter" })]
    [InlineData(new[] { "--trafficking", "both" }, new[] { "svc-shelter", "svc-legal" })]
    [InlineData(new[] { "--gender", "male", "--trafficking", "sex" }, new string[0])]
    public void Run_ClientProfile_FiltersServices(string[] profile, string[] expected)
    {
        var (exitCode, stdout, _) = Run([.. profile, "--zip", "77002", "--need", "emergencyShelter", "--need", "legalServices", "--directory", ValidDirectory(), "--json"]);

        Assert.Equal(0, exitCode);
        Assert.Equal(expected, ServiceIds(stdout));
    }

    [Fact]
    public void Run_Language_RaisesTheServicesThatOfferIt()
    {
        var (_, without, _) = Run("--zip", "77002", "--need", "legalServices", "--need", "caseManagement", "--directory", ValidDirectory(), "--json");
        var (_, spanish, _) = Run("--zip", "77002", "--need", "legalServices", "--need", "caseManagement", "--language", "es-MX", "--directory", ValidDirectory(), "--json");

        using var document = JsonDocument.Parse(spanish);
        var language = document.RootElement.GetProperty("matches")[0].GetProperty("breakdown").EnumerateArray().Single(c => c.GetProperty("factor").GetString() == "language");
        Assert.Equal(15, language.GetProperty("points").GetDouble());
        Assert.StartsWith("offers es", language.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.NotEqual(without, spanish);
    }

    [Fact]
    public void Run_NothingEligible_SaysSo_AndExits0()
    {
        var (exitCode, stdout, stderr) = Run("--zip", "10001", "--need", "emergencyShelter", "--directory", ValidDirectory());

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        Assert.EndsWith("\nNo service is eligible: none offers these needs in this place for this client.\nNot covered by any eligible service: emergencyShelter\n", stdout);
    }

    [Fact]
    public void Run_Json_HasEveryMatchWithItsBreakdownReasonsLocationsAndContacts()
    {
        var (exitCode, stdout, _) = Run("--zip", "77002", "--need", "emergencyShelter", "--urgent", "--at", "2026-07-02T22:00:00Z", "--directory", ValidDirectory(), "--json");

        Assert.Equal(0, exitCode);
        using var document = JsonDocument.Parse(stdout);
        var root = document.RootElement;
        Assert.False(root.TryGetProperty("query", out _));
        Assert.Equal("2026-07-02T22:00:00Z", root.GetProperty("at").GetString());
        Assert.Equal("public", root.GetProperty("audience").GetString());
        Assert.Equal(1, root.GetProperty("eligibleCount").GetInt32());
        var match = Assert.Single(root.GetProperty("matches").EnumerateArray());
        Assert.Equal(1, match.GetProperty("rank").GetInt32());
        Assert.Equal("Test Shelter (fictional)", match.GetProperty("organizationName").GetString());
        Assert.Equal("county", match.GetProperty("coverage").GetString());
        Assert.True(match.GetProperty("openAtQueryTime").GetBoolean());
        var breakdown = match.GetProperty("breakdown").EnumerateArray().ToList();
        Assert.Equal(["distance", "locality", "language", "availability", "warmTransfer", "freshness", "needsCovered", "capacity"], breakdown.Select(c => c.GetProperty("factor").GetString()));
        Assert.Equal(match.GetProperty("score").GetDouble(), breakdown.Sum(c => c.GetProperty("points").GetDouble()), 2);
        Assert.Equal(100, breakdown.Sum(c => c.GetProperty("maxPoints").GetDouble()));
        Assert.Equal("open 24/7", breakdown[3].GetProperty("reason").GetString());
        Assert.Equal(9, match.GetProperty("reasons").GetArrayLength());
        Assert.Equal("+1-713-555-0100", match.GetProperty("contacts")[0].GetProperty("value").GetString());

        var location = Assert.Single(match.GetProperty("locations").EnumerateArray());
        Assert.Equal("Houston", location.GetProperty("city").GetString());
        Assert.True(location.GetProperty("confidential").GetBoolean());
        Assert.Equal(JsonValueKind.Null, location.GetProperty("address").ValueKind);
        Assert.Equal(JsonValueKind.Null, location.GetProperty("zip").ValueKind);
        Assert.Equal(JsonValueKind.Null, location.GetProperty("latitude").ValueKind);
        Assert.Equal(JsonValueKind.Null, location.GetProperty("longitude").ValueKind);
        Assert.DoesNotContain("Hidden Way", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_Json_ShowsAddressesThatAreNotConfidential()
    {
        var (_, stdout, _) = Run("--zip", "77002", "--need", "legalServices", "--directory", ValidDirectory(), "--json");

        using var document = JsonDocument.Parse(stdout);
        var match = document.RootElement.GetProperty("matches")[0];
        var location = match.GetProperty("locations")[0];
        Assert.Equal("2 Open Street (fictional)", location.GetProperty("address").GetString());
        Assert.Equal("77002", location.GetProperty("zip").GetString());
        Assert.Equal(29.76, location.GetProperty("latitude").GetDouble());
        // Without --at the instant is the directory's newest verification; the SDK's result always has openAtQueryTime.
        Assert.Equal(JsonValueKind.False, match.GetProperty("openAtQueryTime").ValueKind);
        Assert.Equal("2026-05-15T00:00:00Z", document.RootElement.GetProperty("at").GetString()); // the test directory's newest verification
    }

    [Theory]
    [InlineData("10001")]
    [InlineData("77002")]
    [InlineData("60601")]
    [InlineData("98101")]
    [InlineData("20001")]
    public void Run_SampleDirectory_NeverPrintsAConfidentialAddress(string zip)
    {
        var secrets = ReferralDirectory.Sample.Organizations
            .SelectMany(o => o.Services)
            .SelectMany(s => s.Locations)
            .Where(l => l.IsConfidential && l.StreetAddress is not null)
            .Select(l => l.StreetAddress!)
            .ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(secrets);

        foreach (var json in new[] { false, true })
        {
            string[] args = ["--zip", zip, "--need", "emergencyShelter", "--need", "housing", "--need", "caseManagement", "--top", "200"];
            var (exitCode, stdout, _) = Run(json ? [.. args, "--json"] : args);

            Assert.Equal(0, exitCode);
            Assert.Contains("confidential", json ? stdout : "confidential", StringComparison.Ordinal);
            Assert.All(secrets, secret => Assert.DoesNotContain(secret, stdout, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(new[] { "--need", "housing" }, "nhtrc match: place: is required: give --zip ZIP, --state ST [--county FIPS], or --lat X --lon Y.")]
    [InlineData(new[] { "--zip", "77002" }, "nhtrc match: --need: is required: give at least one service type, such as --need emergencyShelter.")]
    [InlineData(new[] { "--zip", "77002", "--state", "TX", "--need", "housing" }, "nhtrc match: place: give only one of --zip, --state/--county and --lat/--lon.")]
    [InlineData(new[] { "--zip", "00001", "--need", "housing" }, "nhtrc match: --zip: ZIP code 00001 is not in the gazetteer, which covers the 50 states, DC and the territories (no military APO/FPO codes, freely associated states or unassigned numbers).")]
    [InlineData(new[] { "--zip", "7700", "--need", "housing" }, "nhtrc match: --zip: ")]
    [InlineData(new[] { "--state", "MH", "--need", "housing" }, "nhtrc match: --state: 'MH' is not the USPS code of one of the 50 states, DC or the territories AS, GU, MP, PR and VI, such as TX or PR.")]
    [InlineData(new[] { "--county", "99999", "--need", "housing" }, "nhtrc match: --county: county 99999 is not in the gazetteer")]
    [InlineData(new[] { "--state", "OK", "--county", "48201", "--need", "housing" }, "nhtrc match: --county: county 48201 Harris, TX is not in --state OK.")]
    [InlineData(new[] { "--lat", "29.75", "--need", "housing" }, "nhtrc match: --lon: is required with --lat: a point needs both.")]
    [InlineData(new[] { "--lat", "91", "--lon", "0", "--need", "housing" }, "nhtrc match: --lat: '91' is not a number of degrees from -90 to 90, such as 29.75.")]
    [InlineData(new[] { "--lat", "29.75", "--lon", "east", "--need", "housing" }, "nhtrc match: --lon: 'east' is not a number of degrees from -180 to 180, such as -95.36.")]
    [InlineData(new[] { "--zip", "77002", "--need", "shelter" }, "nhtrc match: --need: 'shelter' is not a service type; use one of emergencyShelter, housing, caseManagement,")]
    [InlineData(new[] { "--zip", "77002", "--need", "housing", "--need", "housing" }, "nhtrc match: --need: 'housing' is given more than once.")]
    [InlineData(new[] { "--zip", "77002", "--need" }, "nhtrc match: Required argument missing for option: '--need'.")]
    [InlineData(new[] { "--need", "housing", "--zip", "--urgent" }, "nhtrc match: --zip: needs a value; '--urgent' is an option, not a value.")]
    [InlineData(new[] { "--zip", "77002", "--zip", "77003", "--need", "housing" }, "nhtrc match: Option '--zip' expects a single argument but 2 were provided.")]
    [InlineData(new[] { "--zip", "77002", "--need", "housing", "--age", "126" }, "nhtrc match: --age: '126' is not an age (N) or age range (N-M) in whole years from 0 to 125.")]
    [InlineData(new[] { "--zip", "77002", "--need", "housing", "--age", "-1" }, "nhtrc match: --age: '-1' is not an age (N) or age range (N-M) in whole years from 0 to 125.")]
    [InlineData(new[] { "--zip", "77002", "--need", "housing", "--age", "17-16" }, "nhtrc match: --age: '17-16' is not an age (N) or age range (N-M) in whole years from 0 to 125.")]
    [InlineData(new[] { "--zip", "77002", "--need", "housing", "--age", "16-" }, "nhtrc match: --age: '16-' is not an age (N) or age range (N-M) in whole years from 0 to 125.")]
    [InlineData(new[] { "--zip", "77002", "--need", "housing", "--gender", "woman" }, "nhtrc match: --gender: 'woman' is not one of female, male, nonBinary.")]
    [InlineData(new[] { "--zip", "77002", "--need", "housing", "--trafficking", "unknown" }, "nhtrc match: --trafficking: 'unknown' is not one of sex, labor, both.")]
    [InlineData(new[] { "--zip", "77002", "--need", "housing", "--status", "citizen" }, "nhtrc match: --status: 'citizen' is not one of foreignNational, usCitizen, lawfulPermanentResident.")]
    [InlineData(new[] { "--zip", "77002", "--need", "housing", "--language", "spanish!" }, "nhtrc match: --language: 'spanish!' is not a BCP 47 language tag such as es or es-MX.")]
    [InlineData(new[] { "--zip", "77002", "--need", "housing", "--at", "now" }, "nhtrc match: --at: 'now' is not an ISO-8601 UTC instant such as 2026-07-02T22:00:00Z.")]
    [InlineData(new[] { "--zip", "77002", "--need", "housing", "--urgent" }, "nhtrc match: --urgent: needs --at INSTANT: urgent matches score services open at that instant, and nhtrc reads no clock.")]
    [InlineData(new[] { "--zip", "77002", "--need", "housing", "--top", "1001" }, "nhtrc match: --top: '1001' is not a whole number from 1 to 1000.")]
    [InlineData(new[] { "--zip", "77002", "--need", "housing", "--top", "0" }, "nhtrc match: --top: '0' is not a whole number from 1 to 1000.")]
    [InlineData(new[] { "--zip", "77002", "--need", "housing", "--verbose" }, "nhtrc match: Unrecognized command or argument '--verbose'.")]
    [InlineData(new[] { "--zip", "77002", "--need", "housing", "legalServices" }, "nhtrc match: Unrecognized command or argument 'legalServices'.")]
    public void Run_BadArgument_Exits2_NamingIt(string[] args, string expected)
    {
        var (exitCode, stdout, stderr) = Run(args);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.StartsWith(expected, stderr, StringComparison.Ordinal);
        Assert.EndsWith("Run 'nhtrc match --help' for usage.\n", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ManyBadArguments_ListsEveryProblem()
    {
        var (exitCode, _, stderr) = Run("--zip", "00001", "--need", "shelter", "--age", "x", "--gender", "x", "--top", "x", "--urgent");

        Assert.Equal(2, exitCode);
        Assert.Equal(
            ["--zip", "--need", "--age", "--gender", "--urgent", "--top"],
            stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).SkipLast(1).Select(l => l["nhtrc match: ".Length..l.IndexOf(':', "nhtrc match: ".Length)]));
    }

    [Theory]
    [InlineData("00901", "PR")] // San Juan
    [InlineData("00802", "VI")] // St. Thomas
    [InlineData("96910", "GU")] // Hagatna
    [InlineData("96950", "MP")] // Saipan
    [InlineData("96799", "AS")] // Pago Pago
    public void Run_AtATerritoryZip_FindsTheTerritorysServicesAndTheNationalOnes(string zip, string territory)
    {
        var (exitCode, stdout, _) = Run("--zip", zip, "--need", "victimAdvocacy", "--top", "20", "--json");

        Assert.Equal(0, exitCode);
        var services = ReferralDirectory.Sample.Organizations.SelectMany(o => o.Services).ToDictionary(s => s.Id);
        var found = ServiceIds(stdout).Select(id => services[id]).ToList();
        Assert.Contains(found, s => s.Area.States.Any(st => st.Code == territory));
        Assert.Contains(found, s => s.Area.IsNational);
        Assert.All(found, s => Assert.True(s.Area.IsNational || s.Locations.All(l => l.State.IsTerritory), s.Id));
    }

    [Fact]
    public void Run_GzipDirectory_IsRead()
    {
        var path = _files.Write("directory.json.gz", ReferralDirectoryFiles.Valid);

        var (exitCode, stdout, _) = Run("--zip", "77002", "--need", "crisisHotline", "--directory", path, "--json");

        Assert.Equal(0, exitCode);
        Assert.Equal(["svc-hotline"], ServiceIds(stdout));
    }

    [Fact]
    public void Run_InvalidDirectory_ListsEveryProblemWithItsPath_AndExits2()
    {
        var path = _files.Write("invalid.json", ReferralDirectoryFiles.Invalid);

        var (exitCode, stdout, stderr) = Run("--zip", "77002", "--need", "housing", "--directory", path);

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.StartsWith($"nhtrc match: --directory: '{path}' is not a valid referral directory (", stderr, StringComparison.Ordinal);
        Assert.Contains("  - $.organizations[0].services[0].types[1]: 'shelter' is not one of", stderr, StringComparison.Ordinal);
        Assert.Contains("  - $.organizations[0].services[0].area.zips[0]: ZIP code 00000 is not in the gazetteer", stderr, StringComparison.Ordinal);
        Assert.Contains("  - $.organizations[0].services[0].locations[0].latitude: ", stderr, StringComparison.Ordinal);
        Assert.Contains("  - $.organizations[1].id: 'org-a' is also the id of $.organizations[0]", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MissingDirectory_Exits2()
    {
        var (exitCode, _, stderr) = Run("--zip", "77002", "--need", "housing", "--directory", _files.Missing);

        Assert.Equal(2, exitCode);
        Assert.Equal($"nhtrc match: --directory: file '{_files.Missing}' does not exist.\n", stderr);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Run_Help_PrintsUsage_EvenWithOtherArguments(string flag)
    {
        var (exitCode, stdout, stderr) = Run("--zip", "7700", "--verbose", flag);

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        AssertGeneratedHelp(stdout, "nhtrc match [options]", MatchCommand.Details);
        Assert.Contains(string.Join(", ", WireNames.All<ServiceType>()), stdout, StringComparison.Ordinal);
    }
}
