namespace Nhtrc.Sdk.ResponseTimes.Json;

/// <summary>
/// The JSON of a <see cref="SlaState"/> (docs/deadlines.md, "Deadline and SLA JSON"): every member always present,
/// null where the state has no value; durations as ISO 8601 text in hours, minutes and seconds (<c>PT39H</c>,
/// <c>-PT3H</c>).
/// </summary>
internal sealed class SlaStateDocument
{
    public required string At { get; init; }

    public required string Status { get; init; }

    public required bool Paused { get; init; }

    public required string? RespondedAt { get; init; }

    public required bool? TargetMet { get; init; }

    public required string AllowedToTarget { get; init; }

    public required string AllowedToDue { get; init; }

    public required string RemainingToTarget { get; init; }

    public required string RemainingToDue { get; init; }

    public required string? EffectiveTargetBy { get; init; }

    public required string? EffectiveDueBy { get; init; }

    public required string Warning { get; init; }

    public required string? HalfUsedAt { get; init; }

    public required string? ThreeQuartersUsedAt { get; init; }

    public required ResponseDeadlineDocument Deadline { get; init; }
}
