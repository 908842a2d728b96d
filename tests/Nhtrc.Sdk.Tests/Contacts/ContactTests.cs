using System;
using System.Linq;
using System.Threading.Tasks;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Validation;

namespace Nhtrc.Sdk.Tests.Contacts;

public class ContactTests
{
    [Fact]
    public void Equality_IsByValueIncludingCollections()
    {
        Assert.Equal(ContactExamples.Contact(), ContactExamples.Contact());
        Assert.Equal(ContactExamples.Contact().GetHashCode(), ContactExamples.Contact().GetHashCode());
        Assert.NotEqual(ContactExamples.Contact(), ContactExamples.Contact(personalData: new PersonalData(name: "Other Sample")));
    }

    [Fact]
    public void Defaults_AreNoSignalsAndEmptyCollections()
    {
        var contact = new Contact("c-2", ContactExamples.Received, ContactChannel.Text, RequestKind.GeneralInformation, ContactExamples.Caller());
        Assert.Same(ContactSignals.None, contact.Signals);
        Assert.Empty(contact.TechnicalAssistance);
        Assert.Empty(contact.ReferralNeeds);
        Assert.Empty(contact.Consents);
    }

    [Fact]
    public void ToString_NeverShowsPersonalData()
    {
        var text = ContactExamples.Contact().ToString();
        Assert.StartsWith("Contact c-0001 { Crisis via Phone at 2026-07-02T22:59:00Z, Caller {", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sample Caller", text, StringComparison.Ordinal);
        Assert.DoesNotContain("example.org", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Example Street", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Synthetic narrative", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("ünïcode")]
    public void Constructor_BadId_NamesId(string id)
    {
        var e = Assert.Throws<NhtrcValidationException>(() =>
            new Contact(id, ContactExamples.Received, ContactChannel.Phone, RequestKind.Tip, ContactExamples.Caller()));
        Assert.Equal("id", Assert.Single(e.Problems).Location);
    }

    [Fact]
    public void Constructor_TtaWithoutKinds_Throws()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => ContactExamples.Contact(RequestKind.TrainingAndTechnicalAssistance));
        Assert.Equal("technicalAssistance", Assert.Single(e.Problems).Location);
    }

    [Fact]
    public void Constructor_KindsOnNonTtaRequest_Throws()
    {
        var e = Assert.Throws<NhtrcValidationException>(() =>
            ContactExamples.Contact(RequestKind.Tip, technicalAssistance: [TechnicalAssistanceKind.PhoneConsultation]));
        Assert.Equal("technicalAssistance", Assert.Single(e.Problems).Location);
    }

    [Fact]
    public void Constructor_DuplicateOrUndefinedKind_NamesTheItem()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => ContactExamples.Contact(
            RequestKind.TrainingAndTechnicalAssistance,
            technicalAssistance: [TechnicalAssistanceKind.DirectReferral, (TechnicalAssistanceKind)42, TechnicalAssistanceKind.DirectReferral]));
        Assert.Equal(["technicalAssistance[1]", "technicalAssistance[2]"], e.Problems.Select(p => p.Location));
    }

    [Fact]
    public void Constructor_RepeatedReferralNeeds_NamesEveryRepeat()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => new Contact(
            "c-3", ContactExamples.Received, ContactChannel.Chat, RequestKind.Referral, ContactExamples.Caller(),
            referralNeeds: [ServiceType.LegalServices, ReferralNeed.Parse("legal"), ReferralNeed.Parse("legalServices"), ReferralNeed.Parse("legal")]));
        Assert.Equal(["referralNeeds[2]", "referralNeeds[3]"], e.Problems.Select(p => p.Location));
        Assert.All(e.Problems, p => Assert.Equal("repeats an earlier referral need.", p.Message));
    }

    [Fact]
    public async Task AHundredThousandReferralNeeds_AreCheckedInLinearTime_InJsonAndInCode()
    {
        // Repeats were found with IndexOf over the earlier needs: a contact with 100,000 needs took 38 s.
        var ids = Enumerable.Range(0, 100_000).Select(i => "need" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("need0").ToArray();
        var json = "{\"id\":\"c-big\",\"receivedAt\":\"2026-07-02T22:59:00Z\",\"channel\":\"chat\",\"requestKind\":\"referral\","
            + "\"caller\":{\"role\":\"possibleVictim\",\"anonymous\":true,\"preferredLanguage\":\"en\"},"
            + "\"referralNeeds\":[" + string.Join(",", ids.Select(id => "\"" + id + "\"")) + "]}";
        var check = Task.Run(() => (
            Assert.Throws<NhtrcValidationException>(() => ContactJson.Parse(json)),
            Assert.Throws<NhtrcValidationException>(() => new Contact("c-big", ContactExamples.Received, ContactChannel.Chat, RequestKind.Referral, ContactExamples.Caller(), referralNeeds: ids.Select(ReferralNeed.Parse)))));

        Assert.Same(check, await Task.WhenAny(check, Task.Delay(TimeSpan.FromSeconds(10))));
        var (read, built) = await check;
        Assert.Equal("$.referralNeeds[100000]", Assert.Single(read.Problems).Location);
        Assert.Equal("referralNeeds[100000]", Assert.Single(built.Problems).Location);
    }

    [Theory]
    [InlineData("Legal")]
    [InlineData("")]
    [InlineData("legal-services")]
    [InlineData("a0123456789012345678901234567890123456789012345678901234567890123")]
    public void ReferralNeed_Parse_RejectsWhatIsNotACamelCaseId(string id)
    {
        var e = Assert.Throws<NhtrcValidationException>(() => ReferralNeed.Parse(id));
        Assert.Equal(["id"], e.Problems.Select(p => p.Location));
        Assert.EndsWith("must be a camelCase identifier of up to 64 ASCII letters and digits, such as emergencyShelter.", e.Problems[0].Message, StringComparison.Ordinal);
        Assert.False(ReferralNeed.TryParse(id, out var need));
        Assert.Null(need);
    }

    [Fact]
    public void Constructor_EveryProblem_IsListed()
    {
        var e = Assert.Throws<NhtrcValidationException>(() => new Contact(
            "", ContactExamples.Received, (ContactChannel)0, (RequestKind)0, ContactExamples.Caller()));
        Assert.Equal(["id", "channel", "requestKind"], e.Problems.Select(p => p.Location));
        Assert.StartsWith("Invalid contact: 3 problems:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NullCaller_Throws() =>
        Assert.Throws<ArgumentNullException>(() => new Contact("c", ContactExamples.Received, ContactChannel.Phone, RequestKind.Tip, null!));

    [Fact]
    public void Signals_UndefinedTraffickingType_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContactSignals { TraffickingType = (TraffickingType)9 });
}
