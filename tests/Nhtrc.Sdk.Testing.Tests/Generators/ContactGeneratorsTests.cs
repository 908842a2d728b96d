using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Nhtrc.Sdk.Contacts;
using NodaTime;

namespace Nhtrc.Sdk.Testing.Tests.Generators;

public sealed class ContactGeneratorsTests
{
    private static readonly Instant Received = Instant.FromUtc(2026, 3, 2, 15, 0);

    [Fact]
    public void Ages_AreHalfUndisclosed_AndOftenStraddle18()
    {
        var ages = NhtrcGenerators.Ages.Sample(2_000);

        Assert.InRange(ages.Count(a => a is null), 800, 1_200);
        Assert.All(ages.OfType<AgeRange>(), a => Assert.InRange(a.Minimum, 0, AgeRange.MaximumAge));
        Assert.True(ages.OfType<AgeRange>().Count(a => a.Minimum < 18 && a.Maximum >= 18) > 60, "few ranges straddle 18");
        Assert.Contains(ages, a => a is { } r && r.Minimum == r.Maximum && r.Minimum == 17);
        Assert.Contains(ages, a => a is { } r && r.Minimum == r.Maximum && r.Minimum == 18);
        Assert.Contains(ages, a => a is { Minimum: > 40 });
    }

    [Fact]
    public void Signals_SetEachFlagSometimes_AndCombineThem()
    {
        var signals = NhtrcGenerators.Signals.Sample(800);

        Func<ContactSignals, bool>[] flags =
        [
            s => s.ImmediateDanger, s => s.MinorInvolved, s => s.VictimCurrentlyInSituation, s => s.MedicalEmergency,
            s => s.ResponseNeededWithin24Hours, s => s.CallerIsVictim, s => s.CallerHasDirectKnowledge,
            s => s.ForceFraudOrCoercionIndicated, s => s.ForeignNational, s => s.NeedsShelterTonight, s => s.LanguageInterpretationNeeded,
        ];
        Assert.All(flags, flag => Assert.InRange(signals.Count(flag), 120, 280));
        Assert.Contains(signals, s => s.MinorInvolved && s.ImmediateDanger);
        Assert.Contains(signals, s => s.Age is not null);
        Assert.Equal(Enum.GetValues<TraffickingType>().Length, signals.Select(s => s.TraffickingType).Distinct().Count());
    }

    [Fact]
    public void ConsentsAround_AreMostlyForLawEnforcement_AndMixGrantedPendingExpiredAndRevoked()
    {
        var consents = NhtrcGenerators.ConsentsAround(Received).Sample(1_000);
        var dayLater = Received + Duration.FromDays(1);

        Assert.All(consents, c => Assert.Contains(c.Recipient, NhtrcGenerators.ConsentRecipients));
        Assert.InRange(consents.Count(c => c.Scope == ConsentScope.LawEnforcementReport), 650, 850);
        Assert.All(consents, c => Assert.InRange(c.GrantedAt, Received - Duration.FromHours(10), Received + Duration.FromDays(1)));
        Assert.Contains(consents, c => c.GrantedAt > Received);
        Assert.Contains(consents, c => c.ExpiresAt is null);
        Assert.Contains(consents, c => c.ExpiresAt < dayLater);
        Assert.Contains(consents, c => c.RevokedAt is not null);
        Assert.Contains(consents, c => c.IsValidAt(Received, c.Scope, c.Recipient) && c.Scope == ConsentScope.LawEnforcementReport);
    }

    [Fact]
    public void ConsentsAround_GivenRecipients_UsesOnlyThem_AndRefusesNone()
    {
        var consents = NhtrcGenerators.ConsentsAround(Received, ["county-da", "state-police"]).Sample(200);

        Assert.Equal(["county-da", "state-police"], consents.Select(c => c.Recipient).Distinct().Order(StringComparer.Ordinal));
        Assert.Throws<ArgumentException>(() => NhtrcGenerators.ConsentsAround(Received, []));
        Assert.Throws<ArgumentException>(() => NhtrcGenerators.ConsentsAround(Received, ["fbi", " "]));
        Assert.Throws<ArgumentNullException>(() => NhtrcGenerators.ConsentsAround(Received, null!));
    }

    [Fact]
    public void DistinctivePersonalData_IsObviouslySynthetic_AndNeverRepeats()
    {
        var data = NhtrcGenerators.DistinctivePersonalData.Sample(500);

        Assert.All(data, d => Assert.True(SyntheticPersonalData.IsObviouslySynthetic(d), d.Name?.Reveal() + " " + d.Phone?.Reveal()));
        Assert.All(data, d => Assert.False(d.IsEmpty));
        var names = data.Where(d => d.Name is not null).Select(d => d.Name!.Reveal()).ToArray();
        Assert.True(names.Length > 150);
        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.All(data.Where(d => d.Phone is not null), d => Assert.Matches(@"^\+1 \(\d{3}\) 555-01\d\d$", d.Phone!.Reveal()));
        Assert.All(data.Where(d => d.Email is not null), d => Assert.EndsWith("@example.org", d.Email!.Reveal(), StringComparison.Ordinal));
        Assert.Contains(data, d => d.Narrative is { } n && n.Reveal().Any(c => c > 127));
    }

