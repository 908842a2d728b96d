using System;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Triage;
using NodaTime;
using static Nhtrc.Sdk.Tests.Triage.TriageExamples;

namespace Nhtrc.Sdk.Tests.Triage;

/// <summary>
/// The published crisis definition (docs/triage.md, "The default rules"): a contact that needs a social-service or
/// law-enforcement response within 24 hours is urgent and answered on the 24/7 line, whatever its request kind.
/// </summary>
public class CrisisDefinitionTests
{
    public static TheoryData<RequestKind, ContactChannel, bool, bool> EveryKindChannelAndSignal()
    {
        var data = new TheoryData<RequestKind, ContactChannel, bool, bool>();
        foreach (var kind in Enum.GetValues<RequestKind>())
        {
            foreach (var channel in Enum.GetValues<ContactChannel>())
            {
                data.Add(kind, channel, true, false);
                data.Add(kind, channel, false, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryKindChannelAndSignal))]
    public void AResponseNeededWithin24Hours_IsUrgent_OnThe247Line_WhateverTheKind(RequestKind kind, ContactChannel channel, bool within24Hours, bool shelterTonight)
    {
        var signals = new ContactSignals { ResponseNeededWithin24Hours = within24Hours, NeedsShelterTonight = shelterTonight };
        var contact = Contact(kind, signals, channel: channel, receivedAt: ThursdayClose);

        var outcome = TriageAt(contact);

        var urgent = ResponsePolicy.NhtrcDefault.ComputeDeadline(contact.ReceivedAt, channel, Urgency.Urgent);
        Assert.Equal(Urgency.Urgent, outcome.Urgency);
        Assert.Contains("response-within-24h", Ids(outcome.UrgencyRules));
        Assert.Equal(TriageQueue.TwentyFourSevenLine, outcome.Queue);
        Assert.True(outcome.IsQueueOpen);
        Assert.Null(outcome.QueueOpensAt);
        Assert.Equal(urgent.TargetBy, outcome.Deadline.TargetBy);
        Assert.Equal(urgent.DueBy, outcome.Deadline.DueBy);
        Assert.Equal(urgent.Rule.Id, outcome.Deadline.Rule.Id);
    }

    [Fact]
    public void Tip_WorkersAboutToBeMovedTomorrow_IsUrgent_DueWithin12Hours_NotAfterTheHolidayWeekend()
    {
        // A web-form tip on Thursday evening, before the Independence Day (observed) weekend: a labor site whose
        // workers are to be moved tomorrow. Law enforcement has to act within 24 hours.
        var signals = new ContactSignals
        {
            ResponseNeededWithin24Hours = true,
            VictimCurrentlyInSituation = true,
            ForceFraudOrCoercionIndicated = true,
            TraffickingType = TraffickingType.Labor,
        };
        var contact = Contact(RequestKind.Tip, signals, channel: ContactChannel.WebForm, receivedAt: ThursdayClose);

        var outcome = TriageAt(contact);

        Assert.Equal(Urgency.Urgent, outcome.Urgency);
        Assert.Equal(["response-within-24h"], Ids(outcome.UrgencyRules));
        Assert.Equal(TriageQueue.TwentyFourSevenLine, outcome.Queue);
        Assert.True(outcome.IsQueueOpen);
        Assert.Equal(ThursdayClose + Duration.FromHours(12), outcome.Deadline.TargetBy);
        Assert.Equal(ThursdayClose + Duration.FromHours(12), outcome.Deadline.DueBy);
        Assert.Equal("urgent-written", outcome.Deadline.Rule.Id);
        Assert.True(Find(outcome, EscalationKind.Supervisor)!.IsMade);
        Assert.Equal(ConsentStatus.None, Find(outcome, EscalationKind.LawEnforcement)!.Consent);
        Assert.Null(Find(outcome, EscalationKind.EmergencyServices));
    }

    [Fact]
    public void HighRisk_RunawayMinorNeedsShelterTonight_IsUrgent_AnsweredNow_WithTheMandatoryReports()
    {
        // A call at night about a 15-year-old who ran away from home and has nowhere to sleep tonight.
        var signals = new ContactSignals { NeedsShelterTonight = true, Age = AgeRange.Exactly(15), CallerHasDirectKnowledge = true };
        var contact = Contact(RequestKind.HighRisk, signals, channel: ContactChannel.Phone, receivedAt: ThursdayClose, referralNeeds: ["runawayAndHomelessYouth"]);

        var outcome = TriageAt(contact);

        Assert.Equal(Urgency.Urgent, outcome.Urgency);
        Assert.Equal(["response-within-24h"], Ids(outcome.UrgencyRules));
        Assert.Equal(TriageQueue.TwentyFourSevenLine, outcome.Queue);
        Assert.True(outcome.IsQueueOpen);
        Assert.Equal(ThursdayClose, outcome.Deadline.TargetBy);
        Assert.Equal(ThursdayClose, outcome.Deadline.DueBy);
        Assert.Equal("urgent-live", outcome.Deadline.Rule.Id);
        Assert.Equal(
            [EscalationKind.ChildWelfare, EscalationKind.LawEnforcement, EscalationKind.Supervisor],
            outcome.Escalations.Select(e => e.Kind));
        Assert.All(outcome.Escalations, e => Assert.True(e.IsMade));
        Assert.Equal(["runawayAndHomelessYouth", "emergencyShelter"], outcome.ReferralNeeds.Select(n => n.Id));
    }

    [Theory]
    [InlineData(RequestKind.Tip)]
    [InlineData(RequestKind.Referral)]
    [InlineData(RequestKind.TrainingAndTechnicalAssistance)]
    [InlineData(RequestKind.GeneralInformation)]
    [InlineData(RequestKind.HighRisk)]
    public void WithoutASignalOfUrgency_ANonCrisisKind_StaysInBusinessHours(RequestKind kind)
    {
        // Every other signal, a minor included: none of them alone asks for a response within 24 hours.
        var signals = new ContactSignals
        {
            MinorInvolved = true,
            VictimCurrentlyInSituation = true,
            CallerIsVictim = true,
            CallerHasDirectKnowledge = true,
            ForceFraudOrCoercionIndicated = true,
            ForeignNational = true,
            LanguageInterpretationNeeded = true,
            TraffickingType = TraffickingType.Sex,
        };

        var outcome = TriageAt(Contact(kind, signals, receivedAt: ThursdayClose));

        Assert.Equal(Urgency.NonUrgent, outcome.Urgency);
        Assert.Equal(TriageQueue.BusinessHours, outcome.Queue);
        Assert.Equal(MondayOpening, outcome.QueueOpensAt);
    }
}

/// <summary>Instants outside the years the calendars support: the documented exception, naming which instant.</summary>
public class TriageInstantRangeTests
{
    public static TheoryData<string, RequestKind, string> OutOfRange() => new()
    {
        { "9999-12-31T23:00:00Z", RequestKind.Crisis, "contact.ReceivedAt" },
        { "9999-12-31T23:00:00Z", RequestKind.Tip, "contact.ReceivedAt" },
        { "0001-01-01T00:00:00Z", RequestKind.Tip, "contact.ReceivedAt" },
        { "0001-01-01T00:00:00Z", RequestKind.Crisis, "contact.ReceivedAt" },
        { "1799-12-31T00:00:00Z", RequestKind.Tip, "contact.ReceivedAt" },
        { "2201-01-02T00:00:00Z", RequestKind.Crisis, "contact.ReceivedAt" },
    };

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void AReceiptOutsideTheSupportedYears_IsAnArgumentOutOfRange_NamingTheReceipt(string receivedAt, RequestKind kind, string paramName)
    {
        var received = NodaTime.Text.InstantPattern.ExtendedIso.Parse(receivedAt).Value;
        var contact = Contact(kind, channel: ContactChannel.Email, receivedAt: received);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Engine.Triage(contact, received));

