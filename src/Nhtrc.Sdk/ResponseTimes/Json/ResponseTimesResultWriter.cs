using Nhtrc.Sdk.Contacts;
using Nhtrc.Sdk.Text;
using Nhtrc.Sdk.Scheduling.Json;
using NodaTime;
using NodaTime.Text;

namespace Nhtrc.Sdk.ResponseTimes.Json;

/// <summary>Turns deadlines and SLA states into their result documents; a bigger result (a triage outcome) embeds them.</summary>
internal static class ResponseTimesResultWriter
{
    public static ResponseDeadlineDocument ToDocument(ResponseDeadline deadline) => new()
    {
        ReceivedAt = Format(deadline.ReceivedAt),
        Channel = WireName<ContactChannel>.Of(deadline.Channel),
        Urgency = WireName<Urgency>.Of(deadline.Urgency),
        TargetBy = Format(deadline.TargetBy),
        DueBy = Format(deadline.DueBy),
        PolicyId = deadline.Policy.Id,
        RuleId = deadline.Rule.Id,
        Explanation = deadline.Explanation,
    };

    public static SlaStateDocument ToDocument(SlaState state) => new()
    {
        At = Format(state.At),
        Status = WireName<SlaStatus>.Of(state.Status),
        Paused = state.IsPaused,
        RespondedAt = Format(state.RespondedAt),
        TargetMet = state.TargetMet,
        AllowedToTarget = FormatDuration(state.AllowedToTarget),
        AllowedToDue = FormatDuration(state.AllowedToDue),
        RemainingToTarget = FormatDuration(state.RemainingToTarget),
        RemainingToDue = FormatDuration(state.RemainingToDue),
        EffectiveTargetBy = Format(state.EffectiveTargetBy),
        EffectiveDueBy = Format(state.EffectiveDueBy),
        Warning = WireName<SlaWarning>.Of(state.Warning),
        HalfUsedAt = Format(state.HalfUsedAt),
        ThreeQuartersUsedAt = Format(state.ThreeQuartersUsedAt),
        Deadline = ToDocument(state.Deadline),
    };

    /// <summary>
    /// An ISO 8601 duration in hours, minutes and seconds, never days (business hours are not 24 to a day):
    /// <c>PT39H</c>, <c>PT1H30M</c>, <c>PT0.5S</c>, <c>PT0S</c>; a negative one (overdue) has a leading minus, as in
    /// XML Schema's <c>xs:duration</c>: <c>-PT3H</c>.
    /// </summary>
    public static string FormatDuration(Duration duration) => ServiceCalendarDocumentReader.FormatIsoDuration(duration);

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    private static string? Format(Instant? instant) => instant is { } value ? Format(value) : null;
}