    [Fact]
    public void PersonalData_ShrinksByDroppingValues_DownToOne()
    {
        var arbitrary = NhtrcArbitraries.PersonalData();
        var full = arbitrary.Generator.Sample(200).First(d => d.Name is not null && d.Phone is not null && d.Email is not null);

        var shrunk = full;
        for (var next = arbitrary.Shrinker(shrunk).FirstOrDefault(); next is not null; next = arbitrary.Shrinker(next).FirstOrDefault())
        {
            Assert.True(SyntheticPersonalData.IsObviouslySynthetic(next));
            shrunk = next;
        }

        var values = new object?[] { shrunk.Name, shrunk.Phone, shrunk.Email, shrunk.Address, shrunk.Narrative };
        Assert.Single(values, v => v is not null);
        Assert.Empty(arbitrary.Shrinker(shrunk));
    }

    [Fact]
    public void TriageScenarios_AreTriagedAtOrAfterReceipt_In2026And2027_WithConsentsAroundIt()
    {
        var scenarios = NhtrcGenerators.TriageScenarios.Sample(600);

        Assert.All(scenarios, s => Assert.True(s.At >= s.Contact.ReceivedAt));
        Assert.All(scenarios, s => Assert.InRange(s.Contact.ReceivedAt, Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2028, 1, 1, 0, 0)));
        Assert.InRange(scenarios.Count(s => s.At == s.Contact.ReceivedAt), 150, 350);
        Assert.Equal(Enum.GetValues<RequestKind>().Length, scenarios.Select(s => s.Contact.RequestKind).Distinct().Count());
        Assert.All(scenarios.Where(s => s.Contact.RequestKind == RequestKind.TrainingAndTechnicalAssistance), s => Assert.NotEmpty(s.Contact.TechnicalAssistance));
        Assert.Contains(scenarios, s => s.Contact.Consents.Length == 3);
        Assert.All(scenarios.SelectMany(s => s.Contact.Consents), c => Assert.Contains(c.Recipient, NhtrcGenerators.ConsentRecipients));
        Assert.Contains(scenarios, s => s.Contact.Signals.Age is { Minimum: < 18, Maximum: >= 18 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TriageScenario(scenarios[0].Contact, scenarios[0].Contact.ReceivedAt - Duration.Epsilon));
    }

    [Fact]
    public void AFailingTriageScenario_ShrinksToTheReceipt_OneConsent_AndNoOtherSignal()
    {
        // Fails whenever a law-enforcement consent is valid at triage: shrinking keeps that consent and drops the rest.
        static bool NoValidReport(TriageScenario s) => !s.Contact.Consents.Any(c => c.Scope == ConsentScope.LawEnforcementReport && c.IsValidAt(s.At, c.Scope, c.Recipient));

        var arbitrary = NhtrcArbitraries.TriageScenarios();
        var failing = arbitrary.Generator.Sample(500).First(s => !NoValidReport(s) && s.Contact.Consents.Length > 1 && s.Contact.Signals.Age is not null);
        var shrunk = failing;
        for (var next = Smaller(shrunk); next is not null; next = Smaller(next))
        {
            shrunk = next;
        }

        Assert.Single(shrunk.Contact.Consents);
        Assert.Null(shrunk.Contact.Signals.Age);
        Assert.False(shrunk.Contact.Signals.ImmediateDanger || shrunk.Contact.Signals.MinorInvolved || shrunk.Contact.Signals.ForeignNational);
        Assert.True(shrunk.At == shrunk.Contact.ReceivedAt || !shrunk.Contact.Consents[0].IsValidAt(shrunk.Contact.ReceivedAt, ConsentScope.LawEnforcementReport, shrunk.Contact.Consents[0].Recipient));
        Assert.Contains("consents [", shrunk.ToString(), StringComparison.Ordinal);

        TriageScenario? Smaller(TriageScenario s) => arbitrary.Shrinker(s).FirstOrDefault(x => !NoValidReport(x));
    }

    [Fact]
    public void AFailingContact_ShrinksToOneConsent_NoAge_NoNeeds_NoPersonalData()
    {
        static bool NoConsent(Contact c) => c.Consents.IsEmpty;

        var arbitrary = NhtrcArbitraries.Contacts();
        var failing = arbitrary.Generator.Sample(400)
            .First(c => c.Consents.Length == 2 && c.Caller.PersonalData is not null && !c.ReferralNeeds.IsEmpty && c.Signals.Age is not null);
        var shrunk = failing;
        for (var next = arbitrary.Shrinker(shrunk).FirstOrDefault(x => !NoConsent(x)); next is not null; next = arbitrary.Shrinker(next).FirstOrDefault(x => !NoConsent(x)))
        {
            shrunk = next;
        }

        Assert.Single(shrunk.Consents);
        Assert.Null(shrunk.Signals.Age);
        Assert.Empty(shrunk.ReferralNeeds);
        Assert.Null(shrunk.Caller.PersonalData);
        Assert.Equal(failing.RequestKind, shrunk.RequestKind);
    }

    [Fact]
    public void Contacts_CarryConsentsToTheKnownRecipients_AndAgesNear18()
    {
        var contacts = NhtrcGenerators.Contacts.Sample(600);

        Assert.All(contacts.SelectMany(c => c.Consents), c => Assert.Contains(c.Recipient, NhtrcGenerators.ConsentRecipients));
        Assert.Contains(contacts, c => c.Consents.Any(x => x.Scope == ConsentScope.LawEnforcementReport));
        Assert.Contains(contacts, c => c.Signals.Age is { Minimum: < 18, Maximum: >= 18 });
    }

    [Property(Arbitrary = [typeof(NhtrcArbitraries)], MaxTest = 100)]
    public bool TriageScenarios_ContactsRoundTripThroughContactJson(TriageScenario scenario) =>
        ContactJson.Parse(ContactJson.Serialize(scenario.Contact)) == scenario.Contact;
}
