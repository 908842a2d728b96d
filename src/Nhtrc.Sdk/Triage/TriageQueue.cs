namespace Nhtrc.Sdk.Triage;

/// <summary>
/// Where a triaged contact waits to be handled. JSON names are <c>twentyFourSevenLine</c> and
/// <c>businessHours</c>.
/// </summary>
public enum TriageQueue
{
    /// <summary>The 24/7 line: staffed around the clock; every urgent contact goes here.</summary>
    TwentyFourSevenLine = 1,

    /// <summary>The business-hours queue, worked while the engine's business calendar is open.</summary>
    BusinessHours = 2,
}
