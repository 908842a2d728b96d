namespace Nhtrc.Sdk.Triage;

/// <summary>
/// Options of the triage services (configuration section <c>Nhtrc:Triage</c>, docs/configuration.md). With no
/// property set, the rules are <see cref="TriageRules.NhtrcDefault"/> and the business-hours queue keeps the response
/// policy's business calendar. Rules built in code are registered as a <see cref="TriageRules"/> singleton, which
/// replaces the ones these options choose.
/// </summary>
public sealed class TriageOptions
{
    /// <summary>
    /// A triage rules JSON file (docs/triage.md) to use instead of the default rules; a relative path is resolved
    /// against the host's content root, and the file is read once, at startup.
    /// </summary>
    public string? RulesFile { get; set; }

    /// <summary>
    /// The name of the calendar of the business-hours queue: a known calendar id (<c>nhtrc-business-hours</c>,
    /// <c>always-open</c>) or a name under <c>Nhtrc:Calendars</c>. Null: the response policy's business calendar.
    /// </summary>
    public string? BusinessCalendar { get; set; }
}
