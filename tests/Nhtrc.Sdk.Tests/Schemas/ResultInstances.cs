using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Referrals;
using Nhtrc.Sdk.ResponseTimes;
using Nhtrc.Sdk.Tests.Fixtures;
using Nhtrc.Sdk.Triage;
using NodaTime;

namespace Nhtrc.Sdk.Tests.Schemas;

/// <summary>
/// Valid instances of the result formats, written by the SDK's real writers over real values: every contact fixture and
/// sample triaged by the default engine, deadlines of every channel and urgency under the default and every fixture
/// policy, SLA states before and after each deadline (overdue ones with negative durations, paused, answered early and
/// late), and referral results from the sample directory for the public and the advocate audience.
/// </summary>
internal static class ResultInstances
{
    private static readonly ResponsePolicy Default = ResponsePolicy.NhtrcDefault;

    // Mon 9 Mar 2026 10:00 EDT; Thu 2 Jul 18:59 EDT before Independence Day (observed); Sat 4 Jul 03:00 UTC;
    // an instant with a fraction of a second.
    private static readonly Instant[] Receipts =
    [
        Instant.FromUtc(2026, 3, 9, 14, 0),
        Instant.FromUtc(2026, 7, 2, 22, 59),
        Instant.FromUtc(2026, 7, 4, 3, 0),
        Instant.FromUtc(2026, 11, 25, 21, 30, 15) + Duration.FromMilliseconds(250),
    ];

    private static readonly Lazy<ImmutableArray<(string Name, ResponsePolicy Policy)>> Policies = new(() =>
    [
        ("ResponsePolicy.NhtrcDefault", Default),
        .. FixtureFiles.Documents().Where(f => f.StartsWith("policies/", StringComparison.Ordinal))
            .Select(f => (f, ResponsePolicyJson.Parse(FixtureFiles.Read(f)))),
    ]);

    /// <summary>Each contact fixture and sample, triaged by <see cref="TriageEngine.NhtrcDefault"/> at its receipt and later.</summary>
    public static IEnumerable<SchemaInstance> TriageOutcomes()
    {
        foreach (var (name, json) in Contacts())
        {
            var contact = ContactJson.Parse(json);
            foreach (var hours in (int[])[0, 9, 61])
            {
                var outcome = TriageEngine.NhtrcDefault.Triage(contact, contact.ReceivedAt + Duration.FromHours(hours));
                yield return new SchemaInstance($"{name} triaged +{hours}h", TriageOutcomeJson.Serialize(outcome));
            }
        }
    }

    /// <summary>The deadline of every channel and urgency under each policy, for a few receipts.</summary>
    public static IEnumerable<SchemaInstance> Deadlines()
    {
        foreach (var (name, policy) in Policies.Value)
        {
            var receipts = policy == Default ? Receipts : Receipts[..1];
            foreach (var received in receipts)
            {
                foreach (var (channel, urgency) in ChannelsAndUrgencies())
                {
                    yield return new SchemaInstance($"{name} {channel} {urgency} {received}", ResponseDeadlineJson.Serialize(policy.ComputeDeadline(received, channel, urgency)));
                }
            }
        }
    }

    /// <summary>
    /// SLA states of every channel and urgency under the default policy and a few fixture policies: at receipt, half
    /// way, past the target, breached (negative remaining time), paused, resumed, answered in time and late.
    /// </summary>
    public static IEnumerable<SchemaInstance> SlaStates()
    {
        foreach (var (name, policy) in Policies.Value.Take(6))
        {
            foreach (var received in policy == Default ? Receipts : Receipts[..1])
            {
                foreach (var (channel, urgency) in ChannelsAndUrgencies())
                {
                    var deadline = policy.ComputeDeadline(received, channel, urgency);
                    foreach (var (scenario, state) in States(deadline))
                    {
                        yield return new SchemaInstance($"{name} {channel} {urgency} {received} {scenario}", SlaStateJson.Serialize(state));
                    }
                }
            }
        }
    }

    /// <summary>Referral results from <see cref="ReferralDirectory.Sample"/> for places across the country, for both audiences.</summary>
    public static IEnumerable<SchemaInstance> ReferralResults()
    {
        var places = new (string Name, Func<ReferralPlace> Place)[]
        {
            ("zip 77002", () => ReferralPlace.FromZip("77002")),
            ("zip 20001", () => ReferralPlace.FromZip("20001")),
            ("zip 10001", () => ReferralPlace.FromZip("10001")),
            ("zip 60601", () => ReferralPlace.FromZip("60601")),
            ("zip 94103", () => ReferralPlace.FromZip("94103")),
            ("county 06037", () => ReferralPlace.FromCounty("06037")),
            ("state WY", () => ReferralPlace.FromState("WY")),
            ("state AK", () => ReferralPlace.FromState("AK")),
        };
        ImmutableArray<ServiceType>[] needs =
        [
            [ServiceType.EmergencyShelter, ServiceType.LegalServices],
            [ServiceType.Housing, ServiceType.CaseManagement, ServiceType.MentalHealth, ServiceType.Repatriation],
            [.. Enum.GetValues<ServiceType>()],
        ];
        var i = 0;
        foreach (var (placeName, place) in places)
        {
            foreach (var need in needs)
            {
                foreach (var audience in Enum.GetValues<ReferralAudience>())
                {
                    var query = new ReferralQuery
                    {
                        Needs = need,
                        Place = place(),
                        At = Receipts[i % Receipts.Length],
                        Urgency = i % 2 == 0 ? Urgency.Urgent : Urgency.NonUrgent,
                        Language = i % 3 == 0 ? LanguageTag.Parse("es") : null,
                        ExcludeFull = i % 4 == 1,
                        Count = 5 + (i % 3 * 10),
                        Audience = audience,
                    };
                    i++;
                    yield return new SchemaInstance(
                        $"ReferralDirectory.Sample {placeName} {need.Length} needs {audience}",
                        ReferralResultJson.Serialize(ReferralDirectory.Sample.Match(query)));
                }
            }
        }
    }

