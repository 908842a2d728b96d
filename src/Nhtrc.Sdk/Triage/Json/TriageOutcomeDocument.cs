using Nhtrc.Sdk.ResponseTimes.Json;

namespace Nhtrc.Sdk.Triage.Json;

/// <summary>
/// The JSON of a <see cref="TriageOutcome"/> (docs/triage.md, "Outcome JSON"): every member always present, null
/// where there is none, instants as ISO 8601 UTC text, enums by their wire names, rules by id and reason, the deadline
/// as <see cref="ResponseDeadlineDocument"/>. It holds no personal data: an outcome holds none.
/// </summary>
internal sealed class TriageOutcomeDocument
{
    public required string ContactId { get; init; }

    public required string TriagedAt { get; init; }

    public required string RuleSetId { get; init; }

    public required string Urgency { get; init; }

    public required OutcomeRuleDocument[] UrgencyRules { get; init; }

    public required OutcomeQueueDocument Queue { get; init; }

    public required ResponseDeadlineDocument Deadline { get; init; }

    public required OutcomeEscalationDocument[] Escalations { get; init; }

    public required OutcomeFollowUpsDocument FollowUps { get; init; }

    public required OutcomeRuleDocument[] FiredRules { get; init; }

    public required string? CallerTimeZone { get; init; }
}

internal sealed class OutcomeRuleDocument
{
    public required string Id { get; init; }

    public required string Reason { get; init; }
}

internal sealed class OutcomeQueueDocument
{
    public required string Name { get; init; }

    public required bool OpenNow { get; init; }

    public required string? OpensAt { get; init; }
}

internal sealed class OutcomeEscalationDocument
{
    public required string Kind { get; init; }

    public required string Recipient { get; init; }

    public required string Basis { get; init; }

    public required string? LegalBasis { get; init; }

    public required bool Made { get; init; }

    public required string Consent { get; init; }

    public required string Explanation { get; init; }

    public required string RuleId { get; init; }
}

internal sealed class OutcomeFollowUpsDocument
{
    public required string[] ReferralNeeds { get; init; }

    public required string[] TechnicalAssistance { get; init; }
}
