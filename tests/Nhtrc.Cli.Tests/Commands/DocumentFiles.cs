namespace Nhtrc.Cli.Tests.Commands;

/// <summary>Small valid and invalid documents of every kind <c>nhtrc validate</c> and <c>nhtrc triage</c> read.</summary>
internal static class DocumentFiles
{
    /// <summary>A response policy: one hour to answer anything urgent, on always-open hours.</summary>
    public const string Policy = """
        {
          "id": "test-policy",
          "calendar": "always-open",
          "rules": [
            { "id": "urgent", "urgency": "urgent", "channels": ["phone", "text", "chat", "email", "webForm"],
              "target": { "kind": "elapsed", "duration": "PT1H" }, "due": { "kind": "elapsed", "duration": "PT2H" } },
            { "id": "non-urgent", "urgency": "nonUrgent", "channels": ["phone", "text", "chat", "email", "webForm"],
              "target": { "kind": "elapsed", "duration": "PT4H" }, "due": { "kind": "elapsed", "duration": "PT8H" } }
          ]
        }
        """;

    /// <summary>A response policy with three problems: an unknown calendar, urgency and duration.</summary>
    public const string InvalidPolicy = """
        { "id": "bad", "calendar": "nowhere",
          "rules": [ { "id": "r", "urgency": "soon", "channels": ["phone"],
                       "target": { "kind": "elapsed", "duration": "12 hours" }, "due": { "kind": "immediate" } } ] }
        """;

    /// <summary>Triage rules: a tip is urgent.</summary>
    public const string Rules = """
        {
          "id": "test-rules",
          "rules": [
            { "id": "tip-urgent", "reason": "Every tip is urgent in this test.", "when": { "requestKind": ["tip"] }, "urgency": "urgent" }
          ]
        }
        """;

    /// <summary>Triage rules with two problems: an unknown urgency and an unknown signal.</summary>
    public const string InvalidRules = """
        {
          "id": "bad-rules",
          "rules": [
            { "id": "a", "reason": "r", "when": { "signal": "noSuchSignal" }, "urgency": "soonish" }
          ]
        }
        """;

    /// <summary>A service calendar: weekdays 9 to 5 in Chicago.</summary>
    public const string Calendar = """
        { "id": "test-hours", "timeZone": "America/Chicago", "weeklyHours": { "monday": ["09:00-17:00"], "friday": ["09:00-17:00"] } }
        """;

    /// <summary>A service calendar with a problem: a time zone that does not exist.</summary>
    public const string InvalidCalendar = """
        { "id": "bad-hours", "timeZone": "Mars/Olympus_Mons", "weeklyHours": { "monday": ["09:00-17:00"] } }
        """;

    /// <summary>A contact with a problem: an unknown channel.</summary>
    public const string InvalidContact = """
        { "id": "bad-contact", "receivedAt": "2026-07-02T22:59:00Z", "channel": "fax", "requestKind": "tip" }
        """;
}
