using System;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Validation;
using NodaTime;

namespace Nhtrc.Sdk.Testing.Tests.Builders;

public sealed class ContactBuilderTests
{
    [Fact]
    public void Build_WithDefaults_IsValidForEveryRequestKind_AndRoundTripsThroughContactJson()
    {
        foreach (var kind in Enum.GetValues<RequestKind>())
        {
            var contact = new ContactBuilder(kind).WithSyntheticPersonalData(7).Build();
            Assert.Equal(kind, contact.RequestKind);
            var back = ContactJson.Parse(ContactJson.Serialize(contact));
            Assert.Equal(contact, back);
            Assert.Equal(ContactJson.Serialize(contact), ContactJson.Serialize(back));
        }
    }

    [Fact]
    public void Build_GivesTheContactAsked()
    {
        var received = Instant.FromUtc(2026, 3, 30, 17, 0);
        var contact = new ContactBuilder(RequestKind.Referral)
            .WithId("partner-0001")
            .ReceivedAt(received)
            .Via(ContactChannel.WebForm)
            .From(CallerRole.ServiceProvider)
            .InLanguage(LanguageTag.Spanish)
            .At(new CallerLocation(state: "CA"))
            .WithReferralNeeds(ServiceType.Housing, ServiceType.LegalServices)
            .WithSignals(new ContactSignals { ForeignNational = true })
            .WithConsent(new Consent(ConsentScope.ReferralSharing, "partner-org", received))
            .Build();
        Assert.Equal(("partner-0001", received, ContactChannel.WebForm, CallerRole.ServiceProvider), (contact.Id, contact.ReceivedAt, contact.Channel, contact.Caller.Role));
        Assert.Equal("es", contact.Caller.PreferredLanguage.Value);
        Assert.Equal([ReferralNeed.Of(ServiceType.Housing), ReferralNeed.Of(ServiceType.LegalServices)], contact.ReferralNeeds.ToArray());
        Assert.True(contact.Signals.ForeignNational);
        Assert.True(contact.HasConsent(received, ConsentScope.ReferralSharing, "partner-org"));
        Assert.Equal(contact, ContactJson.Parse(ContactJson.Serialize(contact)));
    }

    [Fact]
    public void SyntheticPersonalData_IsObviouslyMadeUp_AndTheSameForTheSameNumber()
    {
        var data = SyntheticPersonalData.Create(117);
        Assert.Equal("Sample Caller 117", data.Name!.Reveal());
        Assert.Equal("(202) 555-0117", data.Phone!.Reveal());
        Assert.Equal("sample.caller.117@example.org", data.Email!.Reveal());
        Assert.Equal("117 Fictional Avenue, Exampleville", data.Address!.Reveal());
        Assert.Equal(data, SyntheticPersonalData.Create(117));
        Assert.True(SyntheticPersonalData.IsObviouslySynthetic(data));
        Assert.True(SyntheticPersonalData.IsObviouslySynthetic(SyntheticPersonalData.Create(-3)));
        Assert.False(SyntheticPersonalData.IsObviouslySynthetic(new PersonalData(phone: "(202) 555-0234")));
        Assert.False(SyntheticPersonalData.IsObviouslySynthetic(new PersonalData(email: "someone@gmail.test.com")));
    }

    [Fact]
    public void Anonymous_DropsIdentifyingData_KeepsTheNarrative()
    {
        var contact = new ContactBuilder(RequestKind.Tip).WithSyntheticPersonalData(3).Anonymous().Build();
        Assert.True(contact.Caller.IsAnonymous);
        Assert.Null(contact.Caller.PersonalData!.Phone);
        Assert.Equal("Synthetic narrative 3: no real person or place.", contact.Caller.PersonalData.Narrative!.Reveal());
    }

    [Fact]
    public void Build_OfAnInvalidContact_ListsEveryProblemWithoutPersonalData()
    {
        var error = Assert.Throws<NhtrcValidationException>(() => new ContactBuilder(RequestKind.Tip)
            .WithId("not an id")
            .WithSyntheticPersonalData(5)
            .WithTechnicalAssistance(TechnicalAssistanceKind.DirectReferral)
            .Build());
        Assert.Equal(2, error.Problems.Length);
        Assert.DoesNotContain("555-0105", error.Message, StringComparison.Ordinal);
        Assert.Contains(error.Problems, p => p.Location == "id");
        Assert.Contains(error.Problems, p => p.Location == "technicalAssistance");
        Assert.Equal("test-contact: Tip via Phone", new ContactBuilder(RequestKind.Tip).ToString());
        Assert.DoesNotContain(new ContactBuilder(RequestKind.Tip).WithSyntheticPersonalData(5).Build().ToString().Split(' '), w => w.Contains("555", StringComparison.Ordinal));
        Assert.True(new ContactBuilder(RequestKind.TrainingAndTechnicalAssistance).Build().TechnicalAssistance.SequenceEqual([TechnicalAssistanceKind.PhoneConsultation]));
    }
}