        Assert.Equal(paramName, e.ParamName);
        Assert.Contains("receipt", e.Message, StringComparison.Ordinal);
        Assert.Contains("1971 to 2200", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RequestKind.Crisis)]
    [InlineData(RequestKind.Tip)]
    public void ATriageInstantAfterTheSupportedYears_IsAnArgumentOutOfRange_NamingAt(RequestKind kind)
    {
        var contact = Contact(kind, receivedAt: ThursdayClose);

        foreach (var at in new[] { Instant.MaxValue, Instant.FromUtc(9999, 1, 1, 0, 0), Instant.FromUtc(2201, 1, 2, 0, 0) })
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => Engine.Triage(contact, at));
            Assert.Equal("at", e.ParamName);
            Assert.Contains("2200", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void InstantsAtTheEdges_GiveAnOutcomeOrTheDocumentedException_AndNothingElse()
    {
        Instant[] edges =
        [
            Instant.MinValue, Instant.FromUtc(0, 1, 1, 0, 0), Instant.FromUtc(1000, 6, 1, 0, 0), Instant.FromUtc(1799, 12, 31, 23, 59),
            Instant.FromUtc(1971, 1, 1, 4, 59), Instant.FromUtc(1971, 1, 1, 5, 0), ThursdayClose, Instant.FromUtc(2200, 12, 31, 20, 0),
            Instant.FromUtc(2201, 1, 1, 4, 59), Instant.FromUtc(2201, 1, 1, 5, 0), Instant.FromUtc(9999, 12, 31, 23, 0), Instant.MaxValue,
        ];
        var outcomes = 0;
        foreach (var received in edges)
        {
            foreach (var kind in new[] { RequestKind.Crisis, RequestKind.Tip })
            {
                foreach (var channel in new[] { ContactChannel.Phone, ContactChannel.Email })
                {
                    var contact = Contact(kind, channel: channel, receivedAt: received);
                    foreach (var at in edges.Where(a => a >= received))
                    {
                        try
                        {
                            Assert.Equal(contact.Id, Engine.Triage(contact, at).ContactId);
                            outcomes++;
                        }
                        catch (ArgumentOutOfRangeException e)
                        {
                            Assert.False(string.IsNullOrEmpty(e.ParamName), e.Message);
                        }
                    }
                }
            }
        }

        Assert.True(outcomes > 0);
    }

    [Fact]
    public void TheFirstAndLastSupportedInstants_Triage()
    {
        // New York local time: 1971-01-01T00:00 is 05:00 UTC; 2200-12-31T12:00 is well inside the last year.
        var first = Instant.FromUtc(1971, 1, 1, 5, 0);
        Assert.Equal(Urgency.Urgent, TriageAt(Contact(RequestKind.Crisis, receivedAt: first)).Urgency);
        Assert.Equal(Urgency.Urgent, TriageAt(Contact(RequestKind.Crisis, receivedAt: Instant.FromUtc(2200, 12, 31, 12, 0))).Urgency);
        Assert.Equal(Urgency.NonUrgent, TriageAt(Contact(RequestKind.Tip, receivedAt: first)).Urgency);
    }
}
