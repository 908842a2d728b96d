namespace Nhtrc.Sdk.Scheduling;

/// <summary>Why a service calendar could not answer: the cause carried by a <see cref="CalendarRangeException"/>.</summary>
public enum CalendarRangeReason
{
    /// <summary>An instant or date given is before the calendar's first supported year.</summary>
    InstantBeforeFirstYear = 1,

    /// <summary>An instant or date given is after the calendar's last supported year.</summary>
    InstantAfterLastYear = 2,

    /// <summary>The input is in range, but the answer (a deadline, say) would fall before the first supported year.</summary>
    ResultBeforeFirstYear = 3,

    /// <summary>The input is in range, but the answer (a deadline, say) would fall after the last supported year.</summary>
    ResultAfterLastYear = 4,

    /// <summary>The calendar has no open time at all, so no amount of business time or business day can be reached.</summary>
    NeverOpens = 5,
}
