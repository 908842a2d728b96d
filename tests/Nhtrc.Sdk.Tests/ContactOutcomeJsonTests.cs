using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Testing;
using Nhtrc.Sdk.Tests.Contacts;
using Nhtrc.Sdk.Tests.Text;
using Nhtrc.Sdk.Tests.Triage;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Triage;
using NodaTime;

namespace Nhtrc.Sdk.Tests;

[Properties(Arbitrary = [typeof(NhtrcArbitraries), typeof(PrivacyArbitraries)], MaxTest = 100)]
public sealed class ContactOutcomeJsonTests
{
    private static readonly ContactPipeline Pipeline = ContactPipeline.NhtrcDefault;

    private static readonly string[] TopLevel = ["contactId", "at", "urgency", "triage", "referrals"];

    private static readonly string[] ReferralMembers = ["needs", "skippedNeeds", "client", "language", "searched", "notSearchedReason", "result"];

    [Fact]
    public void SearchedOutcome_EmbedsTheTriageAndReferralResultJson_Verbatim()
    {
        var contact = Sample("referral.json");
        var outcome = Pipeline.Process(contact, ReferralDirectory.Sample, contact.ReceivedAt);
        var json = ResultJsonAssert.Parse(ContactOutcomeJson.Serialize(outcome));

        Assert.Equal(TopLevel, ResultJsonAssert.Names(json));
        Assert.Equal(contact.Id, json["contactId"]!.GetValue<string>());
        ResultJsonAssert.Instant(json["at"], outcome.At, "at");
        ResultJsonAssert.Enum(json["urgency"], outcome.Urgency, "urgency");
        Assert.Equal(TriageOutcomeJson.Serialize(outcome.Triage), json["triage"]!.ToJsonString());
        var referrals = json["referrals"]!;
        Assert.Equal(ReferralMembers, ResultJsonAssert.Names(referrals));
        Assert.True(referrals["searched"]!.GetValue<bool>());
        Assert.Null(referrals["notSearchedReason"]);
        Assert.Equal(ReferralResultJson.Serialize(outcome.Referrals.Result!), referrals["result"]!.ToJsonString());
        Assert.Equal(outcome.Referrals.Needs.Select(WireNames.Of), referrals["needs"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(contact.Caller.PreferredLanguage.Value, referrals["language"]!.GetValue<string>());
        Assert.Equal(["age", "gender", "traffickingType", "immigrationStatus"], ResultJsonAssert.Names(referrals["client"]));
    }

    [Fact]
    public void UnsearchedOutcome_HasANullResult_AndTheReason_AndTheSkippedNeeds()
    {
        var contact = Sample("high-risk.json");
        var outcome = Pipeline.Process(contact, ReferralDirectory.Sample, contact.ReceivedAt);
        var referrals = ResultJsonAssert.Parse(ContactOutcomeJson.Serialize(outcome))["referrals"]!;

        Assert.False(referrals["searched"]!.GetValue<bool>());
        Assert.Null(referrals["result"]);
        Assert.Equal("none of the referral needs is a service type.", referrals["notSearchedReason"]!.GetValue<string>());
        Assert.Equal(["runawayAndHomelessYouth"], referrals["skippedNeeds"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Empty(referrals["needs"]!.AsArray());
    }

    [Fact]
    public void TheClientProfile_IsWrittenAsUsed_AnAgeRangeAsMinAndMax()
    {
        var signals = new ContactSignals { TraffickingType = TraffickingType.Labor, ForeignNational = true, Age = AgeRange.Between(16, 19) };
        var outcome = Pipeline.Process(TriageExamples.Contact(RequestKind.Referral, signals, referralNeeds: ["legalServices"]), null, TriageExamples.ThursdayAfternoon);
        var client = ResultJsonAssert.Parse(ContactOutcomeJson.Serialize(outcome))["referrals"]!["client"]!;

        Assert.Equal("{\"age\":{\"min\":16,\"max\":19},\"gender\":null,\"traffickingType\":\"labor\",\"immigrationStatus\":\"foreignNational\"}", client.ToJsonString());
        var none = Pipeline.Process(TriageExamples.Contact(RequestKind.Referral, referralNeeds: ["legalServices"]), null, TriageExamples.ThursdayAfternoon);
        Assert.Equal(
            "{\"age\":null,\"gender\":null,\"traffickingType\":\"unknown\",\"immigrationStatus\":null}",
            ResultJsonAssert.Parse(ContactOutcomeJson.Serialize(none))["referrals"]!["client"]!.ToJsonString());
    }

    [Fact]
    public void ReflectionSerializer_AndTheStreamAndWriterVerbs_WriteWhatSerializeWrites()
    {
        var contact = Sample("crisis.json");
        var outcome = Pipeline.Process(contact, ReferralDirectory.Sample, contact.ReceivedAt);
        var text = ContactOutcomeJson.Serialize(outcome);

        Assert.Equal(text, JsonSerializer.Serialize(outcome));
        using var stream = new MemoryStream();
        ContactOutcomeJson.Write(outcome, stream);
        Assert.Equal(text, System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        using var array = new MemoryStream();
        using (var writer = new Utf8JsonWriter(array))
        {
            writer.WriteStartArray();
            ContactOutcomeJson.Write(outcome, writer);
            writer.WriteEndArray();
        }

        Assert.Equal("[" + text + "]", System.Text.Encoding.UTF8.GetString(array.ToArray()));
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<ContactOutcome>(text));
        Assert.Throws<ArgumentNullException>(() => ContactOutcomeJson.Serialize(null!));
    }

    [Property]
    public void Json_EmbedsItsParts_AndIsDeterministic(TriageScenario input)
    {
        var outcome = Pipeline.Process(input.Contact, ReferralDirectory.Sample, input.At);
        var text = ContactOutcomeJson.Serialize(outcome);
        var json = ResultJsonAssert.Parse(text);

        Assert.Equal(TopLevel, ResultJsonAssert.Names(json));
        Assert.Equal(TriageOutcomeJson.Serialize(outcome.Triage), json["triage"]!.ToJsonString());
        var referrals = json["referrals"]!;
        Assert.Equal(ReferralMembers, ResultJsonAssert.Names(referrals));
        Assert.Equal(outcome.Referrals.IsSearched, referrals["searched"]!.GetValue<bool>());
        Assert.Equal(outcome.Referrals.IsSearched, referrals["notSearchedReason"] is null);
        Assert.Equal(outcome.Referrals.Result is { } result ? ReferralResultJson.Serialize(result) : "null", referrals["result"]?.ToJsonString() ?? "null");
        Assert.Equal(outcome.Referrals.SkippedNeeds.Select(n => n.Id), referrals["skippedNeeds"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(text, ContactOutcomeJson.Serialize(new ContactPipeline(TriageEngine.NhtrcDefault).Process(input.Contact, ReferralDirectory.Sample, input.At)));
    }

    [Property]
    public void Json_NeverHoldsPersonalData(SecretContact input, NonNegativeInt minutes)
    {
        var contact = input.Contact;
        var outcome = Pipeline.Process(contact, ReferralDirectory.Sample, contact.ReceivedAt + Duration.FromMinutes(minutes.Get % (60 * 24 * 14)));
        Assert.True(outcome.Referrals.IsSearched, outcome.ToString());

        var text = ContactOutcomeJson.Serialize(outcome);
        var unescaped = ResultJsonAssert.Unescaped(text);
        foreach (var secret in input.Secrets)
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, unescaped, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void APublicOutcome_CarriesNoConfidentialAddress()
    {
        var contact = Sample("crisis.json");
        var outcome = Pipeline.Process(contact, ReferralDirectory.Sample, contact.ReceivedAt);
        var locations = ResultJsonAssert.Parse(ContactOutcomeJson.Serialize(outcome))["referrals"]!["result"]!["matches"]!.AsArray()
            .SelectMany(m => m!["locations"]!.AsArray()).Select(l => l!.AsObject()).ToArray();

        Assert.Contains(locations, l => l["confidential"]!.GetValue<bool>());
        Assert.All(locations.Where(l => l["confidential"]!.GetValue<bool>()), l =>
        {
            Assert.Null(l["address"]);
            Assert.Null(l["zip"]);
            Assert.Null(l["latitude"]);
            Assert.Null(l["longitude"]);
        });
    }

    private static Contact Sample(string file) =>
        ContactJson.LoadFile(Path.Combine(AppContext.BaseDirectory, "samples", "contacts", file));
}
