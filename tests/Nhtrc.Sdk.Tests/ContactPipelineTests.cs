using System;
using System.IO;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Testing;
using Nhtrc.Sdk.Tests.Triage;
using Nhtrc.Sdk.Triage;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Tests;

public class ContactPipelineTests
{
    private static readonly ContactPipeline Pipeline = ContactPipeline.NhtrcDefault;

    [Fact]
    public void HighRiskSample_StaysValid_AndItsNeedOutsideTheVocabulary_IsAReportedSkip()
    {
        var contact = Sample("high-risk.json");
        var outcome = Pipeline.Process(contact, ReferralDirectory.Sample, contact.ReceivedAt);

        Assert.Equal(TriageEngine.NhtrcDefault.Triage(contact, contact.ReceivedAt), outcome.Triage);
        Assert.Equal(["runawayAndHomelessYouth"], outcome.Referrals.SkippedNeeds.Select(n => n.Id));
        Assert.Empty(outcome.Referrals.Needs);
        Assert.False(outcome.Referrals.IsSearched);
        Assert.Null(outcome.Referrals.Result);
        Assert.Equal("none of the referral needs is a service type.", outcome.Referrals.NotSearchedReason);
        Assert.Contains("skipped runawayAndHomelessYouth: not a service type", outcome.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReferralSample_IsSearched_AtTheCallersPlace_WithItsLanguage_UrgencyAndInstant()
    {
        var contact = Sample("referral.json");
        var at = contact.ReceivedAt + Duration.FromMinutes(5);
        var outcome = Pipeline.Process(contact, ReferralDirectory.Sample, at);

        Assert.True(outcome.Referrals.IsSearched, outcome.ToString());
        Assert.Null(outcome.Referrals.NotSearchedReason);
        var result = outcome.Referrals.Result!;
        Assert.Equal(outcome.Referrals.Needs, result.Query.Needs);
        Assert.Equal([ServiceType.LegalServices, ServiceType.CaseManagement], outcome.Referrals.Needs.Take(2).ToArray());
        Assert.Equal(ReferralPlace.From(contact.Caller.Location!).ToString(), result.Query.Place.ToString());
        Assert.Equal(ReferralAudience.Public, result.Query.Audience);
        Assert.Equal(outcome.Urgency, result.Query.Urgency);
        Assert.Equal(at, result.Query.At);
        Assert.Equal(contact.Caller.PreferredLanguage, result.Query.Language);
        Assert.Equal(ContactPipeline.DefaultReferralCount, result.Query.Count);
        Assert.InRange(result.Matches.Length, 1, ContactPipeline.DefaultReferralCount);
    }

    [Fact]
    public void TechnicalAssistanceKinds_ThatAreServiceTypes_AreSearched()
    {
        var contact = Sample("tta.json");
        var outcome = Pipeline.Process(contact, ReferralDirectory.Sample, contact.ReceivedAt);

        Assert.Contains(ServiceType.SpeakersAndTrainers, outcome.Referrals.Needs);
        Assert.Contains(ServiceType.PublicAwarenessMaterials, outcome.Referrals.Needs);
        Assert.True(outcome.Referrals.IsSearched);
    }

    [Fact]
    public void TheProfile_IsFilledFromWhatWasDisclosed()
    {
        var signals = new ContactSignals { TraffickingType = TraffickingType.Labor, ForeignNational = true, Age = AgeRange.Exactly(30) };
        var outcome = Pipeline.Process(TriageExamples.Contact(RequestKind.Referral, signals, referralNeeds: ["legalServices"]), ReferralDirectory.Sample, TriageExamples.ThursdayAfternoon);

        Assert.Equal(new ClientProfile { Age = AgeRange.Exactly(30), TraffickingType = TraffickingType.Labor, ImmigrationStatus = ImmigrationStatus.ForeignNational }, outcome.Referrals.Client);

        var range = Pipeline.Process(
            TriageExamples.Contact(RequestKind.Referral, new ContactSignals { Age = AgeRange.Between(20, 29) }, referralNeeds: ["legalServices"]),
            ReferralDirectory.Sample,
            TriageExamples.ThursdayAfternoon);
        Assert.Equal(AgeRange.Between(20, 29), range.Referrals.Client.Age);
    }

    [Fact]
    public void NoSearch_SaysWhy()
    {
        var withNeeds = Sample("referral.json");
        Assert.Equal("no directory was given.", Pipeline.Process(withNeeds, null, withNeeds.ReceivedAt).Referrals.NotSearchedReason);

        var noPlace = new Contact(
            "t-2", withNeeds.ReceivedAt, ContactChannel.Phone, RequestKind.Referral, new Caller(CallerRole.CommunityMember, true, LanguageTag.Parse("en")),
            referralNeeds: [ServiceType.LegalServices]);
        Assert.Equal("matches need a place, and the caller has no location.", Pipeline.Process(noPlace, ReferralDirectory.Sample, noPlace.ReceivedAt).Referrals.NotSearchedReason);

    }

    [Fact]
    public void Constructor_NamesEveryBadArgument()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => new ContactPipeline(TriageEngine.NhtrcDefault, 0, (ReferralAudience)9));
        Assert.Equal(["referralCount", "audience"], e.Problems.Select(p => p.Location));
        Assert.Throws<ArgumentException>(() => ContactReferrals.Search(
            TriageEngine.NhtrcDefault.Triage(Sample("tip.json"), Sample("tip.json").ReceivedAt), Sample("crisis.json"), null, 5, ReferralAudience.Public));
    }

    [Property(Arbitrary = [typeof(NhtrcArbitraries)])]
    public Property Needs_AreTheOutcomesServiceTypes_ThenItsTechnicalAssistance_AsANaiveReadingSays(TriageScenario input)
    {
        var outcome = Pipeline.Process(input.Contact, null, input.At);
        var triage = TriageEngine.NhtrcDefault.Triage(input.Contact, input.At);

        // Naive: a need is a service type when some enum member's name, first letter lowered, spells it.
        static ServiceType? Named(string id) =>
            Enum.GetValues<ServiceType>().Cast<ServiceType?>().FirstOrDefault(t => char.ToLowerInvariant(t.ToString()![0]) + t.ToString()![1..] == id);
        var expected = triage.ReferralNeeds.Select(n => Named(n.Id)).Concat(triage.TechnicalAssistance.Select(k => Named(char.ToLowerInvariant(k.ToString()[0]) + k.ToString()[1..])))
            .Where(t => t is not null).Select(t => t!.Value).Distinct().ToArray();
        var skipped = triage.ReferralNeeds.Where(n => Named(n.Id) is null).ToArray();
        return (outcome.Triage == triage
                && outcome.Referrals.Needs.SequenceEqual(expected)
                && outcome.Referrals.SkippedNeeds.SequenceEqual(skipped)
                && !outcome.Referrals.IsSearched
                && outcome.Referrals.NotSearchedReason is not null)
            .Classify(expected.Length > 0, "some need searchable")
            .Classify(expected.Contains(ServiceType.SpeakersAndTrainers), "speakers and trainers");
    }

    private static Contact Sample(string file) =>
        ContactJson.LoadFile(Path.Combine(AppContext.BaseDirectory, "samples", "contacts", file));
}
