namespace Nhtrc.Sdk.ResponseTimes.Json;

/// <summary>
/// The JSON of a <see cref="ResponseDeadline"/> (docs/deadlines.md, "Deadline and SLA JSON"): every member always
/// present, instants as ISO 8601 UTC text, enums by their wire names; the policy and rule by id only.
/// </summary>
internal sealed class ResponseDeadlineDocument
{
    public required string ReceivedAt { get; init; }

    public required string Channel { get; init; }

    public required string Urgency { get; init; }

    public required string TargetBy { get; init; }

    public required string DueBy { get; init; }

    public required string PolicyId { get; init; }

    public required string RuleId { get; init; }

    public required string Explanation { get; init; }
}
