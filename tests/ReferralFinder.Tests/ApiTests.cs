using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace ReferralFinder.Tests;

public sealed class ApiTests
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.NotNull(problem["title"]);
        Assert.NotNull(problem["type"]);
        return problem;
    }

    [Fact]
    public async Task Match_AnswersTheSdksResultJson_ForThePublic()
    {
        using var factory = new FinderFactory();
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/api/referrals/match", Json($$"""{"zip":"{{TestPlaces.SeattleZip}}","needs":["emergencyShelter"],"count":10}"""));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal(Nhtrc.Sdk.Referrals.ReferralResultJson.Serialize(TestPlaces.SeattleShelters()), text);
        var json = JsonNode.Parse(text)!;
        Assert.Equal("public", json["audience"]!.GetValue<string>());
        Assert.Contains(json["matches"]!.AsArray(), m => m!["locations"]!.AsArray().Any(l => l!["confidential"]!.GetValue<bool>()));
        var unescaped = JsonNode.Parse(text)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.All(TestPlaces.SeattleSecrets(), s => Assert.DoesNotContain(s, unescaped, System.StringComparison.Ordinal));
        Assert.NotNull(json["matches"]![0]!["breakdown"]![0]!["facts"]);
    }

    [Fact]
    public async Task Match_AtAPoint_Works()
    {
        using var factory = new FinderFactory();
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/api/referrals/match", Json("""{"latitude":47.61,"longitude":-122.33,"needs":["emergencyShelter"],"urgent":true,"language":"es","age":30,"gender":"female"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["matches"]!.AsArray());
    }

    [Fact]
    public async Task Match_NamesEveryInvalidField_WithoutEchoingValues()
    {
        using var factory = new FinderFactory();
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/api/referrals/match", Json($$"""{"zip":"{{TestPlaces.UnknownZip}}","needs":["emergencyShelter","noSuchNeed"],"age":300,"gender":"robot","language":"not a tag!","count":0}"""));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject();

        Assert.Equal(["zip", "needs[1]", "age", "gender", "language", "count"], errors.Select(e => e.Key).ToArray());
        Assert.DoesNotContain(TestPlaces.UnknownZip, problem.ToJsonString(), System.StringComparison.Ordinal);
        Assert.DoesNotContain("noSuchNeed", problem.ToJsonString(), System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"zip\":", "$")]
    [InlineData("{\"zip\":\"98101\",\"needs\":\"emergencyShelter\"}", "$.needs")]
    [InlineData("{\"zip\":\"98101\",\"needs\":[\"emergencyShelter\"],\"age\":\"ten\"}", "$.age")]
    [InlineData("{\"zip\":\"98101\",\"needs\":[\"emergencyShelter\"],\"postcode\":\"x\"}", "$")]
    public async Task Match_BadJson_IsAProblemAtItsPath(string body, string pathStart)
    {
        using var factory = new FinderFactory();
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/api/referrals/match", Json(body));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);

        var key = Assert.Single(problem["errors"]!.AsObject()).Key;
        Assert.StartsWith(pathStart, key, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Match_EmptyBody_IsAProblem()
    {
        using var factory = new FinderFactory();
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/api/referrals/match", Json(""));
        await ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ServiceTypes_InEnglishAndSpanish()
    {
        using var factory = new FinderFactory();
        using var client = factory.CreateClient();
        var english = JsonNode.Parse(await client.GetStringAsync("/api/service-types"))!.AsArray();
        var spanish = JsonNode.Parse(await client.GetStringAsync("/api/service-types?lang=es"))!.AsArray();

        Assert.Equal(System.Enum.GetValues<Nhtrc.Sdk.Contacts.ServiceType>().Length, english.Count);
        Assert.Equal(english.Select(e => e!["id"]!.GetValue<string>()), spanish.Select(e => e!["id"]!.GetValue<string>()));
        Assert.Contains(english, e => e!["id"]!.GetValue<string>() == "emergencyShelter" && e["name"]!.GetValue<string>() == "Emergency shelter");
        Assert.Contains(spanish, e => e!["id"]!.GetValue<string>() == "emergencyShelter" && e["name"]!.GetValue<string>() == "Refugio de emergencia");
    }

    [Fact]
    public async Task Deadline_IsTheSdksDeadline()
    {
        using var factory = new FinderFactory();
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/api/deadlines", Json("""{"receivedAt":"2026-07-02T22:59:00Z","channel":"email","urgency":"nonUrgent"}"""));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2026-07-06T23:00:00Z", json["targetBy"]!.GetValue<string>());
        Assert.Equal("2026-07-08T23:00:00Z", json["dueBy"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deadline_NamesEveryInvalidField()
    {
        using var factory = new FinderFactory();
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/api/deadlines", Json("""{"receivedAt":"yesterday","channel":"pigeon"}"""));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal(["receivedAt", "channel", "urgency"], problem["errors"]!.AsObject().Select(e => e.Key).ToArray());
    }

    [Fact]
    public async Task Triage_AnswersTheOutcome_WithoutEchoingOrLoggingPersonalData()
    {
        using var factory = new FinderFactory();
        using var client = factory.CreateClient();
        // The sample contact, received an hour before the factory's clock.
        var contact = (await File.ReadAllTextAsync(Path.Combine(FinderFactory.RepositoryRoot(), "samples", "contacts", "referral.json")))
            .Replace("2026-07-06T15:00:00Z", "2026-07-02T21:00:00Z", System.StringComparison.Ordinal);
        using var response = await client.PostAsync("/api/triage", Json(contact));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonNode.Parse(text)!;
        Assert.Equal("sample-referral-0003", json["contactId"]!.GetValue<string>());
        Assert.NotNull(json["triage"]!["deadline"]);
        foreach (var personal in new[] { "Sample Advocate", "sample.advocate@example.org" })
        {
            Assert.DoesNotContain(personal, text, System.StringComparison.OrdinalIgnoreCase);
        }

        factory.Logs.AssertNoneContains("Sample Advocate", "sample.advocate@example.org", "60601");
    }

    [Fact]
    public async Task Triage_ContactFromTheFuture_IsAProblem()
    {
        using var factory = new FinderFactory();
        using var client = factory.CreateClient();
        var contact = await File.ReadAllTextAsync(Path.Combine(FinderFactory.RepositoryRoot(), "samples", "contacts", "referral.json"));
        using var response = await client.PostAsync("/api/triage", Json(contact));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal("$.receivedAt", Assert.Single(problem["errors"]!.AsObject()).Key);
    }

    [Fact]
    public async Task Triage_InvalidContact_NamesEachProblemsPath_WithoutEchoingIt()
    {
        using var factory = new FinderFactory();
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/api/triage", Json("""{"id":"c-1","receivedAt":"not a time","channel":"pigeon","requestKind":"referral","caller":{"personalData":{"name":"Jane Secretname"}}}"""));
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var keys = problem["errors"]!.AsObject().Select(e => e.Key).ToArray();

        Assert.Contains(keys, k => k.Contains("receivedAt", System.StringComparison.Ordinal));
        Assert.Contains(keys, k => k.Contains("channel", System.StringComparison.Ordinal));
        Assert.DoesNotContain("Secretname", problem.ToJsonString(), System.StringComparison.Ordinal);
        factory.Logs.AssertNoneContains("Secretname");
    }

    [Fact]
    public async Task Health_IsTheDirectoryCheck()
    {
        using var factory = new FinderFactory();
        using var client = factory.CreateClient();
        using var response = await client.GetAsync("/health");
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", json["status"]!.GetValue<string>());
        var check = json["checks"]![0]!;
        Assert.Equal("nhtrc-directory", check["name"]!.GetValue<string>());
        Assert.Equal("sample", check["data"]!["source"]!.GetValue<string>());
    }

    [Fact]
    public async Task OpenApi_DescribesTheApi()
    {
        using var factory = new FinderFactory();
        using var client = factory.CreateClient();
        var json = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
        var paths = json["paths"]!.AsObject().Select(p => p.Key).ToArray();

        Assert.StartsWith("3.", json["openapi"]!.GetValue<string>(), System.StringComparison.Ordinal);
        Assert.Contains("/api/referrals/match", paths);
        Assert.Contains("/api/service-types", paths);
        Assert.Contains("/api/deadlines", paths);
        Assert.Contains("/api/triage", paths);
        Assert.NotNull(json["components"]!["schemas"]!["MatchRequest"]);
    }

    [Fact]
    public async Task RateLimit_FromConfiguration_Rejects_WithProblemAndRetryAfter()
    {
        using var factory = new FinderFactory(new Dictionary<string, string?> { ["ReferralFinder:RateLimit:PermitLimit"] = "2", ["ReferralFinder:RateLimit:WindowSeconds"] = "3600" });
        using var client = factory.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var ok = await client.GetAsync("/api/service-types");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await client.PostAsync("/api/referrals/match", Json("""{"zip":"98101","needs":["emergencyShelter"]}"""));
        await ProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter is not null);
        using var page = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
    }

    [Fact]
    public async Task Logs_NeverHoldTheVisitorsZipCoordinatesOrAConfidentialAddress()
    {
        using var factory = new FinderFactory();
        using var client = factory.CreateClient();
        using (await client.PostAsync("/api/referrals/match", Json($$"""{"zip":"{{TestPlaces.SeattleZip}}","needs":["emergencyShelter"]}"""))) { }
        using (await client.PostAsync("/api/referrals/match", Json("""{"latitude":47.6123,"longitude":-122.3321,"needs":["emergencyShelter"]}"""))) { }
        using (await client.PostAsync("/api/referrals/match", Json($$"""{"zip":"{{TestPlaces.UnknownZip}}","needs":["emergencyShelter"]}"""))) { }
        using (await client.PostAsync("/", new FormUrlEncodedContent([new("zip", TestPlaces.SeattleZip), new("needs", "emergencyShelter")]))) { }
        using (await client.PostAsync("/", new FormUrlEncodedContent([new("latitude", "47.6123"), new("longitude", "-122.3321"), new("needs", "emergencyShelter")]))) { }

        Assert.Contains(factory.Logs.Lines, l => l.Contains("[3000]", System.StringComparison.Ordinal));
        Assert.Contains(factory.Logs.Lines, l => l.Contains("[3001]", System.StringComparison.Ordinal));
        factory.Logs.AssertNoneContains([TestPlaces.SeattleZip, TestPlaces.UnknownZip, "47.6123", "-122.3321", .. TestPlaces.SeattleSecrets()]);
    }

    [Fact]
    public void AdvocateAudience_IsRefusedAtStart()
    {
        using var factory = new FinderFactory(new Dictionary<string, string?> { ["Nhtrc:Referrals:Audience"] = "Advocate" });
        var e = Assert.ThrowsAny<System.InvalidOperationException>(() => factory.CreateClient());
        Assert.Contains("Audience must be Public", e.Message, System.StringComparison.Ordinal);
    }
}
