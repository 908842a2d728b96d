using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Contacts;

public class ContactJsonTests
{
    private const string Minimal = """
        {"id":"c-1","receivedAt":"2026-07-02T22:59:00Z","channel":"phone","requestKind":"tip",
         "caller":{"role":"communityMember","preferredLanguage":"en"}}
        """;

    public static TheoryData<string, RequestKind> Samples => new()
    {
        { "crisis.json", RequestKind.Crisis },
        { "tip.json", RequestKind.Tip },
        { "referral.json", RequestKind.Referral },
        { "tta.json", RequestKind.TrainingAndTechnicalAssistance },
        { "general-information.json", RequestKind.GeneralInformation },
        { "high-risk.json", RequestKind.HighRisk },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Parse_Sample_ReadsAndRoundTrips(string file, RequestKind kind)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "samples", "contacts", file));
        var contact = ContactJson.Load(stream);
        Assert.Equal(kind, contact.RequestKind);
        Assert.Equal(contact, ContactJson.Parse(ContactJson.Serialize(contact)));
    }

    [Fact]
    public void Parse_CrisisSample_ReadsEveryPart()
    {
        var contact = ContactJson.Parse(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", "contacts", "crisis.json")));
        Assert.Equal(Instant.FromUtc(2026, 7, 2, 22, 59), contact.ReceivedAt);
        Assert.Equal(ContactChannel.Phone, contact.Channel);
        Assert.Equal(["emergencyShelter", "medicalCare"], contact.ReferralNeeds.Select(n => n.Id));
        Assert.Equal(LanguageTag.Spanish, contact.Caller.PreferredLanguage);
        Assert.Equal("77002", contact.Caller.Location!.Zip);
        Assert.Equal("Sample Caller", contact.Caller.PersonalData!.Name!.Reveal());
        Assert.True(contact.Signals.ImmediateDanger);
        Assert.Equal(TraffickingType.Labor, contact.Signals.TraffickingType);
        Assert.True(contact.HasConsent(Instant.FromUtc(2026, 7, 10, 0, 0), ConsentScope.LawEnforcementReport, "fbi"));
    }

    [Fact]
    public void Parse_Minimal_UsesDefaults()
    {
        var contact = ContactJson.Parse(Minimal);
        Assert.False(contact.Caller.IsAnonymous);
        Assert.Equal(ContactSignals.None, contact.Signals);
        Assert.Null(contact.Caller.Location);
        Assert.Empty(contact.Consents);
    }

    [Fact]
    public void Serialize_WritesCamelCaseNamesEnumsAndIsoInstants()
    {
        var json = ContactJson.Serialize(ContactExamples.Contact());
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("2026-07-02T22:59:00Z", root.GetProperty("receivedAt").GetString());
        Assert.Equal("crisis", root.GetProperty("requestKind").GetString());
        Assert.Equal("possibleVictim", root.GetProperty("caller").GetProperty("role").GetString());
        Assert.Equal("labor", root.GetProperty("signals").GetProperty("traffickingType").GetString());
        Assert.Equal("lawEnforcementReport", root.GetProperty("consents")[0].GetProperty("scope").GetString());
        Assert.Equal("2026-08-01T22:59:00Z", root.GetProperty("consents")[0].GetProperty("expiresAt").GetString());
        Assert.False(root.GetProperty("consents")[1].TryGetProperty("expiresAt", out _));
        Assert.Equal("Sample Caller", root.GetProperty("caller").GetProperty("personalData").GetProperty("name").GetString());
    }

    [Fact]
    public void RoundTrip_ExampleContact_IsEqual()
    {
        var contact = ContactExamples.Contact();
        Assert.Equal(contact, ContactJson.Parse(ContactJson.Serialize(contact)));
        Assert.Equal(contact, ContactJson.Parse(Encoding.UTF8.GetBytes(ContactJson.Serialize(contact))));
    }

    [Fact]
    public void SerializeRedacted_ReplacesEveryPersonalValue()
    {
        var json = ContactJson.SerializeRedacted(ContactExamples.Contact());
        using var document = JsonDocument.Parse(json);
        var data = document.RootElement.GetProperty("caller").GetProperty("personalData");
        foreach (var name in new[] { "name", "phone", "email", "address", "narrative" })
        {
            Assert.Equal("[redacted]", data.GetProperty(name).GetString());
        }

        Assert.Contains("\"zip\":\"77002\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Sample Caller", json, StringComparison.Ordinal);
        Assert.DoesNotContain("555", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EveryProblem_IsNamedWithItsPath()
    {
        const string json = """
            {
              "id": "has space",
              "receivedAt": "2026-07-02 22:59",
              "channel": "fax",
              "requestKind": "tip",
              "technicalAssistance": ["phoneConsultation"],
              "referralNeeds": ["Shelter", null],
              "colour": "blue",
              "caller": {
                "role": "victim",
                "preferredLanguage": "english",
                "location": { "zip": "7700", "countyFips": "x", "state": "ZZ", "point": { "latitude": 91 } },
                "personalData": { "phone": "call me", "email": "nobody", "nickname": "x" }
              },
              "signals": { "traffickingType": "forced", "immediateDanger": true },
              "consents": [
                { "scope": "everything", "recipient": "*", "grantedAt": "yesterday" },
                { "scope": "callback", "recipient": "nhtrc", "grantedAt": "2026-07-02T23:00:00Z", "expiresAt": "2026-07-02T22:00:00Z" },
                null
              ]
            }
            """;
        var e = Assert.Throws<NhtrcValidationException>(() => ContactJson.Parse(json));
        var locations = e.Problems.Select(p => p.Location).ToArray();
        Assert.Equal(
            [
                "$.colour", "$.id", "$.receivedAt", "$.channel", "$.technicalAssistance",
                "$.referralNeeds[1]",
                "$.caller.role", "$.caller.preferredLanguage",
                "$.caller.location.point.latitude", "$.caller.location.point.longitude",
                "$.caller.location.zip", "$.caller.location.countyFips", "$.caller.location.state",
                "$.caller.personalData.nickname", "$.caller.personalData.phone", "$.caller.personalData.email",
                "$.signals.traffickingType",
                "$.consents[0].scope", "$.consents[0].recipient", "$.consents[0].grantedAt",
                "$.consents[1].expiresAt",
                "$.consents[2]",
            ],
            locations);
        foreach (var location in locations)
        {
            Assert.Contains(location + ":", e.Message, StringComparison.Ordinal);
        }

        Assert.Contains("'fax' is not one of: phone, text, chat, email, webForm.", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("call me", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("nobody", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingRequiredValues_NamesEach()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => ContactJson.Parse("{}"));
        Assert.Equal(["$.id", "$.receivedAt", "$.channel", "$.requestKind", "$.caller"], e.Problems.Select(p => p.Location));
        e = Assert.Throws<NhtrcValidationException>(() => ContactJson.Parse(Minimal.Replace("\"role\":\"communityMember\",\"preferredLanguage\":\"en\"", "", StringComparison.Ordinal)));
        Assert.Equal(["$.caller.role", "$.caller.preferredLanguage"], e.Problems.Select(p => p.Location));
    }

    [Fact]
    public void Parse_AnonymousCallerWithName_NamesPersonalData()
    {
        var json = Minimal.Replace("\"preferredLanguage\":\"en\"", "\"preferredLanguage\":\"en\",\"anonymous\":true,\"personalData\":{\"name\":\"Sample Caller\"}", StringComparison.Ordinal);
        var e = Assert.Throws<NhtrcValidationException>(() => ContactJson.Parse(json));
        Assert.Equal("$.caller.personalData", Assert.Single(e.Problems).Location);
        Assert.DoesNotContain("Sample Caller", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"id\": ", "$.id")]
    [InlineData("{\"id\": 12}", "$.id")]
    [InlineData("[]", "$")]
    [InlineData("{\"caller\": {\"personalData\": {\"name\": Sample Caller}}}", "$.caller.personalData.name")]
    [InlineData("{\"caller\": {\"anonymous\": \"yes\"}}", "$.caller.anonymous")]
    [InlineData("", "$")]
    public void Parse_MalformedOrWrongType_NamesWhereWithoutEchoingInput(string json, string location)
    {
        var e = Assert.Throws<NhtrcValidationException>(() => ContactJson.Parse(json));
        var problem = Assert.Single(e.Problems);
        Assert.Equal(location, problem.Location);
        Assert.Contains("line 1", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Sample", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NullDocument_IsAProblemNotANullReference()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => ContactJson.Parse("null"));
        Assert.Equal("$", Assert.Single(e.Problems).Location);
    }

    [Fact]
    public void Parse_DuplicateProperty_IsAProblem()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => ContactJson.Parse(Minimal.Replace("{\"id\":\"c-1\",", "{\"id\":\"c-1\",\"id\":\"c-2\",", StringComparison.Ordinal)));
        Assert.Single(e.Problems);
    }

    [Fact]
    public void Parse_EnumNamesAreCaseSensitive()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => ContactJson.Parse(Minimal.Replace("\"phone\"", "\"Phone\"", StringComparison.Ordinal)));
        Assert.Equal("$.channel", Assert.Single(e.Problems).Location);
    }

    [Fact]
    public void Parse_FractionalSecondInstant_IsAccepted() =>
        Assert.Equal(
            Instant.FromUtc(2026, 7, 2, 22, 59) + Duration.FromMilliseconds(250),
            ContactJson.Parse(Minimal.Replace("22:59:00Z", "22:59:00.25Z", StringComparison.Ordinal)).ReceivedAt);

    [Fact]
    public async System.Threading.Tasks.Task ParseAsync_Stream_ReadsContact()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Minimal));
        Assert.Equal("c-1", (await ContactJson.LoadAsync(stream)).Id);
    }
}