    /// <summary>
    /// Each contact fixture and sample through the default pipeline with the sample directory (searched, or not for
    /// want of a place, a need or a directory), for the public and for advocates.
    /// </summary>
    public static IEnumerable<SchemaInstance> ContactOutcomes()
    {
        var pipelines = new (string Name, ContactPipeline Pipeline)[]
        {
            ("public", ContactPipeline.NhtrcDefault),
            ("advocate top 12", new ContactPipeline(TriageEngine.NhtrcDefault, 12, ReferralAudience.Advocate)),
        };
        var i = 0;
        foreach (var (name, json) in Contacts())
        {
            var contact = ContactJson.Parse(json);
            var (pipelineName, pipeline) = pipelines[i % pipelines.Length];
            var directory = i % 7 == 6 ? null : ReferralDirectory.Sample;
            i++;
            yield return new SchemaInstance(
                $"{name} {pipelineName}{(directory is null ? " no directory" : "")}",
                ContactOutcomeJson.Serialize(pipeline.Process(contact, directory, contact.ReceivedAt + Duration.FromHours(i % 3 * 9))));
        }

        // No fixture or sample discloses an age: contacts built in code do, exact and as a range.
        foreach (var age in (AgeRange[])[AgeRange.Exactly(16), AgeRange.Between(17, 19), AgeRange.Between(30, 45)])
        {
            var contact = Triage.TriageExamples.Contact(
                RequestKind.Referral, new ContactSignals { Age = age, TraffickingType = TraffickingType.Sex }, referralNeeds: ["housing", "runawayAndHomelessYouth"]);
            yield return new SchemaInstance($"referral contact age {age}", ContactOutcomeJson.Serialize(ContactPipeline.NhtrcDefault.Process(contact, ReferralDirectory.Sample, contact.ReceivedAt)));
        }
    }

    private static IEnumerable<(string Name, string Json)> Contacts() =>
        FixtureFiles.Documents().Where(f => f.StartsWith("contacts/", StringComparison.Ordinal))
            .Select(f => (Name: f, Json: FixtureFiles.Read(f)))
            .Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "samples", "contacts"), "*.json").Order(StringComparer.Ordinal)
                .Select(p => (Name: "samples/contacts/" + Path.GetFileName(p), Json: File.ReadAllText(p))));

    private static IEnumerable<(ContactChannel, Urgency)> ChannelsAndUrgencies() =>
        from channel in Enum.GetValues<ContactChannel>()
        from urgency in new[] { Urgency.Urgent, Urgency.NonUrgent }
        select (channel, urgency);

    private static IEnumerable<(string Scenario, SlaState State)> States(ResponseDeadline deadline)
    {
        var received = new SlaEvent(SlaEventKind.Received, deadline.ReceivedAt);
        var half = deadline.ReceivedAt + ((deadline.TargetBy - deadline.ReceivedAt) / 2);
        var pastTarget = deadline.TargetBy + Duration.FromMinutes(90);
        var breached = deadline.DueBy + Duration.FromHours(3);
        yield return ("at receipt", SlaClock.Evaluate(deadline, [received], deadline.ReceivedAt));
        yield return ("half way", SlaClock.Evaluate(deadline, [received], half));
        yield return ("past target", SlaClock.Evaluate(deadline, [received], pastTarget));
        yield return ("breached", SlaClock.Evaluate(deadline, [received], breached));
        yield return ("paused", SlaClock.Evaluate(deadline, [received, new SlaEvent(SlaEventKind.Paused, half)], pastTarget));
        yield return ("resumed", SlaClock.Evaluate(
            deadline, [received, new SlaEvent(SlaEventKind.Paused, half), new SlaEvent(SlaEventKind.Resumed, half + Duration.FromHours(2))], breached));
        yield return ("answered in time", SlaClock.Evaluate(deadline, [received, new SlaEvent(SlaEventKind.Responded, half)], breached));
        yield return ("answered late", SlaClock.Evaluate(deadline, [received, new SlaEvent(SlaEventKind.Responded, breached)], breached + Duration.FromDays(1)));
    }
}
