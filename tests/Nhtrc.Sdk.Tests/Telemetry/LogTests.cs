using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.Triage;

namespace Nhtrc.Sdk.Tests.Telemetry;

/// <summary>The contact pipeline's log events (docs/telemetry.md, 1000-1099), collected with <see cref="FakeLogger"/>.</summary>
public sealed class LogTests
{
    [Fact]
    public void Process_LogsTheTriage_EachEscalation_AndTheSearch_WithTheDocumentedIdsLevelsAndFields()
    {
        var logger = new FakeLogger();
        var pipeline = new ContactPipeline(TriageEngine.NhtrcDefault, logger: logger);

        var outcome = pipeline.Process(TelemetryExamples.PlantedCrisis(), ReferralDirectory.Sample, TelemetryExamples.ThursdayAfternoon);

        var records = logger.Collector.GetSnapshot();
        Assert.Equal(
            [(1000, "ContactTriaged", LogLevel.Debug), (1001, "EscalationMade", LogLevel.Information), (1002, "EscalationNotMade", LogLevel.Information),
             (1001, "EscalationMade", LogLevel.Information), (1004, "ReferralsSearched", LogLevel.Debug)],
            records.Select(r => (r.Id.Id, r.Id.Name!, r.Level)));

        var triaged = records[0];
        Assert.Equal("crisis", triaged.GetStructuredStateValue("RequestKind"));
        Assert.Equal("chat", triaged.GetStructuredStateValue("Channel"));
        Assert.Equal("urgent", triaged.GetStructuredStateValue("Urgency"));
        Assert.Equal("twentyFourSevenLine", triaged.GetStructuredStateValue("Queue"));
        Assert.Equal(string.Join(", ", outcome.Triage.FiredRules.Select(r => r.Id)), triaged.GetStructuredStateValue("FiredRules"));
        Assert.StartsWith("Contact triaged: crisis by chat, urgent, queue twentyFourSevenLine, rules fired: imminent-harm, crisis", triaged.Message, StringComparison.Ordinal);

        Assert.Equal(
            [("emergencyServices", "imminentHarm", "imminent-harm"), ("supervisor", "hotlinePolicy", "potential-trafficking")],
            records.Where(r => r.Id.Id == 1001).Select(r => (r.GetStructuredStateValue("EscalationKind"), r.GetStructuredStateValue("EscalationBasis"), r.GetStructuredStateValue("RuleId"))));
        var notMade = records[2];
        Assert.Equal("Escalation not made: lawEnforcement needs consent, which is none, rule adult-law-enforcement-with-consent", notMade.Message);

        var searched = records[4];
        var result = outcome.Referrals.Result!;
        Assert.Equal(
            $"Referrals searched: {outcome.Referrals.Needs.Length} needs, {result.EligibleCount} eligible services, {result.Matches.Length} matches",
            searched.Message);
    }

    public static TheoryData<string, CallerLocation?, bool> NotSearched => new()
    {
        { "noLocation", null, true },
        { "noDirectory", TelemetryExamples.PlantedLocation(), false },
        { "placeNotInGazetteer", new CallerLocation(zip: "00000"), true },
    };

    [Theory]
    [MemberData(nameof(NotSearched))]
    public void Process_WithoutASearch_LogsTheReasonCode_NotTheSentence(string code, CallerLocation? location, bool withDirectory)
    {
        var logger = new FakeLogger();
        var pipeline = new ContactPipeline(TriageEngine.NhtrcDefault, logger: logger);
        var contact = location is null ? WithoutLocation(TelemetryExamples.PlantedCrisis()) : TelemetryExamples.PlantedCrisis(location);

        var outcome = pipeline.Process(contact, withDirectory ? ReferralDirectory.Sample : null, TelemetryExamples.ThursdayAfternoon);

        Assert.False(outcome.Referrals.IsSearched);
        var record = Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Id == 1003);
        Assert.Equal(LogLevel.Debug, record.Level);
        Assert.Equal("ReferralsNotSearched", record.Id.Name);
        Assert.Equal(code, record.GetStructuredStateValue("Reason"));
        Assert.Equal("Referrals not searched: " + code, record.Message);
        Assert.DoesNotContain(logger.Collector.GetSnapshot(), r => r.Message.Contains("00000", StringComparison.Ordinal));
    }

    [Fact]
    public void Process_WithNoNeedsToSearch_SaysWhichKind()
    {
        var logger = new FakeLogger();
        var pipeline = new ContactPipeline(TriageEngine.NhtrcDefault, logger: logger);

        pipeline.Process(MetricsTests.RoutineTip(ContactChannel.Email), ReferralDirectory.Sample, TelemetryExamples.ThursdayAfternoon);

        Assert.Equal("noReferralNeeds", Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Id == 1003).GetStructuredStateValue("Reason"));
    }

    [Fact]
    public void Process_WithDebugOff_LogsOnlyTheEscalations()
    {
        var logger = new FakeLogger();
        logger.ControlLevel(LogLevel.Debug, enabled: false);
        var pipeline = new ContactPipeline(TriageEngine.NhtrcDefault, logger: logger);

        pipeline.Process(TelemetryExamples.PlantedCrisis(), ReferralDirectory.Sample, TelemetryExamples.ThursdayAfternoon);

        Assert.Equal([1001, 1002, 1001], logger.Collector.GetSnapshot().Select(r => r.Id.Id));
    }

    [Fact]
    public void ThePipeline_FromDependencyInjection_LogsThroughTheContainersLoggerFactory()
    {
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug))
            .AddFakeLogging()
            .AddNhtrc();
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        provider.GetRequiredService<ContactPipeline>().Process(TelemetryExamples.PlantedCrisis(), ReferralDirectory.Sample, TelemetryExamples.ThursdayAfternoon);

        var records = provider.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(records, r => r.Id.Id == 1000 && r.Category == "Nhtrc.Sdk.ContactPipeline");
        Assert.Equal(5, records.Count(r => r.Category == "Nhtrc.Sdk.ContactPipeline"));
    }

    [Fact]
    public void ThePipeline_FromAContainerWithoutLogging_StillWorks()
    {
        using var provider = new ServiceCollection().AddNhtrc().BuildServiceProvider();

        var outcome = provider.GetRequiredService<ContactPipeline>().Process(TelemetryExamples.PlantedCrisis(), ReferralDirectory.Sample, TelemetryExamples.ThursdayAfternoon);

        Assert.Equal(Urgency.Urgent, outcome.Urgency);
    }

    private static Contact WithoutLocation(Contact contact) => new(
        contact.Id,
        contact.ReceivedAt,
        contact.Channel,
        contact.RequestKind,
        new Caller(contact.Caller.Role, contact.Caller.IsAnonymous, contact.Caller.PreferredLanguage, location: null, contact.Caller.PersonalData),
        contact.Signals,
        contact.TechnicalAssistance,
        contact.ReferralNeeds,
        contact.Consents);

    internal static IEnumerable<(string Where, string? Text)> Texts(IEnumerable<FakeLogRecord> records) =>
        records.SelectMany(r => new (string, string?)[] { ($"log {r.Id} message", r.Message), ($"log {r.Id} event name", r.Id.Name) }
            .Concat((r.StructuredState ?? []).SelectMany(kv => new (string, string?)[] { ($"log {r.Id} key", kv.Key), ($"log {r.Id} field {kv.Key}", kv.Value) })));
}
