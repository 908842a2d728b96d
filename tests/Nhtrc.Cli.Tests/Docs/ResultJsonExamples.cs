using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nhtrc.Sdk;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Triage;
using NodaTime;

namespace Nhtrc.Cli.Tests.Docs;

/// <summary>
/// The result examples of the docs (<c>```json triage-outcome</c>, <c>deadline</c>, <c>sla-state</c>,
/// <c>referral-result</c>, <c>contact-outcome</c>) are what the SDK's result writers write for the inputs the docs describe, member for member
/// and value for value (layout aside).
/// </summary>
internal static class ResultJsonExamples
{
    /// <summary>docs/deadlines.md: a non-urgent email received Thu 2 Jul 2026 18:59 EDT.</summary>
    public static ResponseDeadline Deadline() =>
        ResponsePolicy.NhtrcDefault.ComputeDeadline(Instant.FromUtc(2026, 7, 2, 22, 59), ContactChannel.Email, Urgency.NonUrgent);

    /// <summary>docs/deadlines.md: a non-urgent email received Mon 9 Mar 2026 10:00 EDT, read at Wed 11 Mar 12:00 EDT.</summary>
    public static SlaState SlaState() => SlaClock.Evaluate(
        ResponsePolicy.NhtrcDefault, ContactChannel.Email, Urgency.NonUrgent,
        [new SlaEvent(SlaEventKind.Received, Instant.FromUtc(2026, 3, 9, 14, 0))], Instant.FromUtc(2026, 3, 11, 16, 0));

    /// <summary>docs/triage.md: samples/contacts/high-risk.json triaged at its receipt.</summary>
    public static TriageOutcome TriageOutcome()
    {
        var contact = ContactJson.LoadFile(Path.Combine(RepositoryRoot(), "samples", "contacts", "high-risk.json"));
        return TriageEngine.NhtrcDefault.Triage(contact, contact.ReceivedAt);
    }

    /// <summary>docs/referrals.md: the sample directory, emergency shelter at ZIP 77002, top 1, at 2026-07-02T22:00:00Z, for the public.</summary>
    public static ReferralResult ReferralResult() => ReferralDirectory.Sample.Match(new ReferralQuery
    {
        Needs = [ServiceType.EmergencyShelter],
        Place = ReferralPlace.FromZip("77002"),
        At = Instant.FromUtc(2026, 7, 2, 22, 0),
        Count = 1,
        Audience = ReferralAudience.Public,
    });

    /// <summary>docs/triage.md: samples/contacts/referral.json processed at its receipt with the sample directory, top 1, for the public.</summary>
    public static ContactOutcome ContactOutcome()
    {
        var contact = ContactJson.LoadFile(Path.Combine(RepositoryRoot(), "samples", "contacts", "referral.json"));
        return new ContactPipeline(TriageEngine.NhtrcDefault, referralCount: 1).Process(contact, ReferralDirectory.Sample, contact.ReceivedAt);
    }

    public static void AssertContactOutcome(string json) => AssertSame(ContactOutcomeJson.Serialize(ContactOutcome()), json);

    public static void AssertDeadline(string json) => AssertSame(ResponseDeadlineJson.Serialize(Deadline()), json);

    public static void AssertSlaState(string json) => AssertSame(SlaStateJson.Serialize(SlaState()), json);

    public static void AssertTriageOutcome(string json) => AssertSame(TriageOutcomeJson.Serialize(TriageOutcome()), json);

    public static void AssertReferralResult(string json) => AssertSame(ReferralResultJson.Serialize(ReferralResult()), json);

    private static void AssertSame(string written, string documented)
    {
        var expected = JsonNode.Parse(written);
        var actual = JsonNode.Parse(documented);
        Assert.True(JsonNode.DeepEquals(expected, actual), "the example should be (re-indented) " + Indented(written));
    }

    public static string Indented(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Nhtrc.Sdk.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Nhtrc.Sdk.sln not found above " + AppContext.BaseDirectory);
    }
}
