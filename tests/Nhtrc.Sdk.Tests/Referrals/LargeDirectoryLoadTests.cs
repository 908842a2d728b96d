using System;
using System.IO;
using System.Linq;
using System.Text;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Tests.Referrals;

// A large document (over the size at which Load reads organizations on several threads) must give exactly
// what reading on one thread gives: ParseUtf8 over a span always reads on one thread, Load over a
// MemoryStream reads in parallel when it can.
public class LargeDirectoryLoadTests
{
    private const int Organizations = 2_400;

    private static string Document(Func<int, string, string>? change = null, string before = "", string after = "")
    {
        var json = new StringBuilder();
        json.Append("{ ").Append(before).Append("\"formatVersion\": 1, \"organizations\": [\n");
        for (var i = 0; i < Organizations; i++)
        {
            var org = $$"""
                {
                  "id": "org-{{i:D5}}", "name": "Sample Shelter {{i}} (fictional)", "kind": "serviceProvider",
                  "services": [{
                    "id": "svc-{{i:D5}}", "name": "Emergency shelter", "types": ["emergencyShelter", "caseManagement"],
                    "area": { "states": ["DC"], "zips": ["20001"], "radii": [{ "latitude": 38.9, "longitude": -77.03, "kilometers": 40 }] },
                    "population": { "minAge": 18, "genders": ["female"] },
                    "languages": ["en", "es-MX"],
                    "availability": { "calendar": { "timeZone": "America/New_York", "weeklyHours": { "monday": ["09:00-17:00"], "saturday": ["10:00-{{10 + (i % 5)}}:00"] } } },
                    "locations": [{ "name": "Shelter", "address": "{{i}} Hidden Way", "city": "Washington", "state": "DC", "zip": "20001",
                      "latitude": 38.91, "longitude": -77.02 }],
                    "contacts": [{ "channel": "phone", "value": "+1-202-555-0100" }],
                    "lastVerified": "2026-03-01"
                  }, { "id": "svc-{{i:D5}}-b", "name": "Hotline", "types": ["crisisHotline"], "area": { "national": true },
                    "availability": { "alwaysOpen": true }, "lastVerified": "2026-01-10" }]
                }
                """;
            json.Append(change is null ? org : change(i, org)).Append(i + 1 < Organizations ? ",\n" : "\n");
        }

        return json.Append(']').Append(after).Append(" }").ToString();
    }

    private static string Problems(Func<ReferralDirectory> load) =>
        string.Join("\n", Assert.Throws<NhtrcValidationException>(load).Problems.Select(p => p.ToString()));

    private static (string Parallel, string Sequential) BothWays(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.True(bytes.Length > 1_000_000);
        return (Problems(() => ReferralDirectoryJson.Load(new MemoryStream(bytes))), Problems(() => ReferralDirectoryJson.Parse(bytes)));
    }

    [Fact]
    public void Load_LargeValidDocument_MatchesReadingOnOneThread()
    {
        var bytes = Encoding.UTF8.GetBytes(Document());

        var parallel = ReferralDirectoryJson.Load(new MemoryStream(bytes));
        var sequential = ReferralDirectoryJson.Parse(bytes);

        Assert.Equal(sequential.Organizations.Select(o => o.Id), parallel.Organizations.Select(o => o.Id));
        Assert.Equal(
            sequential.Organizations.SelectMany(o => o.Services).Select(s => $"{s.Id} {s.Name} {s.Availability} {string.Join(",", s.Languages.Select(l => l.Value))} {s.Locations.FirstOrDefault()}"),
            parallel.Organizations.SelectMany(o => o.Services).Select(s => $"{s.Id} {s.Name} {s.Availability} {string.Join(",", s.Languages.Select(l => l.Value))} {s.Locations.FirstOrDefault()}"));
        Assert.Equal(Organizations * 2, parallel.ServiceCount);
        var query = new ReferralQuery
        {
            Needs = [ServiceType.EmergencyShelter, ServiceType.CrisisHotline],
            Place = ReferralPlace.FromZip("20001"),
            At = NodaTime.Instant.FromUtc(2026, 3, 2, 15, 0),
            Count = 50,
        };
        Assert.Equal(
            sequential.Match(query).Matches.Select(m => m.ToString()),
            parallel.Match(query).Matches.Select(m => m.ToString()));
    }

    [Fact]
    public void Load_LargeDocumentWithProblems_ListsTheSameProblemsInTheSameOrder()
    {
        var json = Document(
            (i, org) => (i % 97, i % 131, i) switch
            {
                (0, _, _) => org.Replace("\"zips\": [\"20001\"]", "\"zips\": [\"00000\", \"2\"]", StringComparison.Ordinal),
                (_, 0, _) => org.Replace("\"kind\"", "\"color\": \"blue\", \"kind\"", StringComparison.Ordinal),
                (_, _, 1500) => org.Replace("svc-01500\"", "svc-00010\"", StringComparison.Ordinal),
                (_, _, 2000) => org.Replace("\"09:00-17:00\"", "\"9 to 5\"", StringComparison.Ordinal),
                (_, _, 2001) => "null",
                _ => org,
            },
            before: "\"early\": 1, ",
            after: ", \"late\": 2");

        var (parallel, sequential) = BothWays(json);

        Assert.Equal(sequential, parallel);
        Assert.StartsWith("$.early", parallel, StringComparison.Ordinal);
        Assert.Contains("$.organizations[2000].services[0].availability.calendar.weeklyHours.monday[0]", parallel, StringComparison.Ordinal);
        Assert.Contains("$.organizations[2001]: must be an organization object, not null.", parallel, StringComparison.Ordinal);
        Assert.Contains("$.late", parallel, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"kind\": \"serviceProvider\"", "\"kind\": \"serviceProvider\", \"kind\": \"coalition\"")]
    [InlineData("\"minAge\": 18", "\"minAge\": \"eighteen\"")]
    [InlineData("\"minAge\": 18,", "\"minAge\": 18")]
    [InlineData("\"city\": \"Washington\"", "\"city\": Washington")]
    public void Load_LargeMalformedDocument_ReportsTheSameFirstError(string from, string to)
    {
        var json = Document((i, org) => i == 1777 ? org.Replace(from, to, StringComparison.Ordinal) : org);

        var (parallel, sequential) = BothWays(json);

        Assert.Equal(sequential, parallel);
        Assert.StartsWith("$.organizations[1777]", parallel, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LargeDocument_ArrayElementThatIsNotAnObject_ReportsTheSameError()
    {
        var json = Document((i, org) => i == 1234 ? "42" : org);

        var (parallel, sequential) = BothWays(json);

        Assert.Equal(sequential, parallel);
    }
}
