using System;
using System.Globalization;

namespace Nhtrc.Sdk.Scheduling;

/// <summary>
/// A service calendar cannot answer: an instant or date is outside its supported years, the answer would
/// fall outside them, or the calendar never opens. <see cref="Reason"/> names the cause so that callers can
/// word it; it is an <see cref="ArgumentOutOfRangeException"/>, so existing handlers keep working.
/// </summary>
public sealed class CalendarRangeException : ArgumentOutOfRangeException
{
    /// <summary>Creates the exception with a message worded from the cause.</summary>
    /// <param name="paramName">The argument at fault, for example <c>receivedAt</c> or <c>amount</c>.</param>
    /// <param name="reason">The cause.</param>
    /// <param name="year">The year of the instant or date at fault, when known.</param>
    /// <param name="firstYear">The calendar's first supported year.</param>
    /// <param name="lastYear">The calendar's last supported year.</param>
    public CalendarRangeException(string? paramName, CalendarRangeReason reason, int? year, int firstYear, int lastYear)
        : base(paramName, Describe(reason, year, firstYear, lastYear))
    {
        Reason = reason;
        Year = year;
        FirstYear = firstYear;
        LastYear = lastYear;
    }

    /// <summary>The cause.</summary>
    public CalendarRangeReason Reason { get; }

    /// <summary>The year of the instant or date at fault, when known (UTC for instants far outside the range, else local).</summary>
    public int? Year { get; }

    /// <summary>The first year the calendar supports.</summary>
    public int FirstYear { get; }

    /// <summary>The last year the calendar supports.</summary>
    public int LastYear { get; }

    private static string Describe(CalendarRangeReason reason, int? year, int first, int last)
    {
        var years = string.Create(CultureInfo.InvariantCulture, $"this calendar supports years {first} to {last}");
        var inYear = year is { } y ? string.Create(CultureInfo.InvariantCulture, $"The instant is in year {y}; ") : "The instant is ";
        return reason switch
        {
            CalendarRangeReason.InstantBeforeFirstYear => year is null ? $"The instant is before the first supported year; {years}." : inYear + years + ".",
            CalendarRangeReason.InstantAfterLastYear => year is null ? $"The instant is after the last supported year; {years}." : inYear + years + ".",
            CalendarRangeReason.ResultBeforeFirstYear => string.Create(CultureInfo.InvariantCulture, $"The answer would fall before {first}, the first year this calendar supports."),
            CalendarRangeReason.ResultAfterLastYear => string.Create(CultureInfo.InvariantCulture, $"The deadline would fall after {last}, the last year this calendar supports."),
            CalendarRangeReason.NeverOpens => "This calendar never opens, so no business time or business day can be counted on it.",
            _ => years + ".",
        };
    }
}
