using System;
using BenchmarkDotNet.Attributes;
using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Triage;

namespace Nhtrc.Sdk.Benchmarks.Triage;

/// <summary>
/// Triage of one contact with the NHTRC defaults, deadline included: the sample crisis (urgent, 9 of 17 rules fire,
/// three escalations with a consent check) and a non-urgent tip received after hours before a holiday (business-day
/// deadline and the queue's next opening).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class TriageBenchmarks
{
    private TriageEngine engine = null!;
    private Contact crisis = null!;
    private Contact tip = null!;

    [GlobalSetup]
    public void Setup()
    {
        engine = TriageEngine.NhtrcDefault;
        crisis = ContactJson.Parse(
            """
            {
              "id": "bench-crisis", "receivedAt": "2026-07-02T22:59:00Z", "channel": "phone", "requestKind": "crisis",
              "referralNeeds": ["emergencyShelter", "medicalCare"],
              "caller": { "role": "possibleVictim", "anonymous": false, "preferredLanguage": "es", "location": { "state": "TX" } },
              "signals": { "immediateDanger": true, "victimCurrentlyInSituation": true, "callerIsVictim": true,
                "forceFraudOrCoercionIndicated": true, "foreignNational": true, "needsShelterTonight": true,
                "languageInterpretationNeeded": true, "traffickingType": "labor" },
              "consents": [ { "scope": "lawEnforcementReport", "recipient": "fbi", "grantedAt": "2026-07-02T22:59:00Z" } ]
            }
            """);
        tip = ContactJson.Parse(
            """
            {
              "id": "bench-tip", "receivedAt": "2026-07-02T23:30:00Z", "channel": "webForm", "requestKind": "tip",
              "caller": { "role": "communityMember", "anonymous": true, "preferredLanguage": "en" },
              "signals": { "forceFraudOrCoercionIndicated": true, "traffickingType": "both" }
            }
            """);

        // Warm-up: loads the rules and builds the calendar's year tables.
        if (engine.Triage(crisis, crisis.ReceivedAt).Urgency != Urgency.Urgent || engine.Triage(tip, tip.ReceivedAt).Urgency != Urgency.NonUrgent)
        {
            throw new InvalidOperationException("The default rules no longer triage the benchmark contacts as expected.");
        }
    }

    [Benchmark(Baseline = true)]
    public TriageOutcome Crisis_Urgent() => engine.Triage(crisis, crisis.ReceivedAt);

    [Benchmark]
    public TriageOutcome Tip_NonUrgent_AfterHours() => engine.Triage(tip, tip.ReceivedAt);
}
